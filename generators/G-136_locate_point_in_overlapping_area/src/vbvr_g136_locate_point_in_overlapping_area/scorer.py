"""G-136 scorer: are exactly the dots inside both shapes circled in red?

The geometry_marks family's ``judge_point_marks`` with every dot as an anchor and the dots in the overlap as
the targets: the marked dots must be exactly the overlap's (one missed, or one in a single shape or outside
marked, scores 0).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import judge_point_marks
from vbvr_core.media.video import VideoReader

from vbvr_g136_locate_point_in_overlapping_area.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-136 against the sample's dots in the overlap."""
    solution = Solution.model_validate(sample.solution)
    return judge_point_marks(video, sample.first_frame, solution.dots, solution.inside,
                             ok="every dot in the overlap circled in red, no other; the rest unchanged")
