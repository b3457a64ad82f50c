"""G-147 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`); the mark must
sit on the unique figure and take in no other figure."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_ringed
from vbvr_core.media.video import VideoReader

from vbvr_g147_identify_unique_figure_in_uniform_set.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-147 against the sample's figures and the unique one."""
    return judge_ringed(video, sample.first_frame, Solution.model_validate(sample.solution))
