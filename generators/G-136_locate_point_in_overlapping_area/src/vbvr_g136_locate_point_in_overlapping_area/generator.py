"""G-136 locate_point_in_overlapping_area: circle in red every dot that lies inside both overlapping shapes.

Parameters → draw → solve → render → prompt:

- two shapes (circle, square, triangle or hexagon), tinted and outlined in two colours, overlap over 20–75 %
  of the smaller one's area;
- ``num_dots`` black dots: ``num_inside`` of them in the overlap, the others in one shape only or outside both
  (from the medium stratum at least one in each shape alone); every dot's centre keeps ``margin`` px from both
  outlines and 56 px from every other dot, so no dot sits on a boundary;
- the solver tests every dot against both shapes (inside each polygon, and how far from its outline) and keeps
  those inside both; the video holds the scene, then draws a red circle around each of them in turn, stroke
  by stroke (the official evaluator looks for red circles on the dots in the overlap), and holds the result.
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_disc, to_frame
from vbvr_core.families.geometry_marks.task import PointMarkGenerator, inside_canvas
from vbvr_core.families.marking.task import shuffle_together
from vbvr_core.families.outline.draw import polygon_mask
from vbvr_core.pipeline.generator import Reject
from vbvr_core.plane import point_segment_distance, polygon_sides

from vbvr_g136_locate_point_in_overlapping_area.plugin import TASK

KINDS: tuple[str, ...] = ("circle", "square", "triangle", "hexagon")
# Shape colours: never red, orange or pink (the mark is red), never black (the dots are black).
# Pairs far enough apart in hue to tell the two shapes apart (blue and cyan are not).
COLOR_PAIRS: tuple[tuple[str, str], ...] = (("blue", "green"), ("blue", "purple"), ("green", "purple"),
                                            ("purple", "cyan"), ("green", "cyan"))
DOT_RADIUS = 6.0
DOT_GAP = 56.0  # px between dot centres
EDGE = 16.0
TINT = 0.15  # share of a shape's colour in its fill (faint: the judge reads lines and dots, not the fills, as the scene)


class Params(TaskParams):
    """G-136's parameter space: more dots, more of them in the overlap, and closer to the outlines as it grows."""

    num_dots: Annotated[int, Strata((5, 6), (6, 8), (8, 10))] = Field(
        7, ge=3, le=11, description="how many black dots are shown")
    num_inside: Annotated[int, Strata((1, 2), (1, 3), (2, 4))] = Field(
        2, ge=1, le=5, description="how many of them lie in the overlap of the two shapes")
    margin: Annotated[float, Strata((18, 24), (12, 16), (9, 11), digits=1)] = Field(
        14.0, ge=8, le=30, description="least distance (px) from a dot's centre to either shape's outline")
    size: Annotated[int, Uniform(120, 150)] = Field(
        135, ge=100, le=170, description="shape size (px): a circle's radius, the other shapes' circumradius")
    line_width: Annotated[int, Uniform(3, 4)] = Field(3, ge=2, le=6, description="outline stroke width, px")
    background: BackgroundIndex = 0
    mark_radius: Annotated[float, Uniform(12, 15, digits=1)] = Field(
        13.0, ge=10, le=20, description="radius (px) of each red circle drawn around a dot")
    mark_frames: Annotated[int, Uniform(8, 10)] = Field(
        9, ge=5, le=20, description="video frames over which one red circle is drawn")

    @model_validator(mode="after")
    def _some_dots_outside(self) -> Params:
        if self.num_inside > self.num_dots - 2:
            raise ValueError(f"{self.num_inside} dots in the overlap of {self.num_dots}: at least two must lie "
                             "elsewhere")
        return self


class Solution(TaskSolution):
    """The two shapes (kind, corners), the dots, and the dots in the overlap in the order they are circled."""

    kinds: tuple[str, str]
    shapes: tuple[list[Point], list[Point]]
    colors: tuple[str, str]
    dots: list[Point]
    inside: list[int]
    mark_radius: float


