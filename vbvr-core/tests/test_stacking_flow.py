"""stacking.task.OneAtATimeGenerator: the carried sample (first frame at the starts, final at the targets, the
trajectory the task's replay of every piece), the hold it asks for, and the family's two near misses."""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, Point, Sample, TaskParams, TaskSolution
from vbvr_core.draw import Sprite, Stage
from vbvr_core.families.stacking.layout import HOLD_ENDS, one_at_a_time
from vbvr_core.families.stacking.task import OneAtATimeGenerator
from vbvr_core.testing.helpers import flow_instance


class _Params(TaskParams):
    move_frames: int = 4
    pause_frames: int = 1


class _Solution(TaskSolution):
    starts: list[Point]
    targets: list[Point]
    order: list[int]


SPRITES = [Sprite(np.full((8, 8, 4), (255, 0, 0, 255), np.uint8)), Sprite(np.full((8, 8, 4), (0, 0, 255, 255), np.uint8))]
STAGE = Stage(np.full((FRAME_SIZE, FRAME_SIZE, 3), 255, np.uint8))


def _replay(solution, ends, moving, move_frames, pause_frames):
    rows = one_at_a_time(solution.starts, ends, moving, move_frames, pause_frames)
    return lambda: (STAGE.frame(list(zip(SPRITES, row, strict=True))) for row in rows)


def _sample(gen):
    solution = _Solution(starts=[(50.0, 50.0), (50.0, 150.0)], targets=[(400.0, 50.0), (400.0, 150.0)], order=[1, 0])
    return gen.carried_sample(STAGE, SPRITES, solution.starts, solution.targets, "carry", solution)


def test_carried_sample_opens_at_the_starts_and_ends_at_the_targets():
    gen = flow_instance(OneAtATimeGenerator, _Params(), Params=_Params, Solution=_Solution,
                        replay=staticmethod(_replay))
    sample = _sample(gen)
    frames = list(sample.trajectory())
    assert len(frames) == 1 + 2 * 4 + 1 and sample.hold_frames == HOLD_ENDS
    assert (frames[0] == sample.first_frame).all() and (frames[-1] == sample.final_frame).all()
    assert (sample.first_frame[50, 50] == (255, 0, 0)).all() and (sample.final_frame[150, 400] == (0, 0, 255)).all()
    assert (frames[5][150, 400] == (0, 0, 255)).all() and (frames[5][50, 50] == (255, 0, 0)).all()  # order: 1 first


def test_hold_none_keeps_the_pipeline_default_and_near_misses_are_the_family_two():
    gen = flow_instance(OneAtATimeGenerator, _Params(), Params=_Params, Solution=_Solution,
                        replay=staticmethod(_replay))
    gen.hold_frames = None
    sample = _sample(gen)
    assert sample.hold_frames == Sample.hold_frames  # the dataclass default
    misses = gen.near_misses(sample)
    assert sorted(misses) == ["last_left_behind", "swapped_pair"]
    swapped = list(misses["swapped_pair"]())[-1]
    assert (swapped[50, 400] == (0, 0, 255)).all() and (swapped[150, 400] == (255, 0, 0)).all()
    left = list(misses["last_left_behind"]())[-1]
    assert (left[50, 50] == (255, 0, 0)).all() and (left[150, 400] == (0, 0, 255)).all()
