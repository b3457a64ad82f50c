"""G-223 scorer: which lines did the model highlight (in black, the official colour, or red) — every horizontal
one, and no other?

The marks are the clear black or red the video adds (the marking family's
:func:`~vbvr_core.families.marking.judge.read_new_ink` with ``red_or_dark_mask``, at the end of the video);
nearby pixels are grouped into separate marks. A mark highlights the
line nearest its centre, if that centre lies within ``ASSIGN`` px of it (any clear style counts: a ring or a
dot on the midpoint, the line traced over, an ellipse around it), and also every other line it
touches — if it is complete: it surrounds the midpoint (≥ 70 % of directions) or runs along ≥ 80 % of the
line; a half-drawn ring is not. A mark near no line, or incomplete, is a stray mark.

value = start · selection · unchanged · (0.9 + 0.1 · progressive): the video opens on the unmarked first
frame; the highlighted lines are exactly the horizontal ones (one missed, a slanted or vertical one marked,
or a stray mark scores 0); the picture outside the marks matches the first frame up to a global colour
drift (the marking family's ``rest_change``); the marks grow over at least 1/6 s. Never raises.
"""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import coverage_around, read_new_ink, red_or_dark_mask
from vbvr_core.families.marking.parts import unchanged_and_progressive
from vbvr_core.judge.masks import dilate
from vbvr_core.media.video import VideoReader
from vbvr_core.plane import distances_to_segment

from vbvr_g223_highlight_horizontal_lines.generator import Solution

ASSIGN = 24.0  # canvas px: a mark's centre this close to a line highlights it (lines are ≥ 44 px apart)
TOUCH = 5.0  # canvas px: a mark's pixel this close to another line's stroke edge touches that line too
MIN_MARK = 12  # judge pixels: smaller red specks are codec noise, not marks
GROUP = 3  # judge pixels: red pixels this close belong to one mark


def line_distances(xs: np.ndarray, ys: np.ndarray, segments: list) -> np.ndarray:
    """Distance (in the points' units) from each point to each segment: an array points × segments."""
    return np.stack([distances_to_segment(xs, ys, segment)[0] for segment in segments], axis=1)


def complete(xs: np.ndarray, ys: np.ndarray, segment, reach: float) -> bool:
    """Whether a mark's pixels surround the segment's midpoint (a ring, a dot, an ellipse: ≥ 70 % of directions)
    or run along ≥ 80 % of the segment within ``reach`` of it (the line traced over); a half-drawn ring does not."""
    (x0, y0), (x1, y1) = segment
    if coverage_around_points(xs, ys, ((x0 + x1) / 2, (y0 + y1) / 2)) >= 0.7:
        return True
    distance, t = distances_to_segment(xs, ys, segment)
    along = distance <= reach
    bins = np.unique(np.clip((t[along] * 20).astype(int), 0, 19))
    return len(bins) >= 16


def coverage_around_points(xs: np.ndarray, ys: np.ndarray, point) -> float:
    """The marking family's ``coverage_around`` on a list of pixels."""
    mask = np.zeros((int(ys.max()) + 2 if len(ys) else 1, int(xs.max()) + 2 if len(xs) else 1), bool)
    mask[ys, xs] = True
    return coverage_around(mask, point)


def highlighted(mark: np.ndarray, segments: list, line_width: float, factor: float) -> tuple[set[int], int]:
    """The lines the marks in ``mark`` (a judge-size mask) highlight, and how many marks highlight none or only
    part of a line."""
    scaled = [((x0 * factor, y0 * factor), (x1 * factor, y1 * factor)) for (x0, y0), (x1, y1) in segments]
    count, labels = cv2.connectedComponents(dilate(mark, GROUP).astype(np.uint8), connectivity=8)
    lines: set[int] = set()
    stray = 0
    for label in range(1, count):
        ys, xs = np.nonzero((labels == label) & mark)
        if len(xs) < MIN_MARK:
            continue
        centre = line_distances(np.array([xs.mean()]), np.array([ys.mean()]), scaled)[0]
        nearest = int(np.argmin(centre))
        if centre[nearest] > ASSIGN * factor:
            stray += 1
            continue
        if not complete(xs, ys, scaled[nearest], (line_width / 2 + TOUCH) * factor):
            stray += 1
            continue
        lines.add(nearest)
        near = line_distances(xs.astype(np.float64), ys.astype(np.float64), scaled).min(axis=0)
        lines.update(int(k) for k in np.nonzero(near <= (line_width / 2 + TOUCH) * factor)[0])
    return lines, stray


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-223 against the sample's segments and the horizontal ones."""
    solution = Solution.model_validate(sample.solution)
    read = read_new_ink(video, sample.first_frame, red_or_dark_mask)
    if isinstance(read, Score):
        return read
    verdict, mark, factor = read.verdict, read.mark, read.factor
    lines, stray = highlighted(mark, solution.segments, solution.line_width, factor)
    wanted = set(solution.horizontal)
    missed, extra = sorted(wanted - lines), sorted(lines - wanted)
    verdict.part("selection", float(not missed and not extra and not stray),
                 unless=f"horizontal lines not highlighted: {missed}; other lines highlighted: {extra}; "
                        f"marks on no line or incomplete: {stray}")
    unchanged_and_progressive(verdict, read.clip.frames, read.first, ~dilate(mark, 4), read.counts,
                              changed="the picture outside the marks changes", at_once="the marks appear at once")
    return verdict.score(ok="every horizontal line highlighted in red, no other; the rest unchanged")
