"""G-134 scorer: the red mark must enclose the candidate that continues the large-small alternation.

The sequence-choice family's :func:`~vbvr_core.families.sequence_choice.judge.score_choice` scores every task of
the family alike (its checks are stated there, on :func:`~vbvr_core.families.sequence_choice.judge.judge_choice`).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.sequence_choice.judge import score_choice
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of this task with the family's judge."""
    return score_choice(sample, video)
