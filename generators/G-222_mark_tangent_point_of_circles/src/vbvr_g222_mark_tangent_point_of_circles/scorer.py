"""G-222 scorer: find the small mark the model drew and judge whether it sits on the tangent point.

The answer is a point, so the marking family's candidate judge does not apply as is; this judge reuses its
pieces (the red-or-black detector, the mark's fit and coverage, the rest-unchanged measure): the official
convention marks the point with a small black circle.

value = start · on_point · one_mark · closed · round · small · unchanged · (0.9 + 0.1 · progressive):

- start: the video opens on the first frame, not yet marked;
- on_point: the final mark (black or red, ring, dot or fill) is centred within ON_FULL of the frame's side
  of the tangent point (full credit), no credit from ON_ZERO (tolerances in fractions of the frame);
- one_mark: the mark is one blob (two marked points score 0);
- closed: the mark, its holes filled, covers its own centre, and its pixels leave no gap wider than 45° (none
  from 90°) around the circle through them (the geometry_marks family's ``closed_credit``, the rule of every
  point mark: a closed ring, dot or fill is closed; an open arc, a half-drawn ring, is not);
- round: the filled mark surrounds its centre on every side (a ring, dot or fill does; a stroke does not);
- small: it is a point mark (its reach at most SMALL_FULL of the frame), not a ring around the circles;
- unchanged: the rest of the picture matches the first frame up to a global colour drift;
- progressive: the mark grows over at least 1/6 s (the process is not required, so it weighs little).
Never raises.
"""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import closed_credit, filled
from vbvr_core.families.marking.judge import (
    JUDGE_FPS,
    JUDGE_SIZE,
    coverage_around,
    mark_fit,
    red_or_dark_mask,
)
from vbvr_core.families.marking.parts import away_from, dilate, unchanged_and_progressive
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_g222_mark_tangent_point_of_circles.generator import Solution

ON_FULL, ON_ZERO = 0.03, 0.055  # distance of the mark's centre from the tangent point, fraction of the frame
SMALL_FULL, SMALL_ZERO = 0.07, 0.11  # the mark's reach, fraction of the frame
MIN_PIXELS = 14  # at 256 px: a dot of radius ~2 px
ROUND_FULL, ROUND_ZERO = 0.85, 0.65
TAIL_SECONDS = 0.25


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-222 against the sample's tangent point."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    first = sample.first_frame
    factor = JUDGE_SIZE / first.shape[0]
    first_small = resize_frame(first, JUDGE_SIZE)
    verdict = Verdict()
    already = dilate(red_or_dark_mask(first_small), 1)
    inks = red_or_dark_mask(clip.frames) & ~already
    counts = inks.sum(axis=(1, 2))
    final_count = max(1, int(counts[-1]))
    opens = starts_like(clip, first) and counts[0] < 0.2 * final_count
    if not verdict.part("start", float(opens), unless="the video does not open on the unmarked first frame"):
        return verdict.score(ok="")
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    mark = inks[-tail:].mean(axis=0) >= 0.5
    # Specks of compression noise are no mark: keep the blobs of at least MIN_PIXELS (joined across 1 px).
    labels, stats = cv2.connectedComponentsWithStats(dilate(mark, 1).astype(np.uint8), connectivity=8)[1:3]
    blobs = [k for k in range(1, len(stats)) if int((mark & (labels == k)).sum()) >= MIN_PIXELS]
    if not blobs:
        verdict.part("on_point", 0.0, unless="no black or red mark at the end of the video")
        return verdict.score(ok="")
    verdict.part("one_mark", float(len(blobs) == 1), unless=f"{len(blobs)} separate marks at the end")
    mark = mark & np.isin(labels, blobs)
    fit = mark_fit(mark)
    if fit is None:  # cannot happen (the blobs hold pixels); kept so the judge never raises
        verdict.part("on_point", 0.0, unless="no mark")
        return verdict.score(ok="")
    center, reach = fit
    truth = (solution.tangent[0] * factor, solution.tangent[1] * factor)
    off = float(np.hypot(center[0] - truth[0], center[1] - truth[1])) / JUDGE_SIZE
    verdict.note("off", off)
    verdict.part("on_point", ramp(off, ON_FULL, ON_ZERO),
                 unless=f"the mark is centred {off:.3f} of the frame away from the tangent point")
    solid = filled(mark, bridge=0)
    closed, gap = closed_credit(mark, solid, center)
    verdict.note("gap", gap)
    verdict.part("closed", closed, unless=f"the mark is an open stroke or arc, not a closed circle or dot "
                                          f"(a gap of {gap:.0f}° around it)")
    cover = coverage_around(solid, center, sectors=12, min_pixels=1, min_distance=0.5)  # a small dot counts
    verdict.part("round", ramp(-cover, -ROUND_FULL, -ROUND_ZERO),
                 unless=f"the mark surrounds its centre in {cover:.0%} of directions only (not a circle or dot)")
    size = reach / JUDGE_SIZE
    verdict.part("small", ramp(size, SMALL_FULL, SMALL_ZERO),
                 unless=f"the mark reaches {size:.3f} of the frame: not a mark on one point")
    unchanged_and_progressive(verdict, clip.frames, first_small, away_from(mark, factor), counts,
                              changed="the picture outside the mark changes", at_once="the mark appears at once")
    return verdict.score(ok="a clear black or red mark centred on the tangent point; the rest is unchanged")
