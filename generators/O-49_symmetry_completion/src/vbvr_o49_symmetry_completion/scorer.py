"""O-49 scorer: every hidden cell must end with its mirror cell's colour, and the rest stay as it was.

Checks (see vbvr_core.families.fill_in.judge.judge_completion): the video opens on the first frame; over its last
frames each hidden cell holds the expected colour (or white); nothing outside the hidden cells changes.
The share of right cells is corrected for chance — filling every cell with the most common answer
earns 0 — so only a mirrored completion scores high. The order of filling is not judged.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.fill_in.judge import judge_completion
from vbvr_core.media.video import VideoReader

from vbvr_o49_symmetry_completion.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-49 against the sample's first and final frames."""
    solution = Solution.model_validate(sample.solution)
    return judge_completion(video, sample.first_frame, sample.final_frame, solution.target_boxes,
                            chance=solution.chance)
