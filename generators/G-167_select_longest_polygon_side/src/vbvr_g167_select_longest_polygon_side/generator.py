"""G-167 select_longest_polygon_side: find the polygon's longest side and circle its midpoint in red.

Parameters → draw → solve → render → prompt:

- a convex polygon of ``num_sides`` sides (its corners at random angles round a centre, at 80–100 % of a
  radius), drawn as a dark outline; every side at least ``MIN_SIDE`` px long, every corner clearly a corner
  (interior angle at most 160°);
- the longest side is longer than every other by the factor ``min_ratio`` — and by less than
  ``min_ratio`` · 1.12, so a hard polygon's longest side is only just the longest;
- the solver measures every side and takes the single longest; the video holds the scene, then draws a red
  circle centred on that side's midpoint stroke by stroke (the official evaluator looks for a red circle on
  the longest edge's midpoint), and holds the result.
"""

from __future__ import annotations

import math
from itertools import chain
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, new_canvas, to_frame
from vbvr_core.families.geometry_marks.draw import segment_sweep
from vbvr_core.families.geometry_marks.task import PointMarkGenerator
from vbvr_core.pipeline.generator import Reject
from vbvr_core.plane import interior_angles, polygon_sides

from vbvr_g167_select_longest_polygon_side.plugin import TASK

# Outline colours: dark, never red, orange, pink or yellow (the mark is red; the official evaluator reads warm
# colours as the mark).
COLORS: tuple[str, ...] = ("black", "blue", "green", "purple", "brown", "gray")
EDGE = 30.0  # corners keep this far from the canvas border
MIN_SIDE = 70.0  # px: a side's midpoint lies ≥ 35 px from its corners, so a mark on a corner marks no midpoint
MAX_ANGLE = 160.0  # degrees: a corner flatter than this would not read as a corner
MIDPOINT_GAP = 50.0  # px between any two sides' midpoints
RATIO_WINDOW = 1.12  # the longest side is shorter than min_ratio × this times the runner-up


class Params(TaskParams):
    """G-167's parameter space: more sides and a longest side closer to the runner-up as the difficulty grows."""

    num_sides: Annotated[int, Strata((3, 4), (4, 6), (6, 8))] = Field(
        5, ge=3, le=9, description="how many sides the polygon has")
    min_ratio: Annotated[float, Strata((1.25, 1.4), (1.1, 1.18), (1.04, 1.07), digits=3)] = Field(
        1.15, ge=1.03, le=1.6, description="the longest side is at least this many times the second longest "
                                           "(and less than 1.12 times this)")
    radius: Annotated[int, Uniform(150, 210)] = Field(
        180, ge=120, le=225, description="distance (px) from the polygon's centre to its corners (80–100 % of it)")
    fill: Annotated[bool, Strata(0.3, 0.3, 0.3)] = Field(False, description="the polygon is filled with a light tint")
    line_color: Annotated[Literal["black", "blue", "green", "purple", "brown", "gray"], Uniform()] = Field(
        "black", description="outline colour")
    line_width: Annotated[int, Uniform(3, 5)] = Field(4, ge=2, le=6, description="outline stroke width, px")
    background: BackgroundIndex = 0
    mark_radius: Annotated[float, Uniform(13, 17, digits=1)] = Field(
        15.0, ge=8, le=22, description="radius (px) of the red circle drawn on the longest side's midpoint")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=6, le=30, description="video frames over which the red circle is drawn")


class Solution(TaskSolution):
    """The polygon's corners (in order), its sides' lengths and midpoints, the longest side and the runner-up."""

    corners: list[Point]
    lengths: list[float]
    midpoints: list[Point]
    longest: int
    runner_up: int
    line_width: int
    mark_radius: float


def longest_side(corners: list[Point], min_ratio: float) -> tuple[int, int]:
    """The longest side and the runner-up; ``Reject`` unless the longest beats every other by ``min_ratio``."""
    lengths = [math.dist(a, b) for a, b in polygon_sides(corners)]
    order = sorted(range(len(lengths)), key=lambda k: -lengths[k])
    if lengths[order[0]] < min_ratio * lengths[order[1]]:
        raise Reject(f"ambiguous: the longest side is only {lengths[order[0]] / lengths[order[1]]:.3f} times the "
                     f"runner-up (asked ≥ {min_ratio})")
    return order[0], order[1]


