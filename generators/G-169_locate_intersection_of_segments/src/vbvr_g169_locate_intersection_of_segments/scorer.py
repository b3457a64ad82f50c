"""G-169 scorer: is there one clear red mark, centred on the point where the two segments cross?

The geometry_marks family's ``judge_point_marks`` with the crossing point as the target and the near-T's gap
(when there is one) as a second anchor: one mark, on the crossing point.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import judge_point_marks
from vbvr_core.media.video import VideoReader

from vbvr_g169_locate_intersection_of_segments.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-169 against the sample's crossing point."""
    solution = Solution.model_validate(sample.solution)
    anchors = [solution.crossing] + ([solution.decoy_point] if solution.decoy_point is not None else [])
    return judge_point_marks(video, sample.first_frame, anchors, [0],
                             ok="one clear red mark centred on the crossing point; the rest unchanged")
