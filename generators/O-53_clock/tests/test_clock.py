"""O-53 specifications: time arithmetic, determinism, validation, and the scorer on baselines and near misses."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_o53_clock.generator import ClockFace, ClockGenerator, clock_label, hand_angles, time_phrase

KEY = "O-53_clock"


def test_hand_angles_of_known_times():
    assert hand_angles(3 * 60) == (90.0, 0.0)
    assert hand_angles(9 * 60 + 30) == (285.0, 180.0)  # 9:30: hour hand halfway between 9 and 10


def test_advance_crosses_noon():
    assert clock_label(11 * 60 + 50 + 25) == "12:15"
    assert clock_label(12 * 60 + 5) == "12:05"
    assert time_phrase(135) == "2 hours and 15 minutes" and time_phrase(60) == "1 hour"


def test_solution_states_the_end_time():
    sample = ClockGenerator(0, {"start_hour": 10, "start_minute": 40, "advance_minutes": 95}).generate()
    assert sample.solution["end_time"] == "12:15"
    assert sample.solution["minute_turn"] == 570.0
    assert sample.solution["end_angles"] == {"hour": 7.5, "minute": 90.0}


def test_overlapping_hands_are_rejected():
    # 12:00 → both hands at 12.
    generator = ClockGenerator(0, {"start_hour": 12, "start_minute": 0, "advance_minutes": 60})
    problems = generator.validate(generator.generate())
    assert any("overlap" in problem for problem in problems)


def test_look_alike_hand_colours_are_rejected():
    generator = ClockGenerator(0, {"hour_color": 2, "minute_color": 2, "start_hour": 3, "start_minute": 0})
    assert any("look-alike" in problem for problem in generator.validate(generator.generate()))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="start_minute"):
        ClockGenerator(0, {"start_minute": 7})
    with pytest.raises(ValueError, match="advance_minutes"):
        ClockGenerator(0, {"advance_minutes": 900})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def _sweep(folder, advance: float, hour_follows: bool = True, frames: int = 50) -> list[np.ndarray]:
    solution = load_record(folder).solution
    clock = ClockFace(solution["style"])
    start_hour, start_minute = solution["start_angles"]["hour"], solution["start_angles"]["minute"]
    out = []
    for k in range(frames + 1):
        minutes = advance * k / frames
        hour = start_hour + minutes * 0.5 if hour_follows or k == frames else start_hour
        out.append(clock.frame(hour, start_minute + minutes * 6))
    return out


def test_wrong_time_scores_zero(samples, tmp_path):
    folder = samples[0]
    advance = load_record(folder).solution["advance_minutes"]
    result = score_frames(folder, _sweep(folder, advance + 60), tmp_path)
    assert result.value < 0.1 and result.parts["hour_end"] == 0


def test_hour_hand_that_jumps_at_the_end_loses_consistency(samples, tmp_path):
    folder = samples[0]
    advance = load_record(folder).solution["advance_minutes"]
    result = score_frames(folder, _sweep(folder, advance, hour_follows=False), tmp_path)
    assert result.parts["consistent"] < 0.3 and result.value <= 0.6


def test_correct_sweep_rendered_independently_scores_high(samples, tmp_path):
    folder = samples[1]
    advance = load_record(folder).solution["advance_minutes"]
    assert score_frames(folder, _sweep(folder, advance, frames=40), tmp_path).value >= 0.95
