"""G-174 arrange_circles_by_circumference: line circles up by circumference, largest first.

Parameters → draw → solve → render → prompt:

- ``num_circles`` circles, each its own colour, with radii that grow by at least ``min_ratio`` (and 3 px)
  from one size to the next, scattered without touching and clear of the final row's band;
- the solution sorts them by circumference (2πr) — largest first unless ``order`` says otherwise — and
  lays them left to right on the horizontal line ``row_y``, the row centred, ``spacing`` apart;
- the video moves them one after another (overlapping in time where that stays clear), each to a point
  beside the row and then straight into its place, in an order whose paths are clear, checked frame by
  frame so that no two circles ever overlap on the way; a scatter that allows no such plan is rejected.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, BackgroundIndex, Sprite
from vbvr_core.families.arrangement.draw import OBJECT_COLORS, Mover, RowSolution, rounded, row_places
from vbvr_core.families.arrangement.task import MovesGenerator
from vbvr_core.families.marking.draw import scatter_discs
from vbvr_core.pipeline.generator import Reject

from vbvr_g174_arrange_circles_by_circumference.plugin import TASK

MIN_RADIUS_STEP = 3
EDGE_MARGIN = 16
PLACEMENT_TRIES = 40


def radii_with_gaps(smallest: int, count: int, ratio: float, budget: float) -> list[int]:
    """``count`` integer radii, each ≥ ``ratio`` × and ≥ 3 px above the previous, starting from the largest
    smallest radius ≤ ``smallest`` (never below 10 px) whose diameters sum to at most ``budget``."""
    for first in range(smallest, 9, -1):
        radii = [first]
        for _ in range(count - 1):
            radii.append(max(math.ceil(radii[-1] * ratio), radii[-1] + MIN_RADIUS_STEP))
        if 2 * sum(radii) <= budget:
            break
    return radii


class Params(TaskParams):
    """G-174's parameter space: more circles, closer in size, with the difficulty stratum."""

    num_circles: Annotated[int, Strata((4, 5), (5, 7), (7, 8))] = Field(6, ge=3, le=8, description="number of circles")
    min_ratio: Annotated[float, Strata((1.28, 1.40), (1.16, 1.26), (1.10, 1.15))] = Field(
        1.2, ge=1.08, le=1.6, description="least ratio between neighbouring radii (and circumferences)")
    smallest_radius: Annotated[int, Uniform(14, 30)] = Field(
        18, ge=12, le=40, description="radius of the smallest circle in pixels, before fitting the row")
    spacing: Annotated[int, Uniform(8, 20)] = Field(
        12, ge=6, le=30, description="gap between neighbouring circles in the final row, pixels")
    row_y: int = Field(256, ge=200, le=312, description="height of the final row's centre line, pixels "
                                                        "(not drawn: the prompt asks for the middle)")
    order: Literal["largest_first", "smallest_first"] = Field(
        "largest_first", description="left-to-right order of the final row (not drawn: largest first, as the "
                                     "original)")
    outline_width: Annotated[int, Uniform(1, 3)] = Field(
        2, ge=1, le=3, description="black outline width of the circles, pixels")
    background: BackgroundIndex = 0
    frames_per_move: Annotated[int, Uniform(10, 13)] = Field(
        14, ge=10, le=18, description="video frames one circle takes to reach its place")
    stagger: Annotated[int, Uniform(4, 7)] = Field(
        6, ge=3, le=10, description="frames between the starts of consecutive circles' moves")

    @model_validator(mode="after")
    def _row_fits(self) -> Params:
        """Even from the least smallest radius, the sizes must fit one row across the canvas."""
        budget = row_budget(self.num_circles, self.spacing)
        if 2 * sum(radii_with_gaps(10, self.num_circles, self.min_ratio, budget)) > budget:
            raise ValueError(f"{self.num_circles} circles growing by {self.min_ratio} do not fit one row "
                             f"{self.spacing} px apart: lower num_circles or min_ratio")
        return self


def row_budget(count: int, spacing: int) -> float:
    """The sum of diameters that fits one row of ``count`` circles ``spacing`` apart within the margins."""
    return 512 - 2 * EDGE_MARGIN - spacing * (count - 1)


