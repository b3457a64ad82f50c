"""G-147 identify_unique_figure_in_uniform_set: ring the one figure whose shape differs from all the others.

Parameters → draw → solve → render → prompt:

- a ``rows`` × ``cols`` array of figures, all the same regular polygon (``base_sides`` corners), the same
  size and the same turn; one of them has ``base_sides`` ± ``side_gap`` corners instead;
- figures sit near their cell centres (moved by up to ``jitter`` of the cell); with ``mixed_colors`` each
  figure has its own colour, so colour says nothing, else all share one;
- the solver counts each figure's corners and takes the only one whose count differs from the rest;
  the video draws a red ring around it, stroke by stroke.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Annotated

from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, regular_polygon
from vbvr_core.families.marking.draw import filled_polygons
from vbvr_core.families.marking.task import RingMarkGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g147_identify_unique_figure_in_uniform_set.plugin import TASK

FILL_COLORS = ("green", "blue", "purple", "cyan", "brown", "gray")
RING_PADDING = 7
MARGIN = 12


class Params(TaskParams):
    """G-147's parameter space: bigger arrays and closer corner counts as the difficulty grows."""

    rows: Annotated[int, Strata((3, 3), (3, 4), (4, 5))] = Field(3, ge=2, le=5, description="rows of figures")
    cols: Annotated[int, Strata((3, 4), (4, 4), (4, 5))] = Field(4, ge=2, le=5, description="columns of figures")
    base_sides: Annotated[int, Strata((3, 6), (3, 7), (4, 7))] = Field(
        4, ge=3, le=8, description="corners of the common figure (a regular polygon)")
    side_gap: Annotated[int, Strata((2, 3), (1, 2), (1, 1))] = Field(
        2, ge=1, le=5, description="how many corners the unique figure has more or fewer than the others")
    mixed_colors: Annotated[bool, Strata(0.0, 0.3, 0.6)] = Field(
        False, description="each figure in its own colour (colour is no clue) instead of all in one")
    jitter: Annotated[float, Strata((0.0, 0.04), (0.03, 0.08), (0.05, 0.1), digits=3)] = Field(
        0.05, ge=0, le=0.12, description="largest offset of a figure from its cell centre, share of the cell")
    size: Annotated[float, Uniform(0.27, 0.32, digits=3)] = Field(
        0.3, ge=0.22, le=0.34, description="figure radius as a share of the cell side")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(5, 6)] = Field(5, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the ring is drawn")

    @model_validator(mode="after")
    def _enough_figures(self) -> Params:
        if self.rows * self.cols < 5:
            raise ValueError("rows × cols must be ≥ 5: a uniform set needs several figures besides the unique one")
        return self


class Solution(TaskSolution):
    """The figures (centre, corner count), their radius and turn, the ring radius, the unique one."""

    centers: list[Point]
    sides: list[int]
    radius: float
    rotation: float
    ring_radius: float
    target: int


def odd_sides(base: int, gap: int, upward: bool) -> int:
    """The unique figure's corner count: ``base`` ± ``gap`` (the side ``upward`` prefers first) within 3–8."""
    up, down = base + gap, base - gap
    options = [v for v in ((up, down) if upward else (down, up)) if 3 <= v <= 8]
    if not options:
        raise Reject(f"no corner count {gap} away from {base} within 3–8")
    return options[0]


def unique_one(sides: list[int]) -> int:
    """The index of the only figure whose corner count differs from the rest; ``Reject`` otherwise."""
    counts = Counter(sides)
    singles = [k for k, v in enumerate(sides) if counts[v] == 1]
    if len(counts) != 2 or len(singles) != 1 or len(sides) < 3:
        raise Reject(f"ambiguous: corner counts {dict(counts)}")
    return singles[0]


class UniqueFigureGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws an array of identical figures with one of a different corner count and rings that one."""

    trace_width = 4

    def generate(self) -> Sample:
        """Lay out the array, pick the unique figure and its corner count, paint, and ring it."""
        p, rng = self.params, self.rng
        count = p.rows * p.cols
        cell = min((512 - 2 * MARGIN) / p.cols, (512 - 2 * MARGIN) / p.rows)
        left = (512 - cell * p.cols) / 2
        top = (512 - cell * p.rows) / 2
        radius = round(p.size * cell, 2)
        odd = int(rng.integers(0, count))
        other = odd_sides(p.base_sides, p.side_gap, bool(rng.random() < 0.5))
        sides = [other if k == odd else p.base_sides for k in range(count)]
        rotation = round(float(rng.uniform(0, 2 * math.pi)), 3)
        centers: list[Point] = []
        for k in range(count):
            row, col = divmod(k, p.cols)
            dx, dy = (float(v) for v in rng.uniform(-p.jitter, p.jitter, size=2))
            centers.append((round(left + (col + 0.5 + dx) * cell, 2), round(top + (row + 0.5 + dy) * cell, 2)))
        ring = round(radius + RING_PADDING, 1)
        target = unique_one(sides)
        colors = ([PALETTE[FILL_COLORS[int(i)]] for i in rng.integers(0, len(FILL_COLORS), size=count)]
                  if p.mixed_colors else [PALETTE[FILL_COLORS[int(rng.integers(0, len(FILL_COLORS)))]]] * count)

        polygons = [regular_polygon(center, radius, n, rotation) for center, n in zip(centers, sides, strict=True)]
        first = filled_polygons(BACKGROUNDS[p.background], polygons, colors)
        solution = Solution(centers=centers, sides=sides, radius=radius, rotation=rotation, ring_radius=ring,
                            target=target)
        prompt = (
            "An array of figures is shown. All of them have the same shape except one. Find the figure whose "
            "shape is different from all the others and mark it by drawing a red circle around it. Mark only that "
            "figure and do not change anything else in the image."
        )
        return self.ringed_sample(first, prompt, solution)

    def target_outline(self, solution: Solution) -> list[Point]:
        """The unique figure's own outline, 3 px out, traced in red instead of a ring around it."""
        k = solution.target
        return regular_polygon(solution.centers[k], solution.radius + 3, solution.sides[k], solution.rotation)

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The unique figure's nearest neighbour, and the figure diagonally opposite it in the array."""
        s = solution
        others = [k for k in range(len(s.sides)) if k != s.target]
        return {"neighbour_ringed": min(others, key=lambda k: math.dist(s.centers[k], s.centers[s.target])),
                "far_figure_ringed": max(others, key=lambda k: math.dist(s.centers[k], s.centers[s.target]))}