def shape_polygon(kind: str, center: Point, size: float, turn: float) -> list[Point]:
    """The corners of a shape of ``size`` (circumradius; a circle is a 72-gon) turned by ``turn`` radians."""
    sides = {"circle": 72, "square": 4, "triangle": 3, "hexagon": 6}[kind]
    scale = {"circle": 1.0, "square": 1.0, "triangle": 1.2, "hexagon": 1.0}[kind]
    return [(center[0] + size * scale * math.cos(turn + 2 * math.pi * k / sides),
             center[1] + size * scale * math.sin(turn + 2 * math.pi * k / sides)) for k in range(sides)]


def contains(polygon: list[Point], point: Point) -> bool:
    """Whether ``point`` lies inside ``polygon`` (even-odd rule)."""
    x, y = point
    inside = False
    n = len(polygon)
    for k in range(n):
        (x0, y0), (x1, y1) = polygon[k], polygon[(k + 1) % n]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def outline_distance(polygon: list[Point], point: Point) -> float:
    """Distance from ``point`` to ``polygon``'s outline."""
    return min(point_segment_distance(point, *side) for side in polygon_sides(polygon))


def region_of(shapes: tuple[list[Point], list[Point]], point: Point) -> int:
    """0 outside both shapes, 1 in the first only, 2 in the second only, 3 in both."""
    return int(contains(shapes[0], point)) + 2 * int(contains(shapes[1], point))


def overlap_dots(shapes: tuple[list[Point], list[Point]], dots: list[Point], margin: float) -> list[int]:
    """The dots inside both shapes; ``Reject`` if any dot lies within ``margin`` px of an outline."""
    for k, dot in enumerate(dots):
        if min(outline_distance(shapes[0], dot), outline_distance(shapes[1], dot)) < margin - 0.01:
            raise Reject(f"ambiguous: dot {k} lies on a shape's outline")
    return [k for k, dot in enumerate(dots) if region_of(shapes, dot) == 3]


