"""G-174 scorer: follow each circle by its colour and judge the arrangement (see vbvr_core.families.arrangement.judge).

Checks: the video opens on the first frame; at the end every circle is present at its own size, all
circles stand on one horizontal line (by their centres, or on a common baseline or top line), left to
right by circumference in the asked direction, at the row through the middle, centred; and each circle
got there by moving continuously (a cut to the end scores ≤ 0.08).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.arrangement.judge import judge_arrangement
from vbvr_core.media.video import VideoReader

from vbvr_g174_arrange_circles_by_circumference.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-174 against the sample's circles, their starts and their places in the row."""
    solution = Solution.model_validate(sample.solution)
    return judge_arrangement(video.clip(), sample.first_frame, sample.final_frame, solution.colors, solution.starts,
                             solution.ends, solution.order)
