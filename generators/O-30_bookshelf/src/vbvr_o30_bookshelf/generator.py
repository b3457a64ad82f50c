"""O-30 bookshelf: put each waiting book into the gap whose neighbours match its height.

Parameters → draw → solve → render → prompt (the official generator's conventions, VBVR-DataFactory
O-30_bookshelf_data-generator: books of one colour stand on a brown shelf with empty gaps between them, a few books
of a named common colour wait on the same shelf to the right; each new book goes into the gap where its height is
closest to the surrounding books; the video lifts each book, carries it over and lowers it into its gap):

- the shelf holds ``books`` books in ``groups`` runs of similar height (heights ``HEIGHT_STEP`` or more apart,
  ±``JITTER`` within a run), the runs in random order along the shelf; ``new_books`` runs (one gap each) get an
  empty gap between two of their books, and a new book of the run's height (±2) waits in the queue on the right,
  in random order;
- the solution gives each new book the gap whose neighbours' mean height is nearest; an instance where that is not
  a one-to-one assignment, or where another gap comes within ``MARGIN`` px of a book's height, or two new books are
  within ``MARGIN`` px of each other, is rejected (``ambiguity``);
- the video takes the books from left gap to right gap: each one rises above the shelf's books, slides over and
  drops into its gap (``move_frames``), with ``pause_frames`` between.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterator
from itertools import pairwise
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Sprite, Stage, new_canvas, to_frame, tween
from vbvr_core.families.arrangement.draw import frames_sample
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o30_bookshelf.plugin import TASK

# The official generator's seven named colours for the new books (hue → name), drawn at fixed saturated values.
NEW_COLORS: dict[str, tuple[int, int, int]] = {
    "red": (215, 35, 40), "orange": (240, 135, 25), "yellow": (235, 200, 20), "green": (40, 160, 60),
    "blue": (40, 90, 215), "purple": (135, 60, 190), "pink": (235, 100, 170),
}
NEW_HUES = {"red": 0, "orange": 30, "yellow": 60, "green": 120, "blue": 210, "purple": 270, "pink": 330}
BOARD = (255, 255, 255)
SHELF = (110, 72, 40)
OUTLINE = (0, 0, 0)
SHELF_Y, SHELF_THICK = 350, 12
MIN_HEIGHT, MAX_HEIGHT = 44, 150
HEIGHT_STEP = 26  # least difference between two runs' heights
JITTER = 3  # a shelf book's height off its run's
NEW_JITTER = 2  # a new book's height off its gap's neighbours' mean
MARGIN = 14  # least distance from a new book's height to any other gap's, or to another new book's
SPACING = 4  # space between two neighbouring books
EDGE = 18
QUEUE_GAP = 26  # space between the shelf's last place and the queue
MAX_PITCH = 26
LIFT = 12  # a carried book's bottom clears the tallest book by this much
HOLD_START, HOLD_END = 6, 6


class Params(TaskParams):
    """O-30's parameter space: more books and gaps, closer runs of heights, as the difficulty grows."""

    books: Annotated[int, Strata((8, 10), (10, 13), (13, 16))] = Field(
        12, ge=6, le=16, description="books already on the shelf")
    new_books: Annotated[int, Strata((2, 2), (3, 3), (3, 4))] = Field(
        3, ge=2, le=4, description="new books waiting on the right, one gap each")
    extra_groups: Annotated[int, Uniform(0, 1)] = Field(
        1, ge=0, le=2, description="runs of similar height without a gap, besides one run per new book")
    move_frames: Annotated[int, Uniform(20, 24)] = Field(
        22, ge=15, le=40, description="video frames of one book's lift, slide and drop")
    pause_frames: Annotated[int, Uniform(2, 4)] = Field(
        3, ge=0, le=8, description="still frames between two books' moves")


class Solution(TaskSolution):
    """The shelf (``shelf_y`` its top, ``book_width``, every place's left edge ``place_x`` — books and gaps — and
    the shelf books' ``heights``, None at a gap); per new book its height, left edge in the queue and the gap
    (index into ``gaps``, the gap places left to right) it belongs in; the colours."""

    shelf_y: int
    book_width: int
    place_x: list[int]
    heights: list[int | None]
    gaps: list[int]
    new_heights: list[int]
    queue_x: list[int]
    assignment: list[int]
    new_color: tuple[int, int, int]
    new_color_name: str
    book_color: tuple[int, int, int]
    carry_y: int


def gap_targets(heights: list[int | None]) -> list[float]:
    """Per gap (left to right), the mean height of its two neighbours."""
    return [(heights[k - 1] + heights[k + 1]) / 2 for k, h in enumerate(heights) if h is None]


