"""G-222 mark_tangent_point_of_circles: find the one pair of touching circles and mark their tangent point.

Parameters → draw → solve → render → prompt:

- ``num_circles`` outlined circles; exactly two of them touch from outside (centre distance = r₁ + r₂);
- every other pair of circles stays at least ``min_gap`` px apart (edge to edge); with ``decoy`` one extra
  circle sits exactly ``min_gap`` px from another, a pair that *almost* touches;
- the solver checks every pair (|d − r₁ − r₂| and d > |r₁ − r₂|), finds the single touching one and its
  tangent point c₁ + r₁/(r₁ + r₂)·(c₂ − c₁);
- the video draws a small black circle centred on the tangent point, stroke by stroke (the official
  evaluator looks for a small black circle there).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import combinations
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, new_canvas, to_frame
from vbvr_core.families.geometry_marks.draw import pick_colours
from vbvr_core.families.geometry_marks.task import PointMarkGenerator
from vbvr_core.families.marking.draw import MARK_RED
from vbvr_core.families.marking.task import shuffle_together
from vbvr_core.pipeline.generator import Reject

from vbvr_g222_mark_tangent_point_of_circles.plugin import TASK

# Outline colours: never red, orange, pink (the red-mark detector) nor dark (the black-mark detector).
LINE_COLORS = ("blue", "green", "purple", "cyan")
MARK_BLACK = (20, 20, 20)
MIN_RADIUS = 32.0
EDGE = 14.0
CLEAR_OF_POINT = 34.0  # no other circle's line within this many px of the tangent point
FAR_POINT = 90.0  # any other pair's closest-approach point lies this far from the tangent point
TOUCH_TOLERANCE = 0.5  # px: a pair touches when |d − r₁ − r₂| is below this


class Params(TaskParams):
    """G-222's parameter space: more circles and nearer misses as the difficulty grows."""

    num_circles: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=7, description="how many circles are drawn (two of them touch)")
    min_gap: Annotated[float, Strata((26, 36), (16, 24), (9, 14), digits=1)] = Field(
        20.0, ge=8, le=40, description="least gap (px, edge to edge) between two circles that do not touch")
    decoy: Annotated[bool, Strata(0.0, 0.6, 1.0)] = Field(
        False, description="one pair of circles exactly min_gap apart: they almost touch")
    max_radius: Annotated[float, Uniform(70, 95, digits=1)] = Field(
        85.0, ge=50, le=110, description="largest circle radius (px); radii are drawn from 32 px up to it")
    mixed_colors: Annotated[bool, Strata(0.3, 0.6, 1.0)] = Field(
        True, description="each circle in its own colour instead of all in one")
    line_width: Annotated[int, Uniform(3, 4)] = Field(3, ge=2, le=5, description="stroke width of the circles, px")
    background: BackgroundIndex = 0
    mark_radius: Annotated[float, Uniform(10, 13, digits=1)] = Field(
        11.0, ge=8, le=16, description="radius (px) of the black circle drawn on the tangent point")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the mark is drawn")


class Solution(TaskSolution):
    """The circles (centres, radii), the touching pair, its tangent point, and the almost-touching pair if any."""

    centers: list[Point]
    radii: list[float]
    pair: tuple[int, int]
    tangent: Point
    mark_radius: float
    decoy_point: Point | None = None


def edge_gap(c1: Point, r1: float, c2: Point, r2: float) -> float:
    """Edge-to-edge gap of two circles (negative when they overlap)."""
    return math.hypot(c1[0] - c2[0], c1[1] - c2[1]) - r1 - r2


def closest_point(c1: Point, r1: float, c2: Point, r2: float) -> Point:
    """The middle of the gap between two outside circles (their tangent point when they touch)."""
    d = math.hypot(c2[0] - c1[0], c2[1] - c1[1])
    t = (r1 + (d - r1 - r2) / 2) / d
    return (c1[0] + t * (c2[0] - c1[0]), c1[1] + t * (c2[1] - c1[1]))


def touching_pair(centers: list[Point], radii: list[float]) -> tuple[int, int]:
    """The single pair of circles that touch from outside; ``Reject`` when there is none or several."""
    pairs = [(i, j) for i, j in combinations(range(len(centers)), 2)
             if abs(edge_gap(centers[i], radii[i], centers[j], radii[j])) < TOUCH_TOLERANCE]
    if len(pairs) != 1:
        raise Reject(f"ambiguous: {len(pairs)} touching pairs of circles")
    return pairs[0]


