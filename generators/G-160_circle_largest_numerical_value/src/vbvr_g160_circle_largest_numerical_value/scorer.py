"""G-160 scorer: find the red ring the model drew and judge which number it marks (see vbvr_core.marks).

Checks: the video opens on the first frame; at the end a closed, thin red ring encloses the number with
the largest value and no other number; the numbers and background are unchanged. How the ring appears
is not asked for, so drawing it at once costs only 0.1.
"""

from __future__ import annotations

from vbvr_core import SampleRef, Score, VideoReader
from vbvr_core.marks import judge_mark


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-160 against the sample's numbers and the largest one."""
    solution = sample.solution
    return judge_mark(video.clip(), sample.first_frame, [tuple(c) for c in solution["centers"]],
                      solution["target"], solution["ring_radii"][solution["target"]])
