"""G-24 scorer: follow each piece by its colour and judge the slide (see vbvr_core.families.placement.judge).

Checks: the video opens on the first frame; every piece ends on its dashed outline's centre, upright as its
outline, whole, having stayed on its row and never turned on the way; no piece is hidden or broken in any
frame (nothing passes through anything); each slide is continuous (a cut to the end keeps ≤ 0.05).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.placement.judge import judge_sample
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-24 against the sample's pieces and their outlines."""
    return judge_sample(sample, video, turn_first=False)
