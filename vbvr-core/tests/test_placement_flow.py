"""placement.task.PlacementGenerator: the stage on the params' background, the placed sample (draw.pieces_sample of
the solution) and near misses given as poses."""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import TaskParams, TaskSolution
from vbvr_core.draw import BACKGROUNDS, Stage
from vbvr_core.families.placement.draw import Piece, background, laid_out, pieces_sample, render, solution_poses
from vbvr_core.families.placement.task import PlacementGenerator
from vbvr_core.testing.helpers import flow_instance


class _Params(TaskParams):
    move_frames: int = 5
    background: int = 1


class _Solution(TaskSolution):
    pieces: list[Piece]


def _setup():
    gen = flow_instance(PlacementGenerator, _Params(), Params=_Params, Solution=_Solution)
    pieces = laid_out(np.random.default_rng(4), ["square", "triangle"], ["red", "blue"], 28, [30.0, 0.0], 2.0)
    return gen, pieces


def test_placed_sample_is_the_solution_on_the_params_background():
    gen, pieces = _setup()
    assert np.array_equal(gen.stage(pieces).background, background(BACKGROUNDS[1], pieces))
    sample = gen.placed_sample(pieces, 4, "place", _Solution(pieces=pieces), hold_frames=3)
    expected = pieces_sample(Stage(background(BACKGROUNDS[1], pieces)), pieces, 4, 5, prompt="place",
                             solution=_Solution(pieces=pieces), params=gen.params)
    got, want = list(sample.trajectory()), list(expected.trajectory())
    assert len(got) == len(want) == 4 + 1 + 5 and all(np.array_equal(a, b) for a, b in zip(got, want, strict=True))
    assert np.array_equal(sample.first_frame, expected.first_frame) and sample.hold_frames == 3
    assert sample.prompt == "place" and sample.params is gen.params


def test_posed_draws_each_named_pose_list_afresh():
    gen, pieces = _setup()
    still = solution_poses(pieces, 0, 2)[:1] * 2
    sources = gen.posed(pieces, still=still, slid=solution_poses(pieces, 0, 2))
    assert list(sources) == ["still", "slid"]
    frames = list(sources["still"]())
    assert len(frames) == 2 and np.array_equal(frames[0], next(render(gen.stage(pieces), pieces, still)))
    assert len(list(sources["still"]())) == 2  # a fresh iterator every call
