"""G-25 scorer: follow each piece by its colour and judge turn-then-slide (see vbvr_core.families.placement.judge).

Checks: the video opens on the first frame; every piece first turns in place, through the angles in between,
to its dashed outline's orientation (modulo its symmetry), keeps that orientation while it slides, and ends
on its outline's centre, whole, having stayed on its row; no piece is hidden or broken in any frame (nothing
passes through anything); each slide is continuous. A slide before the turn, or a cut to the end, scores ≈ 0.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.placement.judge import judge_sample
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-25 against the sample's pieces, their turns and their outlines."""
    return judge_sample(sample, video, turn_first=True)
