"""G-174 arrange_circles_by_circumference: line circles up by circumference, largest first.

Parameters → draw → solve → render → prompt:

- ``num_circles`` circles, each its own colour, with radii that grow by at least ``min_ratio`` (and 3 px)
  from one size to the next, scattered without touching;
- the solution sorts them by circumference (2πr) — largest first unless ``order`` says otherwise — and
  lays them left to right on the horizontal line ``row_y``, the row centred, ``spacing`` apart;
- the scattered circles keep clear of the row's band; the video moves them one after another
  (overlapping in time where that stays clear), each to a point beside the row and then straight into
  its place, in an order whose paths are clear, checked frame by frame so that no two circles ever
  overlap on the way.
"""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import PALETTE, Sprite, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import Mover, plan_moves, render_moves, row_slots
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_g174_arrange_circles_by_circumference.plugin import INFO

BACKGROUNDS = [(255, 255, 255), (250, 248, 240), (242, 246, 250), (246, 246, 246)]
# Gray and brown are left out: blends of a black outline with a light background or with orange pass for them.
CIRCLE_COLORS = ("red", "green", "blue", "yellow", "orange", "purple", "cyan", "pink")
# Difficulty strata: (circle count range, least radius ratio between neighbouring sizes).
STRATA = {0: ((4, 5), (1.28, 1.40)), 1: ((5, 7), (1.16, 1.26)), 2: ((7, 8), (1.10, 1.15))}
MIN_RADIUS_STEP = 3
EDGE_MARGIN = 16
PLACEMENT_TRIES = 40


