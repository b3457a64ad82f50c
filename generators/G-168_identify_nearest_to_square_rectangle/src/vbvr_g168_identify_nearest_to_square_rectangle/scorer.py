"""G-168 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`); the mark must
sit on the most square rectangle and take in no other rectangle."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_ringed
from vbvr_core.media.video import VideoReader

from vbvr_g168_identify_nearest_to_square_rectangle.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-168 against the sample's rectangles and the most square one."""
    return judge_ringed(video, sample.first_frame, Solution.model_validate(sample.solution))