def ambiguity(heights: list[int | None], new_heights: list[int]) -> str | None:
    """Why the matching of new books to gaps is not clear-cut (None when each book has one gap near its height,
    every other gap and every other new book at least ``MARGIN`` px away)."""
    targets = gap_targets(heights)
    if len(targets) != len(new_heights):
        return "unsolvable: as many gaps as new books are needed"
    nearest = match(heights, new_heights)
    if sorted(nearest) != list(range(len(targets))):
        return "ambiguous: two new books are nearest the same gap"
    for book, (height, gap) in enumerate(zip(new_heights, nearest, strict=True)):
        if abs(height - targets[gap]) > JITTER + NEW_JITTER:
            return f"ambiguous: new book {book} matches no gap's neighbours"
        if any(abs(height - t) < MARGIN for k, t in enumerate(targets) if k != gap):
            return f"ambiguous: new book {book} is within {MARGIN} px of two gaps"
        if any(abs(height - h) < MARGIN for k, h in enumerate(new_heights) if k != book):
            return f"ambiguous: new books {book} and another are within {MARGIN} px"
    return None


def match(heights: list[int | None], new_heights: list[int]) -> list[int]:
    """Each new book's gap: the one whose neighbours' mean height is nearest."""
    targets = gap_targets(heights)
    return [int(np.argmin([abs(h - t) for t in targets])) for h in new_heights]


def book_color(rng: np.random.Generator, name: str) -> tuple[int, int, int]:
    """The shelf books' colour: any hue at least 120° from the new books' (the official rule)."""
    while True:
        hue = float(rng.uniform(0, 360))
        distance = abs(hue - NEW_HUES[name]) % 360
        if min(distance, 360 - distance) >= 120:
            break
    r, g, b = colorsys.hsv_to_rgb(hue / 360, float(rng.uniform(0.55, 0.85)), float(rng.uniform(0.5, 0.8)))
    return int(r * 255), int(g * 255), int(b * 255)


def book_sprite(width: int, height: int, color: tuple[int, int, int]) -> Sprite:
    """A book: a filled rectangle with a 1-px black outline."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle([0, 0, width - 1, height - 1], fill=(*color, 255), outline=(*OUTLINE, 255))
    return Sprite.from_image(image)


def shelf_board(solution: Solution) -> np.ndarray:
    """The white board, the shelf plank and the shelf's books (they never move)."""
    canvas = new_canvas(BOARD)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([0, solution.shelf_y, FRAME_SIZE - 1, solution.shelf_y + SHELF_THICK - 1], fill=SHELF)
    w = solution.book_width
    for x, h in zip(solution.place_x, solution.heights, strict=True):
        if h is not None:
            draw.rectangle([x, solution.shelf_y - h, x + w - 1, solution.shelf_y - 1], fill=solution.book_color,
                           outline=OUTLINE)
    return to_frame(canvas)


def centre(x: float, height: int, bottom: float, width: int) -> tuple[float, float]:
    """A sprite's centre for a book whose left edge is ``x`` and whose bottom is ``bottom``."""
    return x + width / 2, bottom - height / 2


def play(solution: Solution, gaps_of: list[int | None], order: list[int], move_frames: int,
         pause_frames: int) -> Iterator[np.ndarray]:
    """Frames of the new books in ``order`` carried one after another into the gaps ``gaps_of`` gives them (None:
    the book stays in the queue)."""
    stage = Stage(shelf_board(solution))
    w, y0 = solution.book_width, solution.shelf_y
    sprites = [book_sprite(w, h, solution.new_color) for h in solution.new_heights]
    where = [centre(x, h, y0, w) for x, h in zip(solution.queue_x, solution.new_heights, strict=True)]

    def frame() -> np.ndarray:
        return stage.frame(list(zip(sprites, where, strict=True)))

    lift = max(2, round(move_frames * 0.2))
    slide = max(2, move_frames - 2 * lift)
    yield from [frame()] * HOLD_START
    moving = [k for k in order if gaps_of[k] is not None]
    for rank, book in enumerate(moving):
        h = solution.new_heights[book]
        x0, x1 = solution.queue_x[book], solution.place_x[solution.gaps[gaps_of[book]]]
        way = ((x0, y0), (x0, solution.carry_y), (x1, solution.carry_y), (x1, y0))  # lift, slide over, lower
        for (a, b), steps in zip(pairwise(way), (lift, slide, lift), strict=True):
            for x, bottom in tween(a, b, steps):
                where[book] = centre(x, h, bottom, w)
                yield frame()
        if rank < len(moving) - 1:
            yield from [frame()] * pause_frames
    yield from [frame()] * HOLD_END


class BookshelfGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a shelf with gaps and the new books, and each book carried into the gap that matches its height."""

    def _runs(self, count: int) -> list[int]:
        """``count`` run heights, at least ``HEIGHT_STEP`` apart, inside the height range."""
        room = MAX_HEIGHT - MIN_HEIGHT - 2 * JITTER - (count - 1) * HEIGHT_STEP
        if room < 0:
            raise Reject(f"unsolvable: {count} runs of height do not fit")
        slack = np.sort(self.rng.integers(0, room + 1, size=count))
        return [int(MIN_HEIGHT + JITTER + k * HEIGHT_STEP + s) for k, s in enumerate(slack)]

    def generate(self) -> Sample:
        """Draw runs, gaps and new books; check the matching is clear-cut; render the moves."""
        p = self.params
        groups = p.new_books + p.extra_groups
        if p.books < 2 * groups:
            raise Reject(f"unsolvable: {p.books} books cannot make {groups} runs of two or more")
        run_heights = [int(h) for h in self.rng.permutation(self._runs(groups))]
        sizes = [2] * groups
        for k in self.rng.integers(0, groups, size=p.books - 2 * groups):
            sizes[int(k)] += 1
        with_gap = set(int(k) for k in self.rng.permutation(groups)[:p.new_books])
        heights: list[int | None] = []
        for run, (base, size) in enumerate(zip(run_heights, sizes, strict=True)):
            run_books = [base + int(d) for d in self.rng.integers(-JITTER, JITTER + 1, size=size)]
            if run in with_gap:
                cut = int(self.rng.integers(1, size))
                run_books = run_books[:cut] + [None] + run_books[cut:]
            heights.extend(run_books)
        targets = gap_targets(heights)
        in_queue = [int(k) for k in self.rng.permutation(p.new_books)]  # queue slot q holds the book of gap in_queue[q]
        new_heights = [int(round(targets[g])) + int(self.rng.integers(-NEW_JITTER, NEW_JITTER + 1)) for g in in_queue]
        problem = ambiguity(heights, new_heights)
        if problem:
            raise Reject(problem)
        assignment = match(heights, new_heights)
        places = len(heights)
        pitch = min(MAX_PITCH, (FRAME_SIZE - 2 * EDGE - QUEUE_GAP + SPACING) // (places + p.new_books))
        width = pitch - SPACING
        span = (places + p.new_books) * pitch - SPACING + QUEUE_GAP
        left = (FRAME_SIZE - span) // 2
        place_x = [left + k * pitch for k in range(places)]
        queue_left = left + places * pitch - SPACING + QUEUE_GAP
        queue_x = [queue_left + q * pitch for q in range(p.new_books)]
        name = list(NEW_COLORS)[int(self.rng.integers(0, len(NEW_COLORS)))]
        tallest = max(h for h in heights if h is not None)
        solution = Solution(shelf_y=SHELF_Y, book_width=width, place_x=place_x, heights=heights,
                            gaps=[k for k, h in enumerate(heights) if h is None], new_heights=new_heights,
                            queue_x=queue_x, assignment=assignment, new_color=NEW_COLORS[name],
                            new_color_name=name, book_color=book_color(self.rng, name),
                            carry_y=SHELF_Y - max(tallest, max(new_heights)) - LIFT)
        order = sorted(range(p.new_books), key=lambda book: assignment[book])  # left gap first, as the official
        prompt = (f"In the scene, there is a bookshelf with a set of books already placed, and a few {name} books "
                  "waiting on the right. There are gaps between the books on the shelf. Place each "
                  f"{name} book into a gap where its height is closest to the surrounding books. Show the insertion "
                  "process step by step: lift one book at a time, carry it over the shelf and lower it into its gap.")
        return frames_sample(list(play(solution, assignment, order, p.move_frames, p.pause_frames)), prompt=prompt,
                             solution=solution, params=p)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Two new books in each other's gaps, and the last book left in the queue."""
        solution = Solution.model_validate(sample.solution)
        frames = (self.params.move_frames, self.params.pause_frames)
        order = sorted(range(len(solution.new_heights)), key=lambda book: solution.assignment[book])
        swapped: list[int | None] = list(solution.assignment)
        swapped[order[0]], swapped[order[1]] = solution.assignment[order[1]], solution.assignment[order[0]]
        left: list[int | None] = list(solution.assignment)
        left[order[-1]] = None
        return {"swapped_pair": lambda: play(solution, swapped, order, *frames),
                "last_left": lambda: play(solution, left, order, *frames)}