class Params(TaskParams):
    """G-174's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    num_circles: int = Field(6, ge=3, le=8, description="number of circles")
    min_ratio: float = Field(1.2, ge=1.08, le=1.6, description="least ratio between neighbouring radii (and circumferences)")
    smallest_radius: int = Field(18, ge=12, le=40, description="radius of the smallest circle in pixels, before fitting the row")
    spacing: int = Field(12, ge=6, le=30, description="gap between neighbouring circles in the final row, pixels")
    row_y: int = Field(256, ge=200, le=312, description="height of the final row's centre line, pixels (drawn: 256, the middle the prompt asks for)")
    order: Literal["largest_first", "smallest_first"] = Field(
        "largest_first", description="left-to-right order of the final row")
    outline_width: int = Field(2, ge=1, le=3, description="black outline width of the circles, pixels")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    frames_per_move: int = Field(14, ge=10, le=18, description="video frames one circle takes to reach its place")
    stagger: int = Field(6, ge=3, le=10, description="frames between the starts of consecutive circles' moves")


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


class ArrangeCirclesGenerator(BaseGenerator):
    """Scatters circles of clearly different sizes and moves them into a row sorted by circumference."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Count and size contrast from the stratum; sizes, layout, style and pace uniformly."""
        (count_lo, count_hi), (ratio_lo, ratio_hi) = STRATA[difficulty]
        return {
            "num_circles": int(rng.integers(count_lo, count_hi + 1)),
            "min_ratio": round(float(rng.uniform(ratio_lo, ratio_hi)), 3),
            "smallest_radius": int(rng.integers(14, 31)),
            "spacing": int(rng.integers(8, 21)),
            "row_y": 256,  # the prompt asks for the middle of the image
            "outline_width": int(rng.integers(1, 4)),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "frames_per_move": int(rng.integers(10, 14)),
            "stagger": int(rng.integers(4, 8)),
        }

    def _scatter(self, radii: list[int]) -> list[tuple[float, float]] | None:
        """Non-touching random centres for circles of ``radii`` (largest placed first), clear of the final
        row's band, or None when they do not fit."""
        placed: list[tuple[float, float, int]] = []
        band = max(radii) + 6
        for radius in sorted(radii, reverse=True):
            for _ in range(200):
                x = float(self.rng.uniform(EDGE_MARGIN + radius, 512 - EDGE_MARGIN - radius))
                y = float(self.rng.uniform(EDGE_MARGIN + radius, 512 - EDGE_MARGIN - radius))
                if abs(y - self.params.row_y) < band + radius:
                    continue
                if all(math.hypot(x - px, y - py) >= radius + pr + 10 for px, py, pr in placed):
                    placed.append((x, y, radius))
                    break
            else:
                return None
        by_radius = {r: (x, y) for x, y, r in placed}
        return [by_radius[r] for r in radii]

    @staticmethod
    def _path(start: tuple[float, float], end: tuple[float, float], radius: int, largest: int,
              ) -> tuple[tuple[float, float], ...]:
        """Start → just above (or below) the circle's place, clear of the row → straight down (up) into it,
        so that the circles already in the row are never brushed."""
        side = -1 if start[1] < end[1] else 1
        approach = (end[0], end[1] + side * (radius + largest + 8))
        return (start, approach, end)

    def generate(self) -> Sample:
        """Draw radii and colours, scatter the circles, sort by circumference, plan and render the moves."""
        p = self.params
        budget = 512 - 2 * EDGE_MARGIN - p.spacing * (p.num_circles - 1)
        sizes = radii_with_gaps(p.smallest_radius, p.num_circles, p.min_ratio, budget)
        radii = [sizes[int(k)] for k in self.rng.permutation(p.num_circles)]
        names = [CIRCLE_COLORS[int(k)] for k in self.rng.choice(len(CIRCLE_COLORS), p.num_circles, replace=False)]
        colors = [PALETTE[name] for name in names]
        order = sorted(range(p.num_circles), key=lambda k: -radii[k] if p.order == "largest_first" else radii[k])
        slots = row_slots([2 * radii[k] for k in order], p.row_y, p.spacing)
        ends: list[tuple[float, float]] = [(0.0, 0.0)] * p.num_circles
        for k, slot in zip(order, slots, strict=True):
            ends[k] = slot
        sprites = [Sprite.of_shape("circle", r, c, outline_width=p.outline_width, reach=1.0) for r, c in zip(radii, colors, strict=True)]
        starts, plan = None, None
        for _ in range(PLACEMENT_TRIES):
            starts = self._scatter(radii)
            if starts is None:
                continue
            movers = [Mover(sprites[k], self._path(starts[k], ends[k], radii[k], max(radii)),
                            radii[k] + p.outline_width) for k in order]
            plan = plan_moves(movers, p.frames_per_move, p.stagger)
            if plan is not None:
                break
        starts = starts or [(256.0, 256.0)] * p.num_circles
        movers = [Mover(sprites[k], self._path(starts[k], ends[k], radii[k], max(radii)),
                        radii[k] + p.outline_width) for k in order]
        frames_positions = plan[1] if plan else [[m.waypoints[0] for m in movers], [m.waypoints[-1] for m in movers]]
        background = to_frame(new_canvas(BACKGROUNDS[p.background]))
        first = next(render_moves(background, movers, frames_positions[:1]))
        final = next(render_moves(background, movers, frames_positions[-1:]))
        direction = "largest to smallest" if p.order == "largest_first" else "smallest to largest"
        prompt = (
            f"The scene shows {p.num_circles} circles of different sizes and colors arranged randomly. "
            "Keep every circle unchanged in size and color; only move them. Line all circles up on a single "
            "horizontal line through the middle of the image, with the whole row centered, and sort them from left to right by "
            f"circumference, from {direction}."
        )
        solution = {
            "colors": [list(c) for c in colors],
            "color_names": names,
            "radii": radii,
            "circumferences": [round(2 * math.pi * r, 2) for r in radii],
            "starts": [[round(x, 2), round(y, 2)] for x, y in starts],
            "ends": [[round(x, 2), round(y, 2)] for x, y in ends],
            "order": order,
            "collision_free": plan is not None,
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: render_moves(background, movers, frames_positions),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject overlapping circles, look-alike sizes, a row off the canvas, and nothing to do."""
        problems = super().validate(sample)
        solution = sample.solution
        radii = solution["radii"]
        if not solution["collision_free"]:
            problems.append("occlusion: no placement lets the circles reach the row without overlapping")
        ordered = sorted(radii)
        for small, large in pairwise(ordered):
            if large / small < 1.08 or large - small < MIN_RADIUS_STEP:
                problems.append(f"ambiguous: radii {small} and {large} are too close to tell apart")
        ends = solution["ends"]
        left = min(x - r for (x, _), r in zip(ends, radii, strict=True))
        right = max(x + r for (x, _), r in zip(ends, radii, strict=True))
        if left < 8 or right > 504:
            problems.append(f"the final row spans x {left:.0f}..{right:.0f}, off the canvas")
        moving = sum(math.dist(s, e) > 20 for s, e in zip(solution["starts"], ends, strict=True))
        if moving < len(radii) - 1:
            problems.append("trivial: the circles already stand in the final row")
        if len(set(solution["color_names"])) != len(radii):
            problems.append("two circles share a colour")
        return problems
