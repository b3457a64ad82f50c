"""G-136 scorer: are exactly the dots inside both shapes circled in red?

The geometry_marks family's ``judge_point_marks`` with every dot as an anchor and the dots in the overlap as
the targets: each red circle, dot or filled disc marks the dot nearest its centre (full credit within 0.03 of
the frame's side, none from 0.055: a mark near no dot is a stray mark); the marked dots must be exactly the
overlap's (one missed, one in a single shape or outside marked, or a stray mark scores 0); every mark must be
closed, round and small; the rest of the picture must stay as it was. Only the answer is asked for, so marks
that appear at once keep 0.9. Never raises.
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
