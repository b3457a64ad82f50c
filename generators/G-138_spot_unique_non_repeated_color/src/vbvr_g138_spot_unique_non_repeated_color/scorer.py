"""G-138 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`) with black or red
ink (the official clips mark in black); the mark must sit on the shape of the unrepeated colour and take in no
other shape."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_ringed, red_or_dark_mask
from vbvr_core.media.video import VideoReader

from vbvr_g138_spot_unique_non_repeated_color.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-138 against the sample's shapes and the one of the unique colour."""
    return judge_ringed(video, sample.first_frame, Solution.model_validate(sample.solution), ink=red_or_dark_mask)
