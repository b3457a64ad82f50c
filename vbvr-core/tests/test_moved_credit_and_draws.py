"""Task-local credit and coverage code replaced by core's, bit for bit.

- ``judge.motion.unlike_dissolve`` (was symbol_row's) ramps its residual with ``vbvr_core.judge.credit.ramp`` (full at
  ``DISSOLVE_HIGH``, none at ``DISSOLVE_LOW``) instead of an inline clipped ratio;
- O-36's share of half-step waypoints passed is ``vbvr_core.judge.motion.progress_coverage``;
- O-85's stated angle and O-53's clock advance are drawn by ``rotation.task.stated_multiple`` from their per-difficulty
  (grain, largest) tables.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.rotation.task import STATED_ANGLES, stated_multiple
from vbvr_core.judge import motion
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.motion import progress_coverage


def _old_dissolve(farthest: float) -> float:
    low, high = motion.DISSOLVE_LOW, motion.DISSOLVE_HIGH
    return float(np.clip((farthest - low) / (high - low), 0.0, 1.0))


def test_rising_ramp_is_the_old_clipped_ratio_bit_for_bit() -> None:
    values = np.random.default_rng(3).uniform(-0.2, 0.8, 5000).tolist() + [0.15 + 1e-12, 0.2, 0.3, 0.31, 1.0]
    for value in values:
        assert ramp(value, motion.DISSOLVE_HIGH, motion.DISSOLVE_LOW) == _old_dissolve(value)


def test_unlike_dissolve_ramps_the_farthest_residual(monkeypatch: pytest.MonkeyPatch) -> None:
    for farthest, expected in ((0.0, 0.0), (0.15, 0.0), (0.225, 0.5), (0.3, 1.0), (0.9, 1.0)):
        monkeypatch.setattr(motion, "blend_residuals", lambda frames, f=farthest: [0.01, f])
        assert motion.unlike_dissolve(np.zeros((2, 4, 4, 3), np.uint8)) == pytest.approx(expected)


def _old_waypoints(matched: list[float], steps: int) -> float:
    waypoints = np.arange(1, 2 * steps) / 2
    passed = [w for w in waypoints if any(abs(o - w) <= 0.25 for o in matched)]
    return len(passed) / len(waypoints)


@pytest.mark.parametrize("steps", [1, 2, 3, 4, 5])
def test_half_step_waypoints_are_progress_coverage(steps: int) -> None:
    rng = np.random.default_rng(steps)
    offsets = np.arange(0, 4 * (steps + 1) + 1) / 4
    for _ in range(300):
        matched = [float(o) for o in rng.choice(offsets, size=int(rng.integers(0, 12)))]
        covered = progress_coverage(matched, 0.0, steps, checkpoints=2 * steps - 1, resolution=0.25)
        assert covered == _old_waypoints(matched, steps)


ADVANCES = {0: (60, 300), 1: (15, 240), 2: (5, 300)}  # O-53's (grain, largest advance) in minutes


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_stated_multiple_is_the_tasks_old_draw(difficulty: int) -> None:
    for seed in range(300):
        step, largest = STATED_ANGLES[difficulty]
        old = int(step * np.random.default_rng(seed).integers(math.ceil(15 / step), largest // step + 1))
        assert stated_multiple(np.random.default_rng(seed), STATED_ANGLES, difficulty, 15) == old
        step, largest = ADVANCES[difficulty]
        old = int(step * np.random.default_rng(seed).integers(max(1, 10 // step), largest // step + 1))
        assert stated_multiple(np.random.default_rng(seed), ADVANCES, difficulty, 10) == old


def test_stated_multiple_stays_in_the_stratum() -> None:
    rng = np.random.default_rng(0)
    drawn = {stated_multiple(rng, {0: (15, 60)}, 0, 20) for _ in range(200)}
    assert drawn == {30, 45, 60}


def test_progress_coverage_bridges_only_consecutive_frames_close_enough():
    eased = [0.0, 0.2, 0.6, 0.9, 1.0]  # the step 0.2 -> 0.6 leaves the place at 1/3 unseen
    assert progress_coverage(eased, 0.0, 1.0, checkpoints=5, resolution=0.1) == 0.8
    assert progress_coverage(eased, 0.0, 1.0, checkpoints=5, resolution=0.1, bridge=0.5) == 1.0
    assert progress_coverage(eased, 0.0, 1.0, checkpoints=5, resolution=0.1, bridge=0.3) == 0.8  # a jump
    unseen_between = [0.0, 0.2, None, 0.6, 0.9, 1.0]
    assert progress_coverage(unseen_between, 0.0, 1.0, checkpoints=5, resolution=0.1, bridge=0.5) == 0.8
