"""marking.judge.score_ringed: the family scorer a ring-the-answer task names in plugin.py is judge_ringed of the
sample's solution, read with only the fields the judge needs (the task's others ignored); judged_opening: the clip
and the start part of a scorer that judges the whole clip itself."""

from __future__ import annotations

from itertools import chain

import numpy as np
from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.draw import PALETTE
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.families.marking.judge import RingedSolution, judge_ringed, judged_opening, score_ringed
from vbvr_core.media.video import VideoClip, VideoReader, held, write_video


def test_score_ringed_is_judge_ringed_of_the_solution(tmp_path):
    first = np.full((FRAME_SIZE, FRAME_SIZE, 3), 245, np.uint8)
    first[120:180, 120:180] = PALETTE["blue"]
    first[330:390, 330:390] = PALETTE["green"]
    path = tmp_path / "ring.mp4"
    write_video(path, held(chain([first], ring_sweep(first, (150.0, 150.0), 50.0, 12)), 12))

    class _Ref:
        first_frame = first
        solution = {"centers": [[150.0, 150.0], [360.0, 360.0]], "target": 0, "ring_radii": [50.0, 50.0],
                    "kinds": ["square", "square"]}

    result = score_ringed(_Ref(), VideoReader(path))
    assert result == judge_ringed(VideoReader(path), first, RingedSolution.model_validate(_Ref.solution))
    assert result.value >= 0.9
    _Ref.solution = {"centers": [[150.0, 150.0], [360.0, 360.0]], "target": 1, "ring_radius": 50.0}
    assert score_ringed(_Ref(), VideoReader(path)).parts["selection"] == 0.0


def test_judged_opening_reads_the_clip_and_the_start(tmp_path):
    first = np.full((FRAME_SIZE, FRAME_SIZE, 3), 245, np.uint8)
    first[200:300, 200:300] = PALETTE["blue"]
    path = tmp_path / "still.mp4"
    write_video(path, held([first] * 4, 12))
    clip, verdict = judged_opening(VideoReader(path), first, "not the scene")
    assert clip.frames.shape[1:] == (256, 256, 3) and verdict.score(ok="").parts == {"start": 1.0}
    assert judged_opening(VideoReader(path), first, "", size=128)[0].frames.shape[1] == 128
    refused = judged_opening(VideoReader(path), first, "not the scene", lambda clip: False)
    assert isinstance(refused, Score) and refused.value == 0.0 and "not the scene" in refused.reason
    other = np.full_like(first, 245)
    other[20:120, 380:480] = PALETTE["red"]
    assert judged_opening(VideoReader(path), other, "not the scene").parts["start"] == 0.0

    class _Empty:
        def clip(self, size=256, fps=None):
            return VideoClip.failed("no video stream", size)

    empty = judged_opening(_Empty(), first, "not the scene")
    assert isinstance(empty, Score) and empty.value == 0.0 and empty.reason == "no video stream"