def is_convex(corners: list[Point]) -> bool:
    n = len(corners)
    signs = set()
    for k in range(n):
        (ax, ay), (bx, by), (cx, cy) = corners[k], corners[(k + 1) % n], corners[(k + 2) % n]
        cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx)
        signs.add(cross > 0)
    return len(signs) == 1


class LongestSideGenerator(PointMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a convex polygon with one clearly (or just) longest side and circles that side's midpoint in red."""

    def _corners(self) -> list[Point]:
        """A convex polygon whose longest side beats the runner-up by ``min_ratio`` to ``min_ratio`` × 1.12."""
        p, rng = self.params, self.rng
        n = p.num_sides
        for _ in range(400):
            angles = np.sort(rng.uniform(0, 2 * math.pi, size=n))
            gaps = np.diff(np.append(angles, angles[0] + 2 * math.pi))
            if gaps.max() >= math.pi - 0.2:  # the centre must lie well inside
                continue
            radii = rng.uniform(0.8, 1.0, size=n) * p.radius
            cx = float(rng.uniform(EDGE + p.radius, 512 - EDGE - p.radius)) if p.radius < 256 - EDGE else 256.0
            cy = float(rng.uniform(EDGE + p.radius, 512 - EDGE - p.radius)) if p.radius < 256 - EDGE else 256.0
            corners = [(round(cx + r * math.cos(a), 1), round(cy + r * math.sin(a), 1))
                       for a, r in zip(angles, radii, strict=True)]
            if not is_convex(corners) or max(interior_angles(corners)) > MAX_ANGLE:
                continue
            lengths = sorted((math.dist(a, b) for a, b in polygon_sides(corners)), reverse=True)
            if lengths[-1] < MIN_SIDE or not p.min_ratio <= lengths[0] / lengths[1] < p.min_ratio * RATIO_WINDOW:
                continue
            mids = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in polygon_sides(corners)]
            if min(math.dist(mids[i], mids[j]) for i in range(n) for j in range(i + 1, n)) < MIDPOINT_GAP:
                continue
            return corners
        raise Reject(f"layout: no convex {n}-gon with the longest side {p.min_ratio}× the runner-up")

    def generate(self) -> Sample:
        """Draw the polygon, find its longest side, and circle that side's midpoint in red."""
        p = self.params
        corners = self._corners()
        longest, runner_up = longest_side(corners, p.min_ratio)
        sides = polygon_sides(corners)
        lengths = [round(math.dist(a, b), 2) for a, b in sides]
        midpoints = [(round((a[0] + b[0]) / 2, 2), round((a[1] + b[1]) / 2, 2)) for a, b in sides]
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        color = PALETTE[p.line_color]
        if p.fill:
            tint = tuple(round(0.15 * c + 0.85 * b) for c, b in zip(color, BACKGROUNDS[p.background], strict=True))
            draw.polygon(corners, fill=tint)
        draw.line([*corners, corners[0]], fill=color, width=p.line_width, joint="curve")
        first = to_frame(canvas)
        solution = Solution(corners=corners, lengths=lengths, midpoints=midpoints, longest=longest,
                            runner_up=runner_up, line_width=p.line_width, mark_radius=p.mark_radius)
        prompt = (
            f"A polygon with {p.num_sides} sides is shown. Find its longest side and mark it by drawing a red "
            "circle centred on the midpoint of that side. Mark only one side, and do not change anything else "
            "in the image."
        )
        return self.marked_sample(first, prompt, solution, [midpoints[longest]])

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct marks: a filled red dot on the midpoint, a wider circle, and the side traced in red."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        start, end = s.corners[s.longest], s.corners[(s.longest + 1) % len(s.corners)]
        frames = self.params.mark_frames
        return {"red_dot": lambda: self.dots(first, [s.midpoints[s.longest]], 8.0),
                "wide_ring": lambda: self.rings(first, [s.midpoints[s.longest]], radius=s.mark_radius * 1.5),
                "side_traced_red": lambda: chain([first], segment_sweep(first, start, end, frames,
                                                                        width=s.line_width + 4))}

    def wrong_points(self, s: Solution) -> dict[str, list[Point]]:
        """Wrong marks drawn like the right one: the runner-up side's midpoint, a corner of the longest side, and
        both the longest and the runner-up circled."""
        return {"runner_up_marked": [s.midpoints[s.runner_up]], "corner_marked": [s.corners[s.longest]],
                "two_sides_marked": [s.midpoints[s.longest], s.midpoints[s.runner_up]]}
