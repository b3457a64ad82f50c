"""G-160 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`); the mark must
sit on the number with the largest value and take in no other number."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_ringed
from vbvr_core.media.video import VideoReader

from vbvr_g160_circle_largest_numerical_value.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-160 against the sample's numbers and the largest one."""
    return judge_ringed(video, sample.first_frame, Solution.model_validate(sample.solution))
