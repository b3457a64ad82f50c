"""O-65 animal_size_sorting: line scattered animal faces up on the baseline, smallest on the left, largest on the right.

Parameters → draw → solve → render → prompt (the official task's conventions: cartoon faces of different animals
— cat, dog, rabbit, bear, fox and a frog in place of the official panda — each of its own size, scattered on a white board; the answer sorts
them by size from smallest to largest, left to right, their bottoms on a grey baseline near the bottom):

- ``animals`` faces of distinct kinds, each in its own fur colour (pairwise ≥ 75 apart in RGB, so each is followed
  by its colour), of nominal sizes that grow by at least ``size_step`` from one to the next (a face's width,
  its overall extent and its area all rank the same way, else the instance is rejected as ambiguous);
- they start scattered (reach discs apart) above the baseline; their places are a centred row, smallest
  first, every face's chin on the baseline;
- the video moves them, staggered, each straight to a point above its place, then down into it (``plan_moves`` of the arrangement family:
  an order and a stagger at which no two faces ever touch; none → rejected).
"""

from __future__ import annotations

from itertools import combinations
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.families.arrangement.draw import Mover, moves_sample, plan_moves, render_moves, schedule
from vbvr_core.families.stacking.faces import FUR, KINDS, Face
from vbvr_core.families.stacking.layout import scatter
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o65_animal_size_sorting.plugin import TASK

BOARD = (255, 255, 255)
BASELINE_COLOR = (200, 200, 200)
BASELINE_Y = 452
MARGIN = 12
ROW_GAP = 14
SCATTER_GAP = 10
PATH_GAP = 6.0
HOVER = 110  # a face comes down into its place from this far above it
SCATTER_FLOOR = 170  # faces start at least this far above the baseline (by their sprite's centre)


class Params(TaskParams):
    """O-65's parameter space: more faces whose sizes differ less as the difficulty grows."""

    animals: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=6, description="animal faces to sort (distinct kinds)")
    size_step: Annotated[float, Strata((1.25, 1.32), (1.18, 1.24), (1.12, 1.16))] = Field(
        1.2, ge=1.1, le=1.45, description="least ratio between one face's size and the next larger one's")
    smallest: Annotated[int, Uniform(17, 22)] = Field(
        17, ge=14, le=24, description="nominal size (head half-width, pixels) of the smallest face")
    move_frames: Annotated[int, Uniform(22, 30)] = Field(
        26, ge=16, le=40, description="video frames of one face's move")
    stagger: Annotated[int, Uniform(4, 8)] = Field(
        6, ge=0, le=12, description="frames between two faces' starts (widened where they would touch)")


class Solution(TaskSolution):
    """Per face: kind, nominal size, fur colour, where its fur's centroid starts and ends; the left-to-right
    order of the sorted row (face indices, smallest first) and the baseline's height."""

    kinds: list[str]
    sizes: list[float]
    colors: list[tuple[int, int, int]]
    starts: list[Point]
    ends: list[Point]
    order: list[int]
    baseline: int


def grown_sizes(rng: np.random.Generator, count: int, smallest: float, step: float) -> list[float]:
    """``count`` sizes from ``smallest`` up, each at least ``step`` times the previous (plus up to 6 % more)."""
    sizes = [float(smallest)]
    for _ in range(count - 1):
        sizes.append(round(sizes[-1] * step * float(rng.uniform(1.0, 1.06)), 1))
    return sizes


def ranks_agree(faces: list[Face]) -> bool:
    """True when the faces' sizes (head widths), overall extents (the larger of width and height, as the official
    evaluator measures) and drawn areas all rank them the same way, each by at least 3 %."""
    for a, b in combinations(faces, 2):
        small, large = (a, b) if a.size < b.size else (b, a)
        if small.area * 1.03 >= large.area:
            return False
        if max(small.width, small.height) * 1.03 >= max(large.width, large.height):
            return False
    return True


