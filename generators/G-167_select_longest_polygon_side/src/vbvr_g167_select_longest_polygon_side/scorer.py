"""G-167 scorer: is the polygon's longest side marked in red — and no other side?

The geometry_marks family's ``judge_point_marks`` with every side's midpoint as an anchor (the longest side's
as the target) and the sides themselves as segments: a point mark on the longest side's midpoint, or that side
traced over in red, marks it; a mark on another side, on a corner or anywhere else, or a second mark, scores 0.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import judge_point_marks
from vbvr_core.media.video import VideoReader
from vbvr_core.plane import polygon_sides

from vbvr_g167_select_longest_polygon_side.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-167 against the sample's longest side."""
    solution = Solution.model_validate(sample.solution)
    return judge_point_marks(video, sample.first_frame, solution.midpoints, [solution.longest],
                             segments=polygon_sides(solution.corners), line_width=solution.line_width,
                             ok="the longest side clearly marked in red, no other; the rest unchanged")
