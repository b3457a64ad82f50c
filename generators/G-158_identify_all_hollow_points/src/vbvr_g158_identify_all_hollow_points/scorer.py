"""G-158 scorer: are exactly the hollow points circled in red?

The geometry_marks family's ``judge_point_marks`` with every point as an anchor and the hollow ones as the
targets: the marked points must be exactly the hollow ones (one missed or a solid one marked scores 0).
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