def row_centres(faces: list[Face], order: list[int], gap: float) -> list[Point] | None:
    """Sprite centres (listed by face index) of the faces in ``order``, left to right, ``gap`` apart between their
    drawn extents, the row centred, every chin on the baseline; None when the row does not fit."""
    widths = [faces[k].right - faces[k].left for k in order]
    total = sum(widths) + gap * (len(order) - 1)
    if total > FRAME_SIZE - 2 * MARGIN:
        return None
    x = (FRAME_SIZE - total) / 2
    centres: list[Point] = [(0.0, 0.0)] * len(faces)
    for k, width in zip(order, widths, strict=True):
        centres[k] = (float(round(x - faces[k].left)), float(BASELINE_Y - round(faces[k].bottom)))
        x += width + gap
    return centres


def path(start: Point, end: Point) -> tuple[Point, ...]:
    """A face's way: straight to ``HOVER`` px above its place in the row, then straight down into it (so it never
    brushes the faces already in the row)."""
    return (start, (end[0], end[1] - HOVER), end)


def board() -> np.ndarray:
    """The white board with its grey baseline."""
    canvas = new_canvas(BOARD)
    ImageDraw.Draw(canvas).line([(30, BASELINE_Y + 1), (FRAME_SIZE - 30, BASELINE_Y + 1)], fill=BASELINE_COLOR, width=2)
    return to_frame(canvas)


def row_frames(solution: Solution, order: list[int], move_frames: int) -> FrameSource:
    """The faces of ``solution`` moved one after another into a row in ``order`` (near misses; paths may cross)."""
    faces = [Face(kind, size) for kind, size in zip(solution.kinds, solution.sizes, strict=True)]
    starts = [f.centre_for(p) for f, p in zip(faces, solution.starts, strict=True)]
    ends = row_centres(faces, order, ROW_GAP) or starts
    movers = [Mover(f.sprite, path(s, e), f.footprint) for f, s, e in zip(faces, starts, ends, strict=True)]
    positions = schedule(movers, move_frames, move_frames)
    background = board()
    return lambda: render_moves(background, movers, positions)


class AnimalSizeSortingGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws scattered animal faces and their staggered moves into a row sorted by size on the baseline."""

    def generate(self) -> Sample:
        """Pick kinds and sizes, scatter the faces, place the sorted row, plan clear moves and render them."""
        p = self.params
        kinds = [KINDS[int(k)] for k in self.rng.permutation(len(KINDS))[:p.animals]]
        sizes = grown_sizes(self.rng, p.animals, p.smallest, p.size_step)
        shuffled = [float(sizes[int(k)]) for k in self.rng.permutation(p.animals)]
        faces = [Face(kind, size) for kind, size in zip(kinds, shuffled, strict=True)]
        if not ranks_agree(faces):
            raise Reject("ambiguous: the faces' widths, heights or areas do not rank like their sizes")
        order = sorted(range(p.animals), key=lambda k: shuffled[k])
        ends = row_centres(faces, order, ROW_GAP)
        # the faces start in the upper part of the board, SCATTER_FLOOR above the baseline and more
        starts = scatter(self.rng, [face.reach for face in faces], (MARGIN, FRAME_SIZE - MARGIN),
                         (MARGIN, BASELINE_Y - SCATTER_FLOOR), SCATTER_GAP)
        if ends is None or starts is None:
            raise Reject("no room: the faces do not fit the board or the row")
        movers = [Mover(face.sprite, path(start, end), face.footprint) for face, start, end in zip(faces, starts, ends, strict=True)]
        plan = plan_moves(movers, p.move_frames, p.stagger, PATH_GAP)
        if plan is None:
            raise Reject("occlusion: no order of moves keeps the faces apart")
        prompt = ("Sort the scattered animal faces by size from smallest to largest, left to right, and line them up "
                  "side by side with their bottoms on the grey baseline. Move each face smoothly, without jumps.")
        solution = Solution(kinds=kinds, sizes=shuffled, colors=[FUR[k] for k in kinds],
                            starts=[f.fur_point(s) for f, s in zip(faces, starts, strict=True)],
                            ends=[f.fur_point(e) for f, e in zip(faces, ends, strict=True)],
                            order=order, baseline=BASELINE_Y)
        return moves_sample(board(), movers, plan[1], prompt=prompt, solution=solution, params=p)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The row from largest to smallest, and the row with its two largest faces swapped."""
        order = sample.solution.order
        frames = self.params.move_frames
        return {"largest_first": row_frames(sample.solution, order[::-1], frames),
                "top_two_swapped": row_frames(sample.solution, order[:-2] + order[-1:] + order[-2:-1], frames)}

