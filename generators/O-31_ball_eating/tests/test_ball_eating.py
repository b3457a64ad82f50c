"""O-31 specifications: the greedy tour, rejections, the README's table, and the scorer on near misses."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.produce import draw
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o31_ball_eating.generator import BallEatingGenerator, greedy_order

KEY = "O-31_ball_eating"
GENERATOR = BallEatingGenerator
README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_tour_goes_to_the_nearest_red_ball_from_where_the_black_ball_is():
    reds = np.array([[300.0, 100.0], [120.0, 100.0], [400.0, 100.0]])
    order, closest = greedy_order(np.array([100.0, 100.0]), reds)
    assert order == [1, 0, 2]
    assert closest == pytest.approx(280 / 180)  # the second step: 180 px to the nearest, 280 to the other


def test_a_close_call_is_rejected():
    with pytest.raises(Reject, match="ambiguous"):
        for seed in range(40):
            GENERATOR(seed, {"count": 8, "margin": 1.8}).generate()


def test_the_black_ball_grows_by_the_eaten_areas():
    for seed in range(20):
        try:
            sample = GENERATOR(seed, {"count": 3}).generate()
        except Reject:
            continue
        solution = sample.solution
        areas = solution.black_radius**2 + sum(solution.reds[k][2] ** 2 for k in solution.order)
        assert solution.radii_after[-1] == pytest.approx(np.sqrt(areas), abs=0.01)
        return
    pytest.fail("no sample drawn in 20 seeds")


class TestContract(SampleContract):
    key = KEY
    params = {"count": 2}  # short tours keep the test cheap

    def test_near_misses_score_zero(self, samples, tmp_path):
        record = load_record(samples[0])
        made = draw(KEY, record.seed, index=record.index, params=self.params, first_attempt=record.attempt,
                    max_attempts=1)
        misses = made.generator.near_misses(made.sample)
        for name in ("last_left",):
            frames = list(misses[name]())
            assert score_frames(samples[0], frames[:1] * 6 + frames + frames[-1:] * 6, tmp_path, f"{name}.mp4").value == 0