class ArrangeCirclesGenerator(MovesGenerator, task=TASK, params=Params, solution=RowSolution):
    """Scatters circles of clearly different sizes and moves them into a row sorted by circumference."""

    def _scatter(self) -> list[Point] | None:
        """Non-touching random centres for the circles (largest placed first), clear of the final row's
        band, or None when they do not fit."""
        band, row_y = max(self.radii) + 6, self.params.row_y
        largest_first = sorted(self.radii, reverse=True)
        centres = scatter_discs(self.rng, largest_first, (EDGE_MARGIN, EDGE_MARGIN, 512 - EDGE_MARGIN, 512 - EDGE_MARGIN),
                                gap=10, tries=200, allowed=lambda x, y, radius: abs(y - row_y) >= band + radius)
        if centres is None:
            return None
        by_radius = dict(zip(largest_first, centres, strict=True))
        return [by_radius[r] for r in self.radii]

    def _row(self, order: list[int], baseline: bool = False) -> list[Point]:
        """Each circle's place when they stand left to right in ``order`` on line ``row_y``, by their centres
        or (``baseline``) with their bottoms on the largest circle's bottom."""
        places = row_places(order, [2 * r for r in self.radii], self.params.row_y, self.params.spacing)
        return [(x, y + (max(self.radii) - r if baseline else 0)) for (x, y), r in zip(places, self.radii, strict=True)]

    def _plan(self, starts: list[Point], ends: list[Point]) -> tuple[list[Mover], list[list[Point]]] | None:
        """Movers (start → above or below the place, clear of the row → straight in) and their collision-free
        positions per frame, or None when no order of moves keeps the circles apart."""
        p, largest = self.params, max(self.radii)
        movers = []
        for k in self.order:
            side = -1 if starts[k][1] < ends[k][1] else 1
            approach = (ends[k][0], ends[k][1] + side * (self.radii[k] + largest + 8))
            movers.append(Mover(self.sprites[k], (starts[k], approach, ends[k]), self.radii[k] + p.outline_width))
        return self.planned(movers)

    def _frames(self, name: str, ends: list[Point]) -> dict[str, FrameSource]:
        """``{name: the moves into ends}``, or nothing when those moves cannot be planned clear."""
        planned = self._plan(self.starts, ends)
        return {} if planned is None else {name: self.moved(*planned)}

    def generate(self) -> Sample:
        """Draw radii and colours, scatter the circles, sort by circumference, plan and render the moves."""
        p = self.params
        sizes = radii_with_gaps(p.smallest_radius, p.num_circles, p.min_ratio, row_budget(p.num_circles, p.spacing))
        self.radii = [sizes[int(k)] for k in self.rng.permutation(p.num_circles)]
        colors = [PALETTE[OBJECT_COLORS[int(k)]] for k in self.rng.choice(len(OBJECT_COLORS), p.num_circles, replace=False)]
        # The radii differ, so the order has no ties.
        self.order = sorted(range(p.num_circles), key=self.radii.__getitem__, reverse=p.order == "largest_first")
        ends = self._row(self.order)
        self.sprites = [Sprite.of_shape("circle", r, c, outline_width=p.outline_width, reach=1.0)
                        for r, c in zip(self.radii, colors, strict=True)]
        for _ in range(PLACEMENT_TRIES):
            starts = self._scatter()
            planned = None if starts is None else self._plan(starts, ends)
            if planned is not None:
                break
        else:
            raise Reject("occlusion: no placement lets the circles reach the row without overlapping")
        self.starts = starts
        direction = "largest to smallest" if p.order == "largest_first" else "smallest to largest"
        # The official task's sentences; "through the middle of the image" keeps the row's height stated.
        prompt = (
            f"The scene shows {p.num_circles} circles of different sizes and colors arranged randomly. "
            "Keep every circle unchanged in size and color. Only rearrange their positions. "
            "Align all circles on a single horizontal line through the middle of the image. "
            "Center the entire row of circles in the image. "
            f"Sort them from left to right by circumference, from {direction}."
        )
        solution = RowSolution(colors=colors, starts=rounded(starts), ends=rounded(ends), order=self.order)
        return self.moved_sample(*planned, prompt, solution)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The right order with the circles' bottoms on one baseline instead of their centres on one line."""
        return self._frames("baseline_aligned", self._row(self.order, baseline=True))

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The two largest circles swapped in the row, moved the same way."""
        swapped = [self.order[1], self.order[0], *self.order[2:]]
        return self._frames("largest_two_swapped", self._row(swapped))
