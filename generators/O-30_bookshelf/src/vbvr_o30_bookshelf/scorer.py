"""O-30 scorer: is every gap filled with a new book of its neighbours' height, each book carried over one at a time?

The new books are followed by their colour as the video's opening frame shows it; each gap is read in its own
column (the gap's width, 2 px in from each side). Parts:

- ``placed``: per gap, at the end, the height of new-book colour standing in its column (rows at least half
  covered) against its neighbours' book (5 px off in full, none from 12 px — new books are ≥ 14 px apart), and the
  book resting on the shelf;
- ``complete``: every gap placed, else 0.1 × the mean placement (a video frozen half way keeps ≤ 0.1);
- ``queue_cleared``: the queue's places hold ≤ 15 % of their new-book colour at the end (none from 50 %): the
  books were moved, not copied;
- ``shelf_kept``: the shelf's own books keep their colour area (15 % off in full, none from 40 %);
- ``one_at_a_time``: the gaps fill one after another (``vbvr_core.judge.order``: a book is down in a gap when the
  bottom band of its column is covered) — a cut or cross-fade to the answer fills them all at once;
- ``process``: 0.05 + 0.95 × travel: before each gap fills, a book is seen carried (new-book colour outside the
  queue's and the gaps' places) from the queue to the gap, its largest step ≤ 0.55 of the way in full, none from
  0.95 (a jump), the way covered from ≤ 0.25 to ≥ 0.75.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.arrangement.judge import process_part, step_continuity
from vbvr_core.families.stacking.judge import Opened, clip_scorer
from vbvr_core.families.tracking.judge import arrivals_in_turn_part
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.order import change_span
from vbvr_core.plane import share_along

from vbvr_o30_bookshelf.generator import Solution

SIZE = 256
COLOR_TOLERANCE = 45.0
TAIL = 3
HEIGHT_FULL, HEIGHT_ZERO = 5.0, 12.0
FLOAT_MAX = 8.0  # canvas px between a placed book's bottom and the shelf
BAND = (12, 2)  # a gap's bottom band: from this far above the shelf to this far above it (canvas px)
QUEUE_FULL, QUEUE_ZERO = 0.15, 0.5
KEPT_FULL, KEPT_ZERO = 0.15, 0.4
INCOMPLETE = 0.1


def _rows(y0: float, y1: float, scale: float, size: int) -> slice:
    return slice(max(0, int(round(y0 * scale))), min(size, int(round(y1 * scale))))


def _cols(x0: float, x1: float, scale: float, size: int) -> slice:
    return slice(max(0, int(round(x0 * scale))), min(size, max(int(round(x0 * scale)) + 1, int(round(x1 * scale)))))


def _travel(xs: list[float | None], start: float, goal: float) -> float:
    """Continuity of a carried book's way along x from ``start`` to ``goal``."""
    progress = [share_along(x, start, goal) for x in xs if x is not None]
    if len(progress) < 2 or min(progress) > 0.25 or max(progress) < 0.75:
        return 0.0
    return step_continuity(progress)


@clip_scorer(SIZE)
def score(sample: SampleRef, opened: Opened) -> Score:
    """Score a model's video of O-30 against the sample's shelf, gaps and new books."""
    s = Solution.model_validate(sample.solution)
    frames, scale, verdict = opened.frames, opened.scale, opened.verdict
    size = frames.shape[1]
    new, old = opened.masks(s.new_color, COLOR_TOLERANCE), opened.masks(s.book_color, COLOR_TOLERANCE)
    w, shelf = s.book_width, s.shelf_y
    expected = {s.assignment[book]: h for book, h in enumerate(s.new_heights)}
    # Places of the queue's books and of the gaps (their columns up to the book's height and a little more).
    free = new.copy()
    for x, h in zip(s.queue_x, s.new_heights, strict=True):
        free[:, _rows(shelf - h - 4, shelf, scale, size), _cols(x - 1, x + w + 1, scale, size)] = False
    for gap, place in enumerate(s.gaps):
        x = s.place_x[place]
        free[:, _rows(shelf - expected[gap] - 4, shelf, scale, size), _cols(x - 1, x + w + 1, scale, size)] = False
    placed, spans = [], {}
    for gap, place in enumerate(s.gaps):
        x = s.place_x[place]
        column = new[:, :_rows(0, shelf, scale, size).stop, _cols(x + 2, x + w - 2, scale, size)].mean(axis=2) >= 0.5
        tail = column[-TAIL:]
        filled = [np.nonzero(rows)[0] for rows in tail]
        heights = [len(r) / scale for r in filled]
        bottoms = [(shelf * scale - 1 - r.max()) / scale if len(r) else shelf for r in filled]
        height = float(np.median(heights))
        on_shelf = float(np.median(bottoms)) <= FLOAT_MAX
        placed.append(ramp(abs(height - (expected[gap] - 2)), HEIGHT_FULL, HEIGHT_ZERO) * on_shelf)
        band = column[:, _rows(shelf - BAND[0], shelf - BAND[1], scale, size)].mean(axis=1)
        begin, end = change_span(band)
        if end is not None:
            spans[gap] = (begin, end)
    mean_placed = float(np.mean(placed))
    verdict.part("placed", mean_placed, unless="some gaps hold no book of their neighbours' height")
    verdict.part("complete", 1.0 if min(placed) >= 0.5 else INCOMPLETE * mean_placed,
                 unless="not every gap holds its book")
    queue = [0.0, 0.0]
    for x, h in zip(s.queue_x, s.new_heights, strict=True):
        region = new[:, _rows(shelf - h, shelf, scale, size), _cols(x, x + w, scale, size)]
        queue[0] += float(region[0].sum())
        queue[1] += float(np.median(region[-TAIL:].sum(axis=(1, 2))))
    left = queue[1] / max(1.0, queue[0])
    verdict.part("queue_cleared", ramp(left, QUEUE_FULL, QUEUE_ZERO), unless=f"{left:.0%} of the queue is still there")
    old_counts = old.sum(axis=(1, 2)).astype(np.float64)
    kept = float(np.median(old_counts[-TAIL:])) / max(1.0, old_counts[0])
    verdict.part("shelf_kept", ramp(abs(1 - kept), KEPT_FULL, KEPT_ZERO), unless="the shelf's own books changed")
    if not spans:
        verdict.part("one_at_a_time", 0.0, unless="no gap is filled")
        return verdict.score(ok="")
    ordered = sorted(spans, key=lambda g: spans[g][1])
    arrivals_in_turn_part(verdict, [spans[g] for g in ordered], "books go into the gaps")
    counts = free.sum(axis=(1, 2))
    least = max(4, int(0.2 * w * min(s.new_heights) * scale * scale))
    xs_all = np.arange(size, dtype=np.float64)
    centres = [None if c < least else float(m.sum(axis=0) @ xs_all / c) / scale for m, c in zip(free, counts, strict=True)]
    book_of = {gap: book for book, gap in enumerate(s.assignment)}
    travel, previous = [], 0
    for gap in ordered:
        begin, end = spans[gap]
        book = book_of[gap]
        travel.append(_travel(centres[previous:begin + 1], s.queue_x[book] + w / 2, s.place_x[s.gaps[gap]] + w / 2))
        previous = end
    process_part(verdict, float(np.mean(travel)), "books jump into the gaps instead of being carried")
    return verdict.score(ok="every gap holds the book of its neighbours' height, carried over one at a time")
