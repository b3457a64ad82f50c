"""G-217 scorer: the marking family's :func:`~vbvr_core.families.marking.judge.judge_mark`, with every dot as a
candidate and the central dot as the target: the red mark must sit on it and take in no other dot.
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
