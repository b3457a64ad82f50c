"""G-212 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`); the mark must
sit on the arrow that breaks the direction rule and take in no other arrow."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_ringed
from vbvr_core.media.video import VideoReader

from vbvr_g212_find_incorrect_arrow_direction.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-212 against the sample's arrows and the wrong one."""
    return judge_ringed(video, sample.first_frame, Solution.model_validate(sample.solution))
