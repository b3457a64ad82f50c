"""O-56 scorer: the missing panel must show the figures the rules demand, and the rest stay as it was.

The fill-in family's judge (:func:`vbvr_core.families.fill_in.judge.judge_completion`) with the empty panel as the
one target (a wrong shape, colour, count or size is far from the expected figures).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.fill_in.judge import judge_completion
from vbvr_core.media.video import VideoReader

from vbvr_o56_raven.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-56 against the sample's first and final frames."""
    solution = Solution.model_validate(sample.solution)
    return judge_completion(video, sample.first_frame, sample.final_frame, [solution.target_box])
