"""G-248 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`); the mark must
sit on the asymmetric shape and take in no other shape."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_ringed
from vbvr_core.media.video import VideoReader

from vbvr_g248_mark_asymmetrical_shape.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-248 against the sample's shapes and the asymmetric one."""
    return judge_ringed(video, sample.first_frame, Solution.model_validate(sample.solution))