class OverlapDotsGenerator(PointMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws two overlapping shapes and black dots, and circles in red every dot inside both."""

    def _shapes(self) -> tuple[tuple[str, str], tuple[list[Point], list[Point]]]:
        p, rng = self.params, self.rng
        for _ in range(60):
            kinds = (KINDS[int(rng.integers(0, len(KINDS)))], KINDS[int(rng.integers(0, len(KINDS)))])
            sizes = (p.size * float(rng.uniform(0.85, 1.0)), p.size * float(rng.uniform(0.85, 1.0)))
            first = (float(rng.uniform(180, 332)), float(rng.uniform(180, 332)))
            angle = float(rng.uniform(0, 2 * math.pi))
            apart = (sizes[0] + sizes[1]) * float(rng.uniform(0.45, 0.8))
            second = (first[0] + apart * math.cos(angle), first[1] + apart * math.sin(angle))
            shapes = tuple(shape_polygon(kind, center, size, float(rng.uniform(0, 2 * math.pi)))
                           for kind, center, size in zip(kinds, (first, second), sizes, strict=True))
            if not inside_canvas([corner for shape in shapes for corner in shape], EDGE):
                continue
            a, b = polygon_mask(shapes[0]), polygon_mask(shapes[1])
            share = float((a & b).sum()) / min(float(a.sum()), float(b.sum()))
            if 0.2 <= share <= 0.75:
                return kinds, (shapes[0], shapes[1])
        raise Reject("layout: the shapes do not overlap as asked inside the canvas")

    def _dots(self, shapes: tuple[list[Point], list[Point]]) -> list[Point]:
        """Dots by region: ``num_inside`` in the overlap, then (from medium on) one in each shape alone, then the
        rest anywhere off the overlap."""
        p, rng = self.params, self.rng
        wanted = [3] * p.num_inside
        if p.difficulty >= 1:
            wanted += [1, 2]
        wanted += [-1] * (p.num_dots - len(wanted))  # anywhere but the overlap
        dots: list[Point] = []
        for region in wanted:
            for _ in range(300):
                dot = (float(rng.uniform(EDGE + DOT_RADIUS, 512 - EDGE - DOT_RADIUS)),
                       float(rng.uniform(EDGE + DOT_RADIUS, 512 - EDGE - DOT_RADIUS)))
                where = region_of(shapes, dot)
                if (where != region) if region >= 0 else where == 3:
                    continue
                if min(outline_distance(shapes[0], dot), outline_distance(shapes[1], dot)) < p.margin:
                    continue
                if all(math.dist(dot, other) >= DOT_GAP for other in dots):
                    dots.append((round(dot[0], 1), round(dot[1], 1)))
                    break
            else:
                raise Reject(f"cluttered: no room for a dot in region {region}")
        return dots

    def generate(self) -> Sample:
        """Draw the shapes and dots, find the dots in the overlap, and circle each of them in red."""
        p, rng = self.params, self.rng
        for attempt in range(8):  # a small overlap may hold no room for the dots: draw the shapes again
            kinds, shapes = self._shapes()
            shapes = ([(round(x, 1), round(y, 1)) for x, y in shapes[0]],
                      [(round(x, 1), round(y, 1)) for x, y in shapes[1]])
            try:
                dots = self._dots(shapes)
                break
            except Reject:
                if attempt == 7:
                    raise
        (dots,) = shuffle_together(rng, dots)
        inside = overlap_dots(shapes, dots, p.margin)
        if len(inside) != p.num_inside:
            raise Reject(f"{len(inside)} dots in the overlap, asked {p.num_inside}")
        inside.sort(key=lambda k: (dots[k][1], dots[k][0]))
        colors = COLOR_PAIRS[int(rng.integers(0, len(COLOR_PAIRS)))]
        if rng.random() < 0.5:
            colors = (colors[1], colors[0])
        background = np.asarray(BACKGROUNDS[p.background], np.float32)
        canvas = np.broadcast_to(background, (512, 512, 3)).copy()
        for shape, color in zip(shapes, colors, strict=True):  # tints multiply: the overlap shows both
            tint = (1 - TINT) + TINT * np.asarray(PALETTE[color], np.float32) / 255.0
            canvas[polygon_mask(shape)] *= tint
        image = Image.fromarray(np.clip(np.rint(canvas), 0, 255).astype(np.uint8))
        draw = ImageDraw.Draw(image)
        for shape, color in zip(shapes, colors, strict=True):
            draw.line([*shape, shape[0]], fill=PALETTE[color], width=p.line_width, joint="curve")
        for dot in dots:
            draw_disc(draw, dot, DOT_RADIUS, PALETTE["black"])
        first = to_frame(image)
        solution = Solution(kinds=kinds, shapes=shapes, colors=colors, dots=dots, inside=inside,
                            mark_radius=p.mark_radius)
        prompt = (
            "Two overlapping shapes and several black dots are shown. Find every dot that lies inside both shapes "
            "at once (in the area where they overlap) and mark each of them by drawing a red circle around it. Do "
            "not mark dots that lie in only one shape or outside both, and do not change anything else in the image."
        )
        return self.marked_sample(first, prompt, solution, [dots[k] for k in inside])

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct marks: each overlap dot covered in red, or circled wider."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        points = [s.dots[k] for k in s.inside]
        return {"red_discs": lambda: self.dots(first, points, DOT_RADIUS + 4),
                "wide_rings": lambda: self.rings(first, points, radius=s.mark_radius * 1.3)}

    def wrong_points(self, s: Solution) -> dict[str, list[Point]]:
        """Wrong sets circled like the right one: a dot in one shape only circled too, one overlap dot swapped for
        the nearest other dot, and (with two or more) one overlap dot left out."""
        points = [s.dots[k] for k in s.inside]
        others = [k for k in range(len(s.dots)) if k not in s.inside]
        singles = [k for k in others if region_of(s.shapes, s.dots[k]) in (1, 2)] or others
        target = points[-1]
        nearest = min(others, key=lambda k: math.dist(s.dots[k], target))
        single = min(singles, key=lambda k: math.dist(s.dots[k], target))
        misses = {"single_shape_dot_too": [*points, s.dots[single]], "nearest_other_instead": [*points[:-1], s.dots[nearest]]}
        if len(points) >= 2:
            misses["one_overlap_dot_missed"] = points[:-1]
        return misses
