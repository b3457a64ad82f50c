"""G-217 scorer: find the red mark the model drew and judge which dot it marks (the marking family's judge).

Checks (see :func:`vbvr_core.families.marking.judge.judge_mark`): the video opens on the first frame; at the end a
clear red mark (ring, outline, dot or fill) sits on the central dot and takes in no other dot; the dots and
background are unchanged up to a global colour drift. How the mark appears is not asked for, so drawing it at once
costs only 0.1.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.media.video import VideoReader

from vbvr_g217_circle_central_dot.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-217 against the sample's dots and the central one."""
    solution = Solution.model_validate(sample.solution)
    return judge_mark(video, sample.first_frame, solution.dots, solution.target, solution.ring_radius)
