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

import math
from itertools import combinations
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Sprite, color_distance, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import Mover, plan_moves, render_moves, schedule
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o65_animal_size_sorting.plugin import TASK

BOARD = (255, 255, 255)
BASELINE_COLOR = (200, 200, 200)
BASELINE_Y = 452
INK = (45, 45, 45)
# Fur colours, one per kind; details are dark, white, cream or a nose pink far from every fur.
# Cartoon colours, not natural ones: a face's outline blurred into its fur (or into the white board) must never
# pass for another face's fur — a brown dog's rim looks like a dark bear — so every blend of one fur with the ink
# or the white stays ≥ 46 from every other fur, and every two furs are ≥ 83 apart (RGB).
FUR = {"cat": (250, 165, 40), "dog": (120, 175, 235), "rabbit": (250, 160, 215), "bear": (150, 105, 200),
       "fox": (232, 78, 48), "frog": (110, 200, 120)}
KINDS = tuple(FUR)
NOSE = (235, 120, 135)
WHITE = (255, 255, 255)
CREAM = (225, 205, 175)
MARGIN = 12
ROW_GAP = 14
SCATTER_GAP = 10
PATH_GAP = 6.0
HOVER = 110  # a face comes down into its place from this far above it
SCATTER_FLOOR = 170  # faces start at least this far above the baseline (by their sprite's centre)
PLACE_TRIES = 300


def _ellipse(draw: ImageDraw.ImageDraw, c: float, box: tuple[float, float, float, float], s: float, fill,
             outline=INK, width: int = 2) -> None:
    x0, y0, x1, y1 = box
    draw.ellipse([c + x0 * s, c + y0 * s, c + x1 * s, c + y1 * s], fill=fill, outline=outline, width=width)


def _polygon(draw: ImageDraw.ImageDraw, c: float, points, s: float, fill, outline=INK, width: int = 2) -> None:
    draw.polygon([(c + x * s, c + y * s) for x, y in points], fill=fill, outline=outline, width=width)


def face_image(kind: str, size: float) -> Image.Image:
    """The ``kind`` animal's face of nominal ``size`` (its head's half-width) on a transparent square, the
    head centred; every kind keeps within 1.1 sizes across and from 1.35 above to 0.85 below the centre."""
    side = 2 * int(1.4 * size + 4)
    c = side / 2
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    fur = (*FUR[kind], 255)
    ink, line = (*INK, 255), max(1, round(size / 14))
    if kind in ("cat", "fox"):
        tip = -1.3 if kind == "cat" else -1.35
        for sign in (-1, 1):
            _polygon(draw, c, [(sign * 0.95, -0.3), (sign * 0.62, tip), (sign * 0.15, -0.72)], size, fur, ink)
            if kind == "fox":
                _polygon(draw, c, [(sign * 0.8, -0.42), (sign * 0.6, tip + 0.3), (sign * 0.32, -0.7)], size, ink, None, 0)
    elif kind == "rabbit":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.35 - 0.2, -1.35, sign * 0.35 + 0.2, -0.45), size, fur, ink)
            _ellipse(draw, c, (sign * 0.35 - 0.09, -1.2, sign * 0.35 + 0.09, -0.6), size, (*WHITE, 255), None, 0)
    elif kind == "bear":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.7 - 0.3, -1.02, sign * 0.7 + 0.3, -0.42), size, fur, ink)
    elif kind == "frog":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.5 - 0.34, -1.15, sign * 0.5 + 0.34, -0.47), size, fur, ink)
    _ellipse(draw, c, (-1.0, -0.85, 1.0, 0.85), size, fur, ink)
    if kind == "dog":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.85 - 0.25, -0.75, sign * 0.85 + 0.25, 0.35), size, fur, ink)
    if kind == "fox":
        _ellipse(draw, c, (-0.55, 0.05, 0.55, 0.8), size, (*WHITE, 255), None, 0)
    if kind == "bear":
        _ellipse(draw, c, (-0.42, 0.08, 0.42, 0.65), size, (*CREAM, 255), None, 0)
    if kind == "frog":  # eyes on top, a wide smile, no nose
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.5 - 0.2, -0.98, sign * 0.5 + 0.2, -0.6), size, (*WHITE, 255), None, 0)
            _ellipse(draw, c, (sign * 0.5 - 0.09, -0.88, sign * 0.5 + 0.09, -0.7), size, ink, None, 0)
        draw.arc([c - 0.55 * size, c - 0.2 * size, c + 0.55 * size, c + 0.45 * size], 20, 160, fill=ink, width=line + 1)
        return image
    for sign in (-1, 1):
        _ellipse(draw, c, (sign * 0.4 - 0.12, -0.32, sign * 0.4 + 0.12, -0.06), size, ink, None, 0)
    nose = (*NOSE, 255) if kind in ("cat", "rabbit") else ink
    _ellipse(draw, c, (-0.14, 0.12, 0.14, 0.32), size, nose, None, 0)
    if kind == "rabbit":
        draw.rectangle([c - 0.1 * size, c + 0.36 * size, c + 0.1 * size, c + 0.6 * size], fill=(*WHITE, 255),
                       outline=ink, width=1)
    if kind == "dog":
        _ellipse(draw, c, (-0.12, 0.36, 0.12, 0.62), size, nose, None, 0)
    if kind == "cat":
        for sign in (-1, 1):
            for dy in (0.2, 0.38):
                draw.line([(c + sign * 0.22 * size, c + 0.3 * size), (c + sign * 0.85 * size, c + dy * size)],
                          fill=ink, width=line)
    return image


