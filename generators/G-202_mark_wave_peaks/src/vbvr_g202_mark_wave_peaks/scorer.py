"""G-202 scorer: is every crest of the wave marked in red, and nothing else?

The geometry_marks family's ``judge_point_marks`` with the curve's ends, crests and troughs as anchors and the
crests as the targets: each red ring, dot or ring-with-dot marks the extremum nearest its centre (full credit
within 0.03 of the frame's side, none from 0.055: a mark on the slope between two extrema is a stray mark);
the marked extrema must be exactly the crests (one missed, a trough or an end marked, or a stray mark scores
0); every mark must be closed, round and small; the rest of the picture must stay as it was. Only the answer
is asked for, so marks that appear at once keep 0.9. Never raises.
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
