"""G-218 scorer: the marking family's :func:`~vbvr_core.families.marking.judge.judge_mark`, with the triangle's
three vertices as the candidates and the largest angle's vertex as the target: the red mark must sit on it and
take in neither other vertex.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.media.video import VideoReader

from vbvr_g218_identify_largest_angle_in_triangle.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-218 against the sample's vertices and the largest angle's vertex."""
    solution = Solution.model_validate(sample.solution)
    return judge_mark(video, sample.first_frame, solution.vertices, solution.target, solution.ring_radius)