class Face:
    """One animal face as drawn: its sprite, fur colour centroid offset from the sprite centre, extent and area."""

    def __init__(self, kind: str, size: float):
        image = face_image(kind, size)
        rgba = np.asarray(image)
        alpha = rgba[..., 3] > 0
        fur = alpha & (np.abs(rgba[..., :3].astype(int) - FUR[kind]).sum(axis=2) == 0)
        ys, xs = np.nonzero(alpha)
        fy, fx = np.nonzero(fur)
        half = rgba.shape[0] / 2
        self.kind, self.size = kind, size
        self.sprite = Sprite.from_image(image)
        self.fur_offset = (float(fx.mean() + 0.5 - half), float(fy.mean() + 0.5 - half))
        self.width, self.height = float(xs.max() - xs.min() + 1), float(ys.max() - ys.min() + 1)
        self.left, self.right = float(xs.min() - half), float(xs.max() + 1 - half)
        self.bottom = float(ys.max() + 1 - half)  # chin below the sprite centre
        self.area = float(alpha.sum())
        self.reach = float(np.hypot(xs + 0.5 - half, ys + 0.5 - half).max())
        # The footprint the move planner keeps apart: the head's disc widened to the widest ears (the ears' tips
        # above it are kept clear by PATH_GAP).
        self.footprint = round(max(-self.left, self.right) + 1, 1)


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


def scatter(rng: np.random.Generator, faces: list[Face]) -> list[Point] | None:
    """Integer sprite centres in the upper part of the board (``SCATTER_FLOOR`` above the baseline and more), reach
    discs ``SCATTER_GAP`` apart; None when one has no room."""
    placed: list[Point] = []
    for face in faces:
        r = face.reach
        for _ in range(PLACE_TRIES):
            point = (float(rng.integers(int(MARGIN + r), int(FRAME_SIZE - MARGIN - r) + 1)),
                     float(rng.integers(int(MARGIN + r), int(BASELINE_Y - SCATTER_FLOOR - r) + 1)))
            if all(math.dist(point, q) >= r + faces[k].reach + SCATTER_GAP for k, q in enumerate(placed)):
                placed.append(point)
                break
        else:
            return None
    return placed


def path(start: Point, end: Point) -> tuple[Point, ...]:
    """A face's way: straight to ``HOVER`` px above its place in the row, then straight down into it (so it never
    brushes the faces already in the row)."""
    return (start, (end[0], end[1] - HOVER), end)


def board() -> np.ndarray:
    """The white board with its grey baseline."""
    canvas = new_canvas(BOARD)
    ImageDraw.Draw(canvas).line([(30, BASELINE_Y + 1), (FRAME_SIZE - 30, BASELINE_Y + 1)], fill=BASELINE_COLOR, width=2)
    return to_frame(canvas)


def fur_point(face: Face, centre: Point) -> Point:
    """Where the face's fur centroid is when its sprite is centred on ``centre``."""
    return (round(centre[0] + face.fur_offset[0], 2), round(centre[1] + face.fur_offset[1], 2))


def row_frames(solution: Solution, order: list[int], move_frames: int) -> FrameSource:
    """The faces of ``solution`` moved one after another into a row in ``order`` (near misses; paths may cross)."""
    faces = [Face(kind, size) for kind, size in zip(solution.kinds, solution.sizes, strict=True)]
    starts = [(x - f.fur_offset[0], y - f.fur_offset[1]) for f, (x, y) in zip(faces, solution.starts, strict=True)]
    ends = row_centres(faces, order, ROW_GAP) or starts
    movers = [Mover(f.sprite, path(s, e), f.footprint) for f, s, e in zip(faces, starts, ends, strict=True)]
    positions = schedule(movers, move_frames, move_frames)
    background = board()
    return lambda: render_moves(background, movers, positions)


class AnimalSizeSortingGenerator(BaseGenerator):
    """Draws scattered animal faces and their staggered moves into a row sorted by size on the baseline."""

    info = TASK.info
    Params = Params
    Solution = Solution

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
        starts = scatter(self.rng, faces)
        if ends is None or starts is None:
            raise Reject("no room: the faces do not fit the board or the row")
        movers = [Mover(face.sprite, path(start, end), face.footprint) for face, start, end in zip(faces, starts, ends, strict=True)]
        plan = plan_moves(movers, p.move_frames, p.stagger, PATH_GAP)
        if plan is None:
            raise Reject("occlusion: no order of moves keeps the faces apart")
        _, positions = plan
        background = board()
        first = next(render_moves(background, movers, positions[:1]))
        final = next(render_moves(background, movers, positions[-1:]))
        prompt = ("Sort the scattered animal faces by size from smallest to largest, left to right, and line them up "
                  "side by side with their bottoms on the grey baseline. Move each face smoothly, without jumps.")
        solution = Solution(kinds=kinds, sizes=shuffled, colors=[FUR[k] for k in kinds],
                            starts=[fur_point(f, s) for f, s in zip(faces, starts, strict=True)],
                            ends=[fur_point(f, e) for f, e in zip(faces, ends, strict=True)],
                            order=order, baseline=BASELINE_Y)
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: render_moves(background, movers, positions), solution=solution, params=p)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The row from largest to smallest, and the row with its two largest faces swapped."""
        order = sample.solution.order
        frames = self.params.move_frames
        return {"largest_first": row_frames(sample.solution, order[::-1], frames),
                "top_two_swapped": row_frames(sample.solution, order[:-2] + order[-1:] + order[-2:-1], frames)}


def fur_colours_distinct(min_distance: float = 83.0) -> bool:
    """True when every two fur colours are at least ``min_distance`` apart (RGB)."""
    return all(color_distance(FUR[a], FUR[b]) >= min_distance for a, b in combinations(KINDS, 2))
