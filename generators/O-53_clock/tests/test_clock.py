"""O-53 specifications: time arithmetic, rejection of unreadable clocks, and the scorer on near misses."""

from __future__ import annotations

import numpy as np
from vbvr_core.draw import PALETTE
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o53_clock.generator import (
    ClockFace,
    ClockGenerator,
    Params,
    clock_label,
    colour_problem,
    hand_angles,
    overlap_problem,
    time_phrase,
)


def test_hand_angles_of_known_times():
    assert hand_angles(3 * 60) == (90.0, 0.0)
    assert hand_angles(9 * 60 + 30) == (285.0, 180.0)  # 9:30: hour hand halfway between 9 and 10


def test_advance_crosses_noon():
    assert clock_label(11 * 60 + 50 + 25) == "12:15"
    assert clock_label(12 * 60 + 5) == "12:05"
    assert time_phrase(135) == "2 hours and 15 minutes" and time_phrase(60) == "1 hour"


def test_solution_states_the_end_time():
    sample = ClockGenerator(0, {"start_hour": 10, "start_minute": 40, "advance_minutes": 95, "hour_color": 1,
                                "minute_color": 0}).generate()
    assert sample.solution.end_time == "12:15"
    assert sample.solution.minute_turn == 570.0
    assert sample.solution.end_angles == {"hour": 7.5, "minute": 90.0}


def test_overlapping_hands_are_rejected():
    assert "overlap at the start time 12:00" in overlap_problem(0, 60)  # 12:00: both hands at 12
    assert "overlap at the end time 5:27" in overlap_problem(3 * 60, 5 * 60 + 27)
    assert overlap_problem(3 * 60, 4 * 60) is None


def test_look_alike_hand_colours_are_rejected():
    white = (255, 255, 255)
    assert "look-alike" in colour_problem(white, PALETTE["green"], PALETTE["green"])
    assert "too close to the face" in colour_problem((250, 246, 232), PALETTE["red"], (245, 240, 225))
    assert colour_problem(white, PALETTE["blue"], PALETTE["red"]) is None
    # Red half-blended with the dark hub, where the minute hand comes out from under it, passes for brown.
    assert "look-alike" in colour_problem(white, PALETTE["brown"], PALETTE["red"])


def test_drawn_advances_follow_the_stratum_grain():
    for seed in range(20):
        for difficulty, step in ((0, 60), (1, 15)):
            params = ClockGenerator(seed, {"difficulty": difficulty}).params
            assert params.advance_minutes % step == 0 and params.start_minute % 5 == 0


def _sweep(folder, advance: float, hour_follows: bool = True, frames: int = 50, swap: bool = False) -> list[np.ndarray]:
    record = load_record(folder)
    params = dict(record.params)
    if swap:  # each hand drawn in the other's colour
        params["hour_color"], params["minute_color"] = params["minute_color"], params["hour_color"]
    clock = ClockFace(Params(**params))
    start_hour, start_minute = record.solution["start_angles"]["hour"], record.solution["start_angles"]["minute"]
    out = []
    for k in range(frames + 1):
        minutes = advance * k / frames
        hour = start_hour + minutes * 0.5 if hour_follows or k == frames else start_hour
        out.append(clock.frame(hour, start_minute + minutes * 6))
    return out


class TestContract(SampleContract):
    key = "O-53_clock"

    def test_wrong_time_scores_zero(self, samples, tmp_path):
        advance = load_record(samples[0]).params["advance_minutes"]
        result = score_frames(samples[0], _sweep(samples[0], advance + 60), tmp_path)
        assert result.value < 0.1 and result.parts["hour_end"] == 0

    def test_hour_hand_that_jumps_at_the_end_loses_consistency(self, samples, tmp_path):
        advance = load_record(samples[0]).params["advance_minutes"]
        result = score_frames(samples[0], _sweep(samples[0], advance, hour_follows=False), tmp_path)
        assert result.parts["consistent"] < 0.3 and result.value <= 0.6

    def test_correct_sweep_rendered_independently_scores_high(self, samples, tmp_path):
        advance = load_record(samples[1]).params["advance_minutes"]
        assert score_frames(samples[1], _sweep(samples[1], advance, frames=40), tmp_path).value >= 0.95


    def test_darker_video_is_followed_but_swapped_colours_are_not(self, samples, tmp_path):
        advance = load_record(samples[0]).params["advance_minutes"]
        gain = 0.88 * np.array([0.95, 1.0, 1.05])
        darker = [np.clip(frame * gain, 0, 255).astype(np.uint8) for frame in _sweep(samples[0], advance)]
        assert score_frames(samples[0], darker, tmp_path).value >= 0.95
        assert score_frames(samples[0], _sweep(samples[0], advance, swap=True), tmp_path, name="swap.mp4").value < 0.1

def test_only_the_hour_hand_reaches_the_centre():
    """The official convention (issue 16): the minute hand runs under the central hub, the hour hand over it."""
    params = Params(radius=180, hour_color=1, minute_color=0)
    clock = ClockFace(params)
    (cx, cy), radius = (256, 256), params.radius
    hour, minute = PALETTE["blue"], PALETTE["red"]
    both_at_3 = clock.frame(90.0, 90.0)
    assert tuple(both_at_3[cy, cx + int(0.3 * radius)]) == hour  # the hour hand lies on top of the minute hand
    apart = clock.frame(0.0, 90.0)
    assert tuple(apart[cy, cx + int(0.1 * radius)]) == (35, 35, 35)  # the hub hides the minute hand's inner end
    assert tuple(apart[cy, cx + int(0.5 * radius)]) == minute
    assert tuple(apart[cy - int(0.1 * radius), cx]) == hour  # the hour hand runs over the hub


def test_hands_stand_well_apart_at_the_start_and_end():
    # 6:35: the hands 12.5° apart, where the official evaluator's straight-edge search runs along both hands.
    assert "overlap at the end time 6:35" in overlap_problem(3 * 60, 6 * 60 + 35)
    assert overlap_problem(3 * 60, 6 * 60 + 45) is None  # 6:45: 67.5° apart
