"""G-160 scorer: find the red ring the model drew and judge which number it marks (see vbvr_core.families.marking.judge).

Checks: the video opens on the first frame; at the end a closed, thin red ring encloses the number with
the largest value and no other number; the numbers and background are unchanged. How the ring appears
is not asked for, so drawing it at once costs only 0.1.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-160 against the sample's numbers and the largest one."""
    solution = sample.solution
    return judge_mark(video.clip(), sample.first_frame, [tuple(c) for c in solution["centers"]],
                      solution["target"], solution["ring_radii"][solution["target"]])
