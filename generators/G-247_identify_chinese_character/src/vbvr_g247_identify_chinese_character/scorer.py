"""G-247 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`); the mark (a
ring, a square, a dot or a fill) must sit on the one Chinese character and take in no other symbol."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_ringed
from vbvr_core.media.video import VideoReader

from vbvr_g247_identify_chinese_character.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-247 against the sample's symbols and the answer."""
    return judge_ringed(video, sample.first_frame, Solution.model_validate(sample.solution))
