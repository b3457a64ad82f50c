"""G-202 scorer: is every crest of the wave marked in red, and nothing else?

The geometry_marks family's ``judge_point_marks`` with the curve's ends, crests and troughs as anchors and the
crests as the targets: a ring, a dot or a ring with a dot marks the extremum nearest its centre (a mark on the
slope between two extrema is a stray mark), and the marked extrema must be exactly the crests (one missed, or a
trough or an end marked, scores 0).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import judge_point_marks
from vbvr_core.media.video import VideoReader

from vbvr_g202_mark_wave_peaks.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-202 against the sample's wave crests."""
    solution = Solution.model_validate(sample.solution)
    return judge_point_marks(video, sample.first_frame, solution.extrema, solution.peaks,
                             ok="every crest of the wave marked in red, nothing else; the rest unchanged")
