"""G-5 multi_object_placement: move each coloured object onto the star marker of its own colour.

Parameters → draw → solve → render → prompt (the official evaluator's conventions: red, blue, green and yellow
objects, star markers of the same colours that stay where they are, objects that keep shape, size and colour and
travel in straight lines):

- ``objects`` solid shapes (circle, square, diamond, pentagon or hexagon; kinds may repeat), each in its own
  colour out of red, blue, green and yellow, of nominal radius ``object_radius`` with a dark outline; one pale star
  of each object's colour (a light tint, outlined in grey, small enough to vanish under its object) and
  ``decoy_stars`` pale stars of colours no object has (purple, cyan, brown);
- objects and stars are scattered at random, all apart; the solution is each object's straight segment onto its
  own star. The instance must let the objects go in *any* order: every object's way keeps clear of every other
  object, both where it starts and where it ends (``path_is_clear`` of the arrangement family); an instance where
  that fails, or whose objects travel less than ``MIN_TRAVEL`` px, is rejected and redrawn;
- the video moves the objects one at a time (a random order), eased, ``move_frames`` frames each with
  ``pause_frames`` still frames between (``schedule`` and ``render_moves`` of the arrangement family).
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_shape, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import (
    KIND_REACH,
    Mover,
    moves_sample,
    path_is_clear,
    render_moves,
    schedule,
    shape_sprite,
)
from vbvr_core.families.stacking.task import OneAtATimeGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g5_multi_object_placement.plugin import TASK

# The four colours the official evaluator looks for; decoy stars take colours no object can have.
OBJECT_COLORS = ("red", "blue", "green", "yellow")
DECOY_COLORS = ("purple", "cyan", "brown")
# Triangles are left out: a star large enough to see would stick out from under one.
KINDS = ("circle", "square", "diamond", "pentagon", "hexagon")
INNER = 0.8  # the least inner radius of the kinds above, in nominal radii (the diamond's 0.81)
STAR_POINTS = 1.25  # a star of nominal radius s reaches 1.25 s
OUTLINE = (50, 50, 50)
OUTLINE_WIDTH = 2
TINT = 0.55  # a star's fill: this share of its colour, the rest white (≥ 100 RGB from the solid colour)
MARGIN = 12  # least distance from anything's reach to the canvas edge
PLACE_GAP = 12  # least gap between two objects' or stars' reach discs
PATH_GAP = 6  # least gap between a moving object's reach disc and any other object on its way
MIN_TRAVEL = 90
LAYOUT_TRIES = 30
SPOT_TRIES = 200


def tint(color: tuple[int, int, int], share: float = TINT) -> tuple[int, int, int]:
    """``share`` of ``color`` over white."""
    return tuple(int(round(share * c + (1 - share) * 255)) for c in color)


def star_radius(object_radius: int) -> float:
    """The nominal radius of the stars: their points stay 2 px inside every object kind's inner circle."""
    return (INNER * object_radius - 2) / STAR_POINTS


class Params(TaskParams):
    """G-5's parameter space: more, smaller objects and decoy stars as the difficulty grows."""

    objects: Annotated[int, Strata((2, 2), (3, 3), (4, 4))] = Field(
        3, ge=2, le=4, description="objects, each with the star of its own colour (distinct colours)")
    object_radius: Annotated[int, Strata((30, 34), (26, 30), (22, 26))] = Field(
        28, ge=20, le=36, description="nominal radius of every object in pixels")
    decoy_stars: Annotated[int, Strata((0, 0), (0, 1), (1, 2))] = Field(
        0, ge=0, le=3, description="stars of colours no object has")
    move_frames: Annotated[int, Uniform(12, 16)] = Field(
        14, ge=10, le=30, description="video frames of one object's move")
    pause_frames: Annotated[int, Uniform(1, 3)] = Field(
        2, ge=0, le=8, description="still frames between two objects' moves")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """Per object: kind, colour name and RGB, start and its star's centre (``targets``); the decoy stars (x, y,
    colour name); the nominal object radius; ``order``, the object indices in the order the video moves them (any
    order is right)."""

    kinds: list[str]
    names: list[str]
    colors: list[tuple[int, int, int]]
    starts: list[Point]
    targets: list[Point]
    decoys: list[tuple[float, float, str]]
    radius: int
    order: list[int]


def scatter(rng: np.random.Generator, reaches: list[float], placed: list[tuple[Point, float]]) -> list[Point] | None:
    """Integer centres for discs of these ``reaches``, inside the margins and ``PLACE_GAP`` clear of each other
    and of the ``placed`` (centre, reach) discs (which grow by the new ones); None when one finds no room."""
    out: list[Point] = []
    for reach in reaches:
        low, high = int(math.ceil(MARGIN + reach)), int(FRAME_SIZE - MARGIN - reach)
        for _ in range(SPOT_TRIES):
            point = (float(rng.integers(low, high + 1)), float(rng.integers(low, high + 1)))
            if all(math.dist(point, other) >= reach + other_reach + PLACE_GAP for other, other_reach in placed):
                placed.append((point, reach))
                out.append(point)
                break
        else:
            return None
    return out


def board(stars: list[tuple[Point, tuple[int, int, int]]], radius: int, background: int) -> np.ndarray:
    """The static floor: every star marker (pale fill of its colour, grey outline) on the background tint."""
    canvas = new_canvas(BACKGROUNDS[background])
    draw = ImageDraw.Draw(canvas)
    for center, color in stars:
        draw_shape(draw, "star", center, star_radius(radius), fill=tint(color), outline=OUTLINE, width=1)
    return to_frame(canvas)


