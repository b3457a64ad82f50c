"""G-218 scorer: find the red ring the model drew and judge which vertex it marks (see vbvr_core.families.marking.judge).

Checks: the video opens on the first frame; at the end a closed, thin red ring encloses the vertex of the
largest angle and neither other vertex; the triangle and background are unchanged. How the ring appears
is not asked for, so drawing it at once costs only 0.1.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-218 against the sample's vertices and the largest angle's vertex."""
    solution = sample.solution
    return judge_mark(video, sample.first_frame, [tuple(v) for v in solution["vertices"]],
                      solution["target"], solution["ring_radius"])
