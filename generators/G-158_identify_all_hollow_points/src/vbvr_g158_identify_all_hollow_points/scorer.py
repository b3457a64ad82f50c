"""G-158 scorer: are exactly the hollow points circled in red?

The geometry_marks family's ``judge_point_marks`` with every point as an anchor and the hollow ones as the
targets: each red circle, dot or filled disc marks the point nearest its centre (full credit within 0.03 of the
frame's side, none from 0.055: a mark near no point is a stray mark); the marked points must be exactly the
hollow ones (one missed, a solid one marked, or a stray mark scores 0); every mark must be closed, round and
small; the rest of the picture must stay as it was. Only the answer is asked for, so marks that appear at once
keep 0.9. Never raises.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import judge_point_marks
from vbvr_core.media.video import VideoReader

from vbvr_g158_identify_all_hollow_points.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-158 against the sample's hollow points."""
    solution = Solution.model_validate(sample.solution)
    return judge_point_marks(video, sample.first_frame, solution.centers, solution.targets,
                             ok="every hollow point circled in red, no solid one; the rest unchanged")
