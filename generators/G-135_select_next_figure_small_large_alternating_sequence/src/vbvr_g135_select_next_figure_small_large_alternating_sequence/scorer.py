"""G-135 scorer: the red mark must enclose the candidate that continues the small-large alternation.

Checks (see :func:`vbvr_core.families.sequence_choice.judge.judge_choice`, built on the marking family's
judge): the video opens on the first frame; at the end a clear red mark (ring, outline, dot or fill) sits on
the answer and takes in no other candidate; everything else is unchanged up to a global colour drift. How
the mark appears is not asked for, so drawing it at once costs only 0.1.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.sequence_choice.judge import judge_choice
from vbvr_core.families.sequence_choice.scene import SequenceChoiceSolution
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-135 against the sample's candidates and the one that comes next."""
    return judge_choice(video, sample.first_frame, SequenceChoiceSolution.model_validate(sample.solution))
