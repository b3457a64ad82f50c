"""G-222 scorer: find the small mark the model drew and judge whether it sits on the tangent point.

The answer is a point, so the marking family's candidate judge does not apply as is; this judge reuses its
pieces (the opening, the red-or-black detector, the mark's fit and coverage, the rest-unchanged measure) and the
geometry_marks family's (the marks' blobs, the closed rule and the point mark's tolerances): the official
convention marks the point with a small black circle.

value = start · on_point · one_mark · closed · round · small · unchanged · (0.9 + 0.1 · progressive):

- start: the video opens on the first frame, not yet marked;
- on_point: the final mark (black or red, ring, dot or fill) is centred within ON_FULL of the frame's side
  of the tangent point (full credit), no credit from ON_ZERO (the geometry_marks family's tolerances);
- one_mark: the mark is one blob (two marked points score 0);
- closed: the mark, its holes filled, covers its own centre, and its pixels leave no gap wider than 45° (none
  from 90°) around the circle through them (the geometry_marks family's ``closed_credit``, the rule of every
  point mark: a closed ring, dot or fill is closed; an open arc, a half-drawn ring, is not). Before its holes are
  filled, gaps of up to ``2 · CLOSE_GAPS`` judge pixels in its stroke are closed: compression eats a pixel or
  two of a thin black ring (a 15° notch at CRF 35), which is no open arc (a half-drawn ring leaves 130–190°);
- round: the filled mark surrounds its centre on every side (a ring, dot or fill does; a stroke does not);
- small: it is a point mark (its reach at most SMALL_FULL of the frame), not a ring around the circles;
- unchanged: the rest of the picture matches the first frame up to a global colour drift;
- progressive: the mark grows over at least 1/6 s (the process is not required, so it weighs little).
Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import (
    ON_FULL,
    ON_ZERO,
    SMALL_FULL,
    SMALL_ZERO,
    closed_credit,
    filled,
    mark_blobs,
    round_credit,
)
from vbvr_core.families.marking.judge import JUDGE_SIZE, mark_fit, read_new_ink, red_or_dark_mask
from vbvr_core.families.marking.parts import away_from, unchanged_and_progressive
from vbvr_core.judge.credit import ramp
from vbvr_core.media.video import VideoReader

from vbvr_g222_mark_tangent_point_of_circles.generator import Solution

CLOSE_GAPS = 2  # judge px: stroke gaps up to twice this close before the holes are filled (~40° round a 6-px mark)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-222 against the sample's tangent point."""
    solution = Solution.model_validate(sample.solution)
    read = read_new_ink(video, sample.first_frame, red_or_dark_mask)
    if isinstance(read, Score):
        return read
    verdict, factor = read.verdict, read.factor
    blobs = mark_blobs(read.mark)  # specks of compression noise are no mark
    if not blobs:
        verdict.part("on_point", 0.0, unless="no black or red mark at the end of the video")
        return verdict.score(ok="")
    verdict.part("one_mark", float(len(blobs) == 1), unless=f"{len(blobs)} separate marks at the end")
    mark = np.logical_or.reduce(blobs)
    center, reach = mark_fit(mark)  # the blobs hold pixels
    truth = (solution.tangent[0] * factor, solution.tangent[1] * factor)
    off = float(np.hypot(center[0] - truth[0], center[1] - truth[1])) / JUDGE_SIZE
    verdict.note("off", off)
    verdict.part("on_point", ramp(off, ON_FULL, ON_ZERO),
                 unless=f"the mark is centred {off:.3f} of the frame away from the tangent point")
    solid = filled(mark, bridge=CLOSE_GAPS)
    closed, gap = closed_credit(mark, solid, center)
    verdict.note("gap", gap)
    verdict.part("closed", closed, unless=f"the mark is an open stroke or arc, not a closed circle or dot "
                                          f"(a gap of {gap:.0f}° around it)")
    round_, cover = round_credit(solid, center)
    verdict.part("round", round_,
                 unless=f"the mark surrounds its centre in {cover:.0%} of directions only (not a circle or dot)")
    size = reach / JUDGE_SIZE
    verdict.part("small", ramp(size, SMALL_FULL, SMALL_ZERO),
                 unless=f"the mark reaches {size:.3f} of the frame: not a mark on one point")
    unchanged_and_progressive(verdict, read.clip.frames, read.first, away_from(mark, factor), read.counts,
                              changed="the picture outside the mark changes", at_once="the mark appears at once")
    return verdict.score(ok="a clear black or red mark centred on the tangent point; the rest is unchanged")