class TangentPointGenerator(PointMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws outlined circles of which exactly two touch, and marks their tangent point with a black circle."""

    ring_width = 5
    mark_color = MARK_BLACK

    def _spot(self, radius: float) -> Point:
        rng = self.rng
        return (float(rng.uniform(EDGE + radius, 512 - EDGE - radius)),
                float(rng.uniform(EDGE + radius, 512 - EDGE - radius)))

    def _inside(self, center: Point, radius: float) -> bool:
        return all(EDGE + radius <= v <= 512 - EDGE - radius for v in center)

    def _layout(self) -> tuple[list[Point], list[float], Point | None]:
        """Centres and radii: the touching pair first, then the decoy, then free circles; ``Reject`` if crowded."""
        p, rng = self.params, self.rng
        radius = lambda: round(float(rng.uniform(MIN_RADIUS, p.max_radius)), 1)  # noqa: E731
        for _ in range(50):
            r1, r2 = radius(), radius()
            c1 = self._spot(r1)
            angle = float(rng.uniform(0, 2 * math.pi))
            c2 = (c1[0] + (r1 + r2) * math.cos(angle), c1[1] + (r1 + r2) * math.sin(angle))
            if self._inside(c2, r2):
                break
        else:
            raise Reject("layout: the second touching circle leaves the canvas")
        centers, radii = [c1, c2], [r1, r2]
        tangent = closest_point(c1, r1, c2, r2)

        def fits(center: Point, r: float, skip: int | None = None) -> bool:
            if not self._inside(center, r):
                return False
            if abs(math.hypot(center[0] - tangent[0], center[1] - tangent[1]) - r) < CLEAR_OF_POINT:
                return False
            for k, (c, rk) in enumerate(zip(centers, radii, strict=True)):
                gap = edge_gap(center, r, c, rk)
                if k == skip:
                    continue
                if gap < p.min_gap or (gap < 2 * p.min_gap + 20
                                       and math.dist(closest_point(center, r, c, rk), tangent) < FAR_POINT):
                    return False
            return True

        decoy_point = None
        if p.decoy:
            for _ in range(200):
                host = int(rng.integers(0, len(centers)))
                r = radius()
                a = float(rng.uniform(0, 2 * math.pi))
                d = radii[host] + r + p.min_gap
                center = (centers[host][0] + d * math.cos(a), centers[host][1] + d * math.sin(a))
                if fits(center, r, skip=host):
                    decoy_point = closest_point(centers[host], radii[host], center, r)
                    if math.dist(decoy_point, tangent) >= FAR_POINT:
                        centers.append(center)
                        radii.append(r)
                        break
                    decoy_point = None
            else:
                raise Reject("layout: no room for the almost-touching circle")
        while len(centers) < p.num_circles:
            for _ in range(200):
                r = radius()
                center = self._spot(r)
                if fits(center, r):
                    centers.append(center)
                    radii.append(r)
                    break
            else:
                raise Reject("cluttered: the circles do not fit apart")
        return centers, radii, decoy_point

    def generate(self) -> Sample:
        """Lay out the circles, find the touching pair, draw the scene and the black mark on the tangent point."""
        p, rng = self.params, self.rng
        centers, radii, decoy_point = self._layout()
        centers, radii = shuffle_together(rng, centers, radii)  # the list order says nothing about the pair
        centers = [(round(x, 2), round(y, 2)) for x, y in centers]
        # Rounding the centres moves a touching pair apart by < 0.01 px: the solver allows TOUCH_TOLERANCE.
        i, j = touching_pair(centers, radii)
        tangent = closest_point(centers[i], radii[i], centers[j], radii[j])
        tangent = (round(tangent[0], 2), round(tangent[1], 2))
        colors = [PALETTE[name] for name in pick_colours(rng, LINE_COLORS, len(centers), p.mixed_colors)]

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for (x, y), r, color in zip(centers, radii, colors, strict=True):
            draw.ellipse([x - r, y - r, x + r, y + r], outline=color, width=p.line_width)
        first = to_frame(canvas)
        solution = Solution(centers=centers, radii=radii, pair=(i, j), tangent=tangent, mark_radius=p.mark_radius,
                            decoy_point=None if decoy_point is None else (round(decoy_point[0], 2),
                                                                           round(decoy_point[1], 2)))
        prompt = (
            "Several circles are drawn. Exactly two of them touch each other from the outside at a single point "
            "(they are tangent). Find that tangent point and mark it by drawing a small black circle centred on "
            "it. Do not change anything else in the image."
        )
        return self.marked_sample(first, prompt, solution, [tangent])

    def _dot_frames(self, first: np.ndarray, point: Point, color) -> Iterator[np.ndarray]:
        """The first frame, then a filled dot growing on ``point``."""
        yield first
        frames = self.params.mark_frames
        for step in range(1, frames + 1):
            image = Image.fromarray(first.copy())
            r = 2 + 6 * step / frames
            ImageDraw.Draw(image).ellipse([point[0] - r, point[1] - r, point[0] + r, point[1] + r], fill=color)
            yield to_frame(image)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct marks: a filled black dot, a red ring, a wider black ring, each on the tangent point."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        return {"black_dot": lambda: self._dot_frames(first, s.tangent, MARK_BLACK),
                "red_ring": lambda: self.rings(first, [s.tangent], color=MARK_RED),
                "wide_ring": lambda: self.rings(first, [s.tangent], radius=s.mark_radius * 1.6)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong points marked like the right one: the centre of a touching circle, a point well along the
        common tangent, and (with a decoy) the gap of the pair that almost touches."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        (x1, y1), (x2, y2) = s.centers[s.pair[0]], s.centers[s.pair[1]]
        d = math.hypot(x2 - x1, y2 - y1)
        along = (s.tangent[0] - 40 * (y2 - y1) / d, s.tangent[1] + 40 * (x2 - x1) / d)
        misses: dict[str, FrameSource] = {
            "circle_centre_marked": lambda: self.rings(first, [s.centers[s.pair[0]]]),
            "off_along_tangent": lambda: self.rings(first, [along]),
        }
        if s.decoy_point is not None:
            misses["almost_touching_marked"] = lambda: self.rings(first, [s.decoy_point])
        return misses