def plan(solution: Solution, ends: list[Point], moving: list[int], move_frames: int, pause_frames: int,
         background: int) -> tuple[np.ndarray, list[Mover], list[list[Point]]]:
    """The floor, the movers and their per-frame positions when the objects in ``moving`` go one after another in
    straight lines to ``ends`` (listed by object index); the other objects stay where they start."""
    stars = [(t, tuple(c)) for t, c in zip(solution.targets, solution.colors, strict=True)]
    stars += [((x, y), PALETTE[name]) for x, y, name in solution.decoys]
    floor = board(stars, solution.radius, background)
    radius = solution.radius  # solid objects with a dark outline
    sprites = [shape_sprite(kind, radius, KIND_REACH[kind] * radius + OUTLINE_WIDTH + 3, color, OUTLINE, OUTLINE_WIDTH)
               for kind, color in zip(solution.kinds, solution.colors, strict=True)]
    movers = [Mover(sprites[k], (solution.starts[k], ends[k]) if k in moving else (solution.starts[k],), 0.0)
              for k in list(moving) + [k for k in range(len(sprites)) if k not in moving]]
    return floor, movers, schedule(movers, move_frames, move_frames + pause_frames)


def moves(solution: Solution, ends: list[Point], moving: list[int], move_frames: int, pause_frames: int,
          background: int) -> FrameSource:
    """The frames of :func:`plan`'s moves."""
    floor, movers, rows = plan(solution, ends, moving, move_frames, pause_frames, background)
    return lambda: render_moves(floor, movers, rows)


def listing(labels: list[str]) -> str:
    """'a, b and c'."""
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


class MultiObjectPlacementGenerator(OneAtATimeGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters coloured objects and star markers, and moves each object onto its own star, one at a time (near
    misses: the stacking family's, the first two objects swapped and the last left where it was)."""

    def _layout(self, reaches: list[float], decoys: int) -> tuple[list[Point], list[Point], list[Point]] | None:
        """Targets, decoy stars and starts, all apart, every object's way clear of every other object wherever
        it waits; None when this draw fails."""
        placed: list[tuple[Point, float]] = []
        targets = scatter(self.rng, reaches, placed)
        decoy_points = None if targets is None else scatter(
            self.rng, [STAR_POINTS * star_radius(self.params.object_radius)] * decoys, placed)
        starts = None if decoy_points is None else scatter(self.rng, reaches, placed)
        if starts is None:
            return None
        if min(math.dist(s, t) for s, t in zip(starts, targets, strict=True)) < MIN_TRAVEL:
            return None
        for k, reach in enumerate(reaches):
            others = [(p, reaches[j]) for j in range(len(reaches)) if j != k for p in (starts[j], targets[j])]
            if not path_is_clear(Mover(None, (starts[k], targets[k]), reach), others, PATH_GAP):
                return None
        return targets, decoy_points, starts

    def generate(self) -> Sample:
        """Draw kinds and colours, lay objects and stars out, pick an order and render the moves."""
        p = self.params
        kinds = [KINDS[int(k)] for k in self.rng.integers(0, len(KINDS), p.objects)]
        names = [OBJECT_COLORS[int(k)] for k in self.rng.permutation(len(OBJECT_COLORS))[:p.objects]]
        decoy_names = [DECOY_COLORS[int(k)] for k in self.rng.permutation(len(DECOY_COLORS))[:p.decoy_stars]]
        reaches = [KIND_REACH[kind] * p.object_radius + OUTLINE_WIDTH for kind in kinds]
        for _ in range(LAYOUT_TRIES):
            layout = self._layout(reaches, p.decoy_stars)
            if layout is not None:
                break
        else:
            raise Reject("occlusion: no layout lets every object reach its star in any order without touching another")
        targets, decoy_points, starts = layout
        order = [int(k) for k in self.rng.permutation(p.objects)]
        solution = Solution(kinds=kinds, names=names, colors=[PALETTE[n] for n in names], starts=starts,
                            targets=targets, decoys=[(x, y, n) for (x, y), n in zip(decoy_points, decoy_names, strict=True)],
                            radius=p.object_radius, order=order)
        floor, movers, rows = plan(solution, targets, order, p.move_frames, p.pause_frames, p.background)
        labels = [f"the {names[k]} {kinds[k]}" for k in range(p.objects)]
        decoy_text = (f" There {'is' if p.decoy_stars == 1 else 'are'} also {p.decoy_stars} star"
                      f"{'' if p.decoy_stars == 1 else 's'} of other colours, which no object goes to."
                      if p.decoy_stars else "")
        prompt = (f"The scene shows {p.objects} colored objects ({listing(labels)}) and star markers on the floor."
                  f"{decoy_text} Move each object onto the star marker of its own color so that the object's center "
                  "covers the star. Move one object at a time, in a straight line, without passing over another "
                  "object. Keep every object's shape, size and color unchanged, and leave the star markers where "
                  "they are.")
        return moves_sample(floor, movers, rows, prompt=prompt, solution=solution, params=p)

    def moves(self, solution: Solution, ends: list[Point], moving: list[int]) -> FrameSource:
        """The frames of the objects in ``moving`` going one after another to ``ends`` (the module's ``moves``)."""
        p = self.params
        return moves(solution, ends, moving, p.move_frames, p.pause_frames, p.background)
