"""G-168 identify_nearest_to_square_rectangle: ring the rectangle whose sides are closest to equal.

Parameters → draw → solve → render → prompt:

- ``num_rects`` filled rectangles of different aspect ratios (short side / long side) and unrelated areas;
- the most square one has ratio ``best_ratio``; every other is at least ``ratio_gap`` less square, the rest
  spread down to 0.3; with ``rotated`` the rectangles are turned at random (else axis-aligned);
- rectangles are scattered so that a ring around any one of them touches no other;
- the solver measures every drawn rectangle's sides from its corners and takes the largest short/long ratio;
  the video draws a red ring around it, stroke by stroke.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, ease_in_out, to_frame
from vbvr_core.families.marking.draw import MARK_RED, filled_polygons
from vbvr_core.families.marking.task import RingMarkGenerator, fill_colors, shuffle_together
from vbvr_core.pipeline.generator import Reject

from vbvr_g168_identify_nearest_to_square_rectangle.plugin import TASK

RING_PADDING = 8
GAP = 6
LOWEST_RATIO = 0.3
LEAST_GAP = 0.05  # the solver refuses a runner-up within this ratio of the answer


class Params(TaskParams):
    """G-168's parameter space: more rectangles, closer ratios and turned rectangles as the difficulty grows."""

    num_rects: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=7, description="how many rectangles are shown")
    best_ratio: Annotated[float, Strata((0.85, 1.0), (0.78, 0.95), (0.72, 0.9), digits=2)] = Field(
        0.9, ge=0.6, le=1.0, description="short side / long side of the most square rectangle")
    ratio_gap: Annotated[float, Strata((0.2, 0.3), (0.12, 0.2), (0.07, 0.12), digits=2)] = Field(
        0.15, ge=0.06, le=0.4, description="least ratio difference between the most square rectangle and any other")
    rotated: Annotated[bool, Strata(0.0, 0.3, 0.7)] = Field(
        False, description="rectangles turned at random instead of axis-aligned")
    mixed_colors: Annotated[bool, Strata(0.3, 0.6, 1.0)] = Field(
        True, description="each rectangle in its own colour instead of all in one")
    min_side: Annotated[float, Uniform(40, 52, digits=1)] = Field(
        45.0, ge=30, le=60, description="side (px) of the square with the smallest rectangle area")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the ring is drawn")

    @model_validator(mode="after")
    def _room_below_the_best(self) -> Params:
        if self.best_ratio - self.ratio_gap < LOWEST_RATIO + 0.05:
            raise ValueError(f"best_ratio − ratio_gap must be ≥ {LOWEST_RATIO + 0.05}: the other rectangles need "
                             "ratios between 0.3 and it")
        return self


class Solution(TaskSolution):
    """The rectangles (centre, corners, measured ratio), the ring radius around each, and the most square one."""

    centers: list[Point]
    corners: list[list[Point]]
    ratios: list[float]
    ring_radii: list[float]
    target: int


def corners_of(center: Point, width: float, height: float, angle: float) -> list[Point]:
    """The four corners of a ``width`` × ``height`` rectangle around ``center`` turned by ``angle``."""
    c, s = math.cos(angle), math.sin(angle)
    return [(round(center[0] + x * c - y * s, 2), round(center[1] + x * s + y * c, 2))
            for x, y in ((-width / 2, -height / 2), (width / 2, -height / 2), (width / 2, height / 2),
                         (-width / 2, height / 2))]


def measured_ratio(corners: list[Point]) -> float:
    """Short side / long side of a rectangle, from its corners."""
    a, b = math.dist(corners[0], corners[1]), math.dist(corners[1], corners[2])
    return min(a, b) / max(a, b)


def most_square(ratios: list[float]) -> int:
    """The index of the largest ratio; ``Reject`` when the runner-up is within ``LEAST_GAP`` of it."""
    order = sorted(range(len(ratios)), key=lambda k: -ratios[k])
    if ratios[order[0]] - ratios[order[1]] < LEAST_GAP:
        raise Reject(f"ambiguous: ratios {ratios[order[0]]:.2f} and {ratios[order[1]]:.2f} are too close")
    return order[0]


class NearestSquareGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters rectangles of different aspect ratios and rings the most square one."""

    def generate(self) -> Sample:
        """Draw the ratios, sizes and layout, paint the rectangles, and ring the most square one."""
        p, rng = self.params, self.rng
        count = p.num_rects
        top = p.best_ratio - p.ratio_gap
        ratios = [p.best_ratio, round(top - float(rng.uniform(0, 0.04)), 3)]
        ratios += [round(float(rng.uniform(LOWEST_RATIO, top)), 3) for _ in range(count - 2)]
        # Areas unrelated to the ratios: squares of side min_side … 1.5 min_side.
        areas = [(p.min_side * float(rng.uniform(1.0, 1.5))) ** 2 for _ in range(count)]
        sides = [(math.sqrt(a / r), math.sqrt(a * r)) for a, r in zip(areas, ratios, strict=True)]
        # Long side horizontal or vertical at random (or any turn when rotated).
        angles = [float(rng.uniform(0, math.pi)) if p.rotated else (math.pi / 2) * int(rng.integers(0, 2))
                  for _ in range(count)]
        ring_radii = [round(math.hypot(w, h) / 2 + RING_PADDING, 1) for w, h in sides]
        centers = self.rings_apart(ring_radii, GAP, 6, largest_first=True, what="rectangles")
        sides, angles, ring_radii, centers = shuffle_together(rng, sides, angles, ring_radii, centers)
        corners = [corners_of(c, w, h, a) for c, (w, h), a in zip(centers, sides, angles, strict=True)]
        measured = [round(measured_ratio(c), 3) for c in corners]
        target = most_square(measured)
        colors = fill_colors(rng, count, p.mixed_colors)

        first = filled_polygons(BACKGROUNDS[p.background], corners, colors)
        solution = Solution(centers=centers, corners=corners, ratios=measured, ring_radii=ring_radii, target=target)
        prompt = (
            "Several rectangles of different proportions are shown. Find the rectangle that is closest to a "
            "square (its width and height are the most nearly equal) and mark it by drawing a red circle around "
            "it. Mark only that rectangle and do not change anything else in the image."
        )
        return self.ringed_sample(first, prompt, solution)

    def _outline_frames(self, first: np.ndarray, solution: Solution) -> Iterator[np.ndarray]:
        """The first frame, then the target's own outline traced in red, corner to corner."""
        k = solution.target
        cx, cy = solution.centers[k]
        points = [(cx + 1.1 * (x - cx), cy + 1.1 * (y - cy)) for x, y in solution.corners[k]]
        points = points + points[:1]
        yield first
        frames = self.params.mark_frames
        for step in range(1, frames + 1):
            travelled = ease_in_out(step / frames) * 4
            whole = int(travelled)
            path = points[:whole + 1]
            if whole < 4:
                (x0, y0), (x1, y1) = points[whole], points[whole + 1]
                t = travelled - whole
                path = path + [(x0 + t * (x1 - x0), y0 + t * (y1 - y0))]
            image = Image.fromarray(first.copy())
            if len(path) >= 2:
                ImageDraw.Draw(image).line(path, fill=MARK_RED, width=5, joint="curve")
            yield to_frame(image)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct mark: the most square rectangle's own outline traced in red."""
        solution = Solution.model_validate(sample.solution)
        return {"outline_traced": lambda: self._outline_frames(sample.first_frame, solution)}

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The runner-up in squareness, and the largest other rectangle."""
        order = sorted(range(len(solution.ratios)), key=lambda k: -solution.ratios[k])
        largest = max((k for k in range(len(solution.ratios)) if k != solution.target),
                      key=lambda k: solution.ring_radii[k])
        return {"runner_up_ringed": order[1], **({"largest_other_ringed": largest} if largest != order[1] else {})}
