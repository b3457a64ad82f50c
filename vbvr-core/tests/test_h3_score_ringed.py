"""marking.judge.score_ringed: the family scorer a ring-the-answer task names in plugin.py is judge_ringed of the
sample's solution, read with only the fields the judge needs (the task's others ignored)."""

from __future__ import annotations

from itertools import chain

import numpy as np
from vbvr_core.contract import FRAME_SIZE
from vbvr_core.draw import PALETTE
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.families.marking.judge import RingedSolution, judge_ringed, score_ringed
from vbvr_core.media.video import VideoReader, held, write_video


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
