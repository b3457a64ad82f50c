"""O-75 specifications: hydrostatics, rejections, and the scorer on flows, levels and near misses."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_o75_communicating_vessels.generator import (
    CommunicatingVesselsGenerator,
    Solution,
    equilibrium,
    levels_at,
)
from vbvr_o75_communicating_vessels.scorer import judge

KEY = "O-75_communicating_vessels"


def test_common_level_keeps_the_volume():
    widths, heights = (40, 80, 120), (200, 50, 110)
    level = equilibrium(widths, heights)
    assert level == pytest.approx((40 * 200 + 80 * 50 + 120 * 110) / 240)
    assert np.dot(widths, [level] * 3) == pytest.approx(np.dot(widths, heights))


def test_every_stage_of_the_flow_keeps_the_volume():
    widths, heights = (40, 80, 120), (200, 50, 110)
    level = equilibrium(widths, heights)
    for share in (0.0, 0.3, 0.9, 1.0):
        assert np.dot(widths, levels_at(heights, level, share)) == pytest.approx(np.dot(widths, heights))


def test_a_start_near_level_is_rejected():
    with pytest.raises(Reject, match="nearly level"):
        CommunicatingVesselsGenerator(0, {"vessels": 2, "equal_widths": True, "width_1": 70, "width_2": 70,
                                          "height_1": 100, "height_2": 150}).generate()


def test_widths_that_would_not_matter_are_rejected():
    with pytest.raises(Reject, match="plain mean"):
        CommunicatingVesselsGenerator(0, {"vessels": 2, "equal_widths": False, "width_1": 60, "width_2": 64,
                                          "height_1": 30, "height_2": 200}).generate()


def test_drawn_widths_fit_and_differ():
    for seed in range(15):
        p = CommunicatingVesselsGenerator(seed, {"difficulty": 2}).params
        assert max(p.widths) - min(p.widths) >= (30 if p.vessels < 4 else 20) or p.equal_widths


@pytest.fixture(scope="module")
def solution() -> Solution:
    return CommunicatingVesselsGenerator(3, {"vessels": 3, "equal_widths": False, "width_1": 40, "width_2": 100,
                                             "width_3": 70, "height_1": 220, "height_2": 40,
                                             "height_3": 150}).generate().solution


def _levels(solution: Solution, target: float, shares) -> np.ndarray:
    return np.array([levels_at(solution.start_heights, target, s) for s in shares])


def test_right_flow_at_any_pace_scores_one(solution):
    for shares in (np.linspace(0, 1, 20), np.r_[np.zeros(15), np.linspace(0, 1, 80), np.ones(10)]):
        assert judge(solution, _levels(solution, solution.level, shares)).value == pytest.approx(1.0)


def test_settling_at_the_plain_mean_or_stopping_early_scores_low(solution):
    mean = float(np.mean(solution.start_heights))
    assert abs(mean - solution.level) > 15
    assert judge(solution, _levels(solution, mean, np.linspace(0, 1, 30))).value <= 0.1
    assert judge(solution, _levels(solution, solution.level, np.linspace(0, 0.6, 30))).value <= 0.1


def test_water_vanishing_on_the_way_loses_the_volume(solution):
    shares = np.linspace(0, 1, 30)
    levels = _levels(solution, solution.level, shares) * (1 - 0.3 * np.sin(np.pi * shares))[:, None]
    result = judge(solution, levels)
    assert result.parts["volume"] < 0.5 and result.value < 0.5


class TestContract(SampleContract):
    key = KEY
