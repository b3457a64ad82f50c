"""O-15 specifications: the law of reflection, rejections, and the scorer on timings, frame rates and near misses."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.physics.ball import BallTrack
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample
from vbvr_o15_ball_bounces_given_time.generator import (
    BallBouncesGivenTimeGenerator,
    BoxScene,
    Params,
    Solution,
    bounce_times,
    fold,
    positions,
)
from vbvr_o15_ball_bounces_given_time.scorer import judge

KEY = "O-15_ball_bounces_given_time"


def test_fold_is_elastic_reflection_between_two_walls():
    # A free coordinate 40 past the wall at 100 is 40 back from it; 30 before 0 is 30 after it.
    assert fold(140.0, 0.0, 100.0) == pytest.approx(60.0)
    assert fold(-30.0, 0.0, 100.0) == pytest.approx(30.0)
    assert fold(250.0, 0.0, 100.0) == pytest.approx(50.0)


def test_bounce_times_count_each_wall_met():
    assert bounce_times(10.0, 100.0, 0.0, 100.0, 2.5) == pytest.approx([0.9, 1.9])
    assert bounce_times(10.0, -100.0, 0.0, 100.0, 1.5) == pytest.approx([0.1, 1.1])


def test_angle_in_equals_angle_out_at_every_wall():
    sample = first_accepted_sample(BallBouncesGivenTimeGenerator, 3, {"difficulty": 2})
    solution = sample.solution
    t = np.linspace(0.0, solution.duration, 2001)
    steps = np.diff(positions(solution, t), axis=0)
    speeds = np.linalg.norm(steps, axis=1) / (t[1] - t[0])
    clean = speeds > 0.9999 * speeds.max()  # steps that straddle a bounce are shorter
    assert np.allclose(speeds[clean], math.hypot(*solution.velocity), rtol=1e-3)
    # Only the signs of the components ever change: the angle to each wall is kept.
    assert np.allclose(np.abs(steps[clean]), np.abs(np.array(solution.velocity)) * (t[1] - t[0]), rtol=1e-3)


def test_direction_along_a_wall_axis_is_rejected():
    with pytest.raises(Reject, match="axis"):
        BallBouncesGivenTimeGenerator(0, {"angle": 92.0}).generate()


def test_no_bounce_is_rejected():
    with pytest.raises(Reject, match="does not reach a wall"):
        BallBouncesGivenTimeGenerator(0, {"angle": 40.0, "start_x": 0.3, "start_y": 0.7, "duration": 1.0,
                                          "speed": 2.0, "box_width": 8.0, "box_height": 6.0}).generate()


def test_speed_follows_a_fixed_box():
    for seed in range(10):
        p = BallBouncesGivenTimeGenerator(seed, {"box_width": 8.0, "box_height": 3.0, "difficulty": 0}).params
        assert 150 - 6 <= p.speed * min(440 / 8.0, 350 / 3.0) <= 250 + 6


def _centres(solution: Solution, fps: float, wait: float, rest: float, pace: float = 1.0,
             stop: float | None = None) -> BallTrack:
    """The ball's centres at ``fps``: held ``wait`` s, moving (at ``pace`` × the speed) until ``stop`` s of motion,
    then held ``rest`` s."""
    stop = solution.duration if stop is None else stop
    times = np.arange(0.0, wait + stop + rest + 1e-9, 1 / fps) - wait
    times = np.clip(times, 0.0, stop) * pace
    return BallTrack.from_centres([tuple(c) for c in positions(solution, times)])


@pytest.fixture(scope="module")
def solution() -> Solution:
    return first_accepted_sample(BallBouncesGivenTimeGenerator, 11, {"difficulty": 1}).solution


@pytest.mark.parametrize("fps", [8, 16, 24, 30])
def test_the_law_at_any_frame_rate_after_any_wait_scores_high(solution, fps):
    assert judge(solution, _centres(solution, fps, wait=0.6, rest=0.5), fps).value >= 0.95


def test_too_slow_or_stopped_early_scores_low(solution):
    slow = judge(solution, _centres(solution, 24, 0.2, 0.3, pace=0.85), 24)
    early = judge(solution, _centres(solution, 24, 0.2, 0.3, stop=solution.duration - 0.4), 24)
    assert slow.value <= 0.1 and early.value <= 0.1 and early.parts["end"] == 0


def test_passing_through_a_wall_loses_the_physics(solution):
    # Right start, right end, but a straight slide between them instead of the bounces.
    steps = round(solution.duration * 24)
    line = [tuple(np.add(solution.start, np.subtract(solution.end, solution.start) * k / steps)) for k in range(steps + 1)]
    result = judge(solution, BallTrack.from_centres(line), 24)
    assert result.value < 0.5 and result.parts["physics"] < 0.5


def test_ball_drawn_by_the_scene_is_tracked_where_it_is(tmp_path):
    scene = BoxScene(Params(difficulty=1))
    frame = scene.frame((200.0, 250.0))
    ys, xs = np.nonzero(np.all(frame == np.array((25, 45, 140), np.uint8), axis=-1))
    assert abs(xs.mean() - 200.0) < 1 and abs(ys.mean() - 250.0) < 1


class TestContract(SampleContract):
    key = KEY
    near_misses = True
