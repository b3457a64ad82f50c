"""O-49 scorer: every hidden cell must end with its mirror cell's colour, and the rest stay as it was.

The fill-in family's judge (:func:`vbvr_core.families.fill_in.judge.judge_completion`) with every hidden cell a
target (its expected colour, or white), corrected for the chance of the most common answer (``Solution.chance``):
filling every cell with it earns 0, so only a mirrored completion scores high.
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
