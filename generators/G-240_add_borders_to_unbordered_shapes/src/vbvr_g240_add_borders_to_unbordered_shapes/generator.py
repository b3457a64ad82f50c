"""G-240 add_borders_to_unbordered_shapes: trace a black border around every filled shape that has none.

Parameters → draw → solve → render → prompt:

- ``num_shapes`` filled shapes (circles, squares, triangles, diamonds, pentagons, hexagons, stars) of nominal
  radius ``radius`` (each 85–115 % of it), turned at random, in saturated colours, at least ``min_gap`` px
  apart (their reach circles); between one and all but one of them carry a black border ``border_width``
  px wide, the others none;
- the solver lists the shapes without a border (left to right); the video traces a black border of the
  same width along each of them in turn, stroke by stroke, and holds the result.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import partial
from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex
from vbvr_core.draw.shapes import SHAPE_KINDS, SHAPE_REACH
from vbvr_core.families.geometry_marks.draw import in_turn
from vbvr_core.families.marking.draw import filled_polygons
from vbvr_core.families.outline.draw import outline_image, trace_sweep
from vbvr_core.families.outline.task import shape_boundary
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g240_add_borders_to_unbordered_shapes.plugin import TASK

BORDER = (0, 0, 0)
# Fill colours: saturated (the official evaluator finds shapes by saturation), none near black.
FILLS: tuple[str, ...] = ("red", "green", "blue", "yellow", "orange", "purple", "cyan", "pink")
EDGE = 16.0  # every shape's reach keeps this far from the canvas border
TOLERANCE = 6.0  # px (canvas): how far from a shape's boundary a drawn border may run


class Params(TaskParams):
    """G-240's parameter space: more, smaller shapes and thinner borders as the difficulty grows."""

    num_shapes: Annotated[int, Strata((3, 4), (4, 6), (6, 8))] = Field(
        5, ge=2, le=9, description="how many filled shapes are shown (at least one with a border, one without)")
    radius: Annotated[float, Strata((44, 56), (36, 46), (28, 38), digits=1)] = Field(
        42.0, ge=24, le=60, description="nominal radius (px) of the shapes; each is 85-115 % of it")
    border_width: Annotated[int, Strata((4, 5), (3, 5), (3, 4))] = Field(
        4, ge=2, le=6, description="stroke width (px) of the black borders, given and drawn")
    min_gap: Annotated[float, Uniform(22, 40, digits=1)] = Field(
        28.0, ge=18, le=60, description="least distance (px) between two shapes' reach circles")
    background: BackgroundIndex = 0
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=6, le=30, description="video frames over which each border is traced")


class Solution(TaskSolution):
    """Each shape's boundary (a closed polygon, canvas px), whether it had a border, the shapes to border (in the
    order the video traces them), and the border tolerance."""

    kinds: list[str]
    polygons: list[list[Point]]
    bordered: list[bool]
    targets: list[int]
    tolerance: float


def unbordered(bordered: list[bool], polygons: list[list[Point]]) -> list[int]:
    """The shapes without a border, left to right; ``Reject`` unless some have one and some do not."""
    targets = [k for k, b in enumerate(bordered) if not b]
    if not targets or len(targets) == len(bordered):
        raise Reject("trivial: every shape or no shape has a border")
    return sorted(targets, key=lambda k: min(x for x, _ in polygons[k]))


class AddBordersToUnborderedShapesGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws filled shapes, some bordered in black, and traces a black border around the others."""

    def _place(self) -> list[tuple[Point, float]]:
        """Centres and radii, apart by ``min_gap`` between reach circles; ``Reject`` when they do not fit."""
        p, rng = self.params, self.rng
        placed: list[tuple[Point, float]] = []
        for _ in range(p.num_shapes):
            r = p.radius * float(rng.uniform(0.85, 1.15))
            reach = r * SHAPE_REACH
            for _ in range(200):
                c = (float(rng.uniform(EDGE + reach, 512 - EDGE - reach)),
                     float(rng.uniform(EDGE + reach, 512 - EDGE - reach)))
                if all(math.dist(c, q) >= reach + rq * SHAPE_REACH + p.min_gap for q, rq in placed):
                    placed.append((c, r))
                    break
            else:
                raise Reject(f"cluttered: {p.num_shapes} shapes of radius {p.radius:.0f} do not fit apart")
        return placed

    def generate(self) -> Sample:
        """Place and paint the shapes, border some, and trace borders around the rest."""
        p, rng = self.params, self.rng
        placed = self._place()
        kinds = [SHAPE_KINDS[int(k)] for k in rng.integers(0, len(SHAPE_KINDS), size=len(placed))]
        polygons = [shape_boundary(kind, c, r, float(rng.uniform(0, 2 * math.pi)))
                    for kind, (c, r) in zip(kinds, placed, strict=True)]
        fills = [FILLS[int(k)] for k in rng.integers(0, len(FILLS), size=len(placed))]
        count = int(rng.integers(1, len(placed)))  # shapes with a border: at least one, never all
        with_border = {int(k) for k in rng.choice(len(placed), size=count, replace=False)}
        bordered = [k in with_border for k in range(len(placed))]
        targets = unbordered(bordered, polygons)

        first = filled_polygons(BACKGROUNDS[p.background], polygons, [PALETTE[fill] for fill in fills])
        for k in sorted(with_border):
            first = outline_image(first, polygons[k], BORDER, p.border_width)
        solution = Solution(kinds=kinds, polygons=polygons, bordered=bordered, targets=targets, tolerance=TOLERANCE)
        final = first
        for k in targets:
            final = outline_image(final, polygons[k], BORDER, p.border_width)
        prompt = (
            "Several coloured shapes are shown; some of them have a black border and some do not. Add a black "
            "border around every shape that does not have one yet, like the borders of the others. Do not "
            "change anything else in the image."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._border_frames(first, targets, solution), solution=solution, params=p)

    def _border_frames(self, first: np.ndarray, shapes: list[int], solution: Solution, color=BORDER,
                       width: int | None = None) -> Iterator[np.ndarray]:
        """The scene, then a border traced along each of ``shapes`` in turn, stroke by stroke."""
        p = self.params
        return in_turn(first, [partial(trace_sweep, polygon=solution.polygons[k], frames=p.mark_frames, color=color,
                                       width=width or p.border_width) for k in shapes])

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct drawings: thinner and thicker borders, and the shapes bordered right to left."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        return {"thin_borders": lambda: self._border_frames(first, s.targets, s, width=2),
                "thick_borders": lambda: self._border_frames(first, s.targets, s, width=7),
                "right_to_left": lambda: self._border_frames(first, s.targets[::-1], s)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers drawn like the right one: one shape left without a border (when several need one), the
        borders in red, and a bordered shape filled black instead."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        red = PALETTE["red"]
        misses: dict[str, FrameSource] = {"red_borders": lambda: self._border_frames(first, s.targets, s, color=red)}
        if len(s.targets) >= 2:
            misses["one_shape_missed"] = lambda: self._border_frames(first, s.targets[:-1], s)
        else:
            misses["bordered_shape_instead"] = lambda: self._border_frames(
                first, [s.bordered.index(True)], s, width=12)
        return misses
