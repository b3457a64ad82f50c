"""G-221 scorer: the outline family's judge (:func:`vbvr_core.families.outline.judge.judge_outline`) on
the innermost square's boundary, in blue, within the sample's tolerance (under half the distance to the next
square out, so an outline of an outer square does not count)."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.outline.draw import square_polygon
from vbvr_core.families.outline.judge import judge_outline
from vbvr_core.media.video import VideoReader

from vbvr_g221_outline_innermost_square.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-221 against the sample's innermost square."""
    solution = Solution.model_validate(sample.solution)
    polygon = square_polygon(solution.centers[solution.target], solution.halves[solution.target])
    return judge_outline(video, sample.first_frame, polygon, "blue", solution.tolerance)
