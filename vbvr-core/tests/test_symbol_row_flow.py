"""The symbol-row family's shared openings and endings: a scorer's solution and clip
(``judge.opened``), an insertion's sample (``InsertionScene.sample``), the family's fade and hold lengths."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from vbvr_core.contract import TaskParams, TaskSolution
from vbvr_core.families.symbol_row import deletion, judge
from vbvr_core.families.symbol_row.draw import FADE_FRAMES, HOLD_ENDS
from vbvr_core.families.symbol_row.insertion import InsertionScene, Timing


class _Solution(TaskSolution):
    position: int


def test_opened_reads_the_solution_and_prepares_the_clip(monkeypatch):
    sample, video, clip = SimpleNamespace(solution={"position": 3}), object(), object()
    monkeypatch.setattr(judge, "prepare", lambda s, v: clip if (s, v) == (sample, video) else None)
    solution, prepared = judge.opened(sample, video, _Solution)
    assert isinstance(solution, _Solution) and solution.position == 3 and prepared is clip


def test_the_deletion_video_uses_the_family_fade_and_hold():
    assert deletion.FADE_FRAMES == FADE_FRAMES == 10 and deletion.HOLD_ENDS == HOLD_ENDS == 8


def test_insertion_sample_opens_on_the_row_and_ends_with_the_new_symbols():
    red, blue = (230, 30, 30), (30, 30, 230)
    scene = InsertionScene([("●", red), ("■", red)], ("▲", blue), 40, [230, 282], [204, 256, 308], [1], 256, 200,
                           (255, 255, 255))
    timing = Timing(hold_start=1, shift=2, fade=2, slide=2, hold_end=1)
    sample = scene.sample(timing, "insert", TaskSolution(), TaskParams(), hold_frames=3)
    assert (sample.first_frame == scene.frame(0.0, 0.0, 0.0)).all()
    assert (sample.final_frame == scene.frame(1.0, 1.0, 1.0)).all()
    video = list(sample.trajectory())
    assert len(video) == 1 + 2 + 2 + 2 + 1 and sample.hold_frames == 3 and sample.prompt == "insert"
    assert all((a == b).all() for a, b in zip(video, scene.frames(timing), strict=True))
    assert (video[-1] == sample.final_frame).all() and not np.array_equal(video[0], video[-1])
