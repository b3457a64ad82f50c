"""G-218 identify_largest_angle_in_triangle: circle the vertex of a triangle's largest interior angle.

Parameters → draw → solve → render → prompt:

- the largest angle is drawn from ``largest_angle`` (obtuse in the easy strata, as in the original task;
  acute or right in the hardest), the other two so that they trail it by at least ``min_margin`` degrees
  and none is thinner than 15°;
- the triangle is built from its angles (sides ∝ sines), scaled to ``size`` (longest side), turned by a
  random angle and placed at random on a white canvas, outlined (optionally lightly filled);
- the solver measures the three angles of the drawn vertices and picks the largest; near-equal largest
  angles, slivers, sides too short for a ring and vertices too near the edge are rejected;
- the video draws a red ring around that vertex, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.families.marking.task import RingMarkGenerator
from vbvr_core.pipeline.generator import Reject
from vbvr_core.plane import interior_angles, shift_room

from vbvr_g218_identify_largest_angle_in_triangle.plugin import TASK

LINE_COLORS = [(0, 0, 0), (30, 40, 120), (20, 90, 40), (70, 40, 20), (60, 60, 60)]
FILLS = [None, (215, 230, 250), (220, 240, 220), (250, 245, 210), (235, 235, 235)]
MIN_ANGLE = 15.0
MIN_MARGIN_ACCEPTED = 5.0


class Params(TaskParams):
    """G-218's parameter space: the largest angle turns acute and its lead shrinks as the difficulty grows."""

    largest_angle: Annotated[float, Strata((112.0, 150.0), (95.0, 115.0), (68.0, 95.0), digits=2)] = Field(
        120.0, ge=65.0, le=155.0, description="the triangle's largest interior angle, degrees")
    min_margin: Annotated[float, Strata((25.0, 40.0), (14.0, 25.0), (6.0, 14.0), digits=2)] = Field(
        20.0, ge=5.0, le=60.0, description="least lead of the largest angle over the second, degrees")
    size: Annotated[int, Uniform(240, 400)] = Field(300, ge=220, le=420, description="length of the longest side, pixels")
    line_color: Annotated[int, Uniform(0, len(LINE_COLORS) - 1)] = Field(
        0, ge=0, le=len(LINE_COLORS) - 1, description="outline colour index")
    line_width: Annotated[int, Uniform(2, 5)] = Field(3, ge=2, le=5, description="outline width, pixels")
    fill: Annotated[int, Uniform(0, len(FILLS) - 1)] = Field(
        0, ge=0, le=len(FILLS) - 1, description="fill index (0 = no fill)")
    ring_radius: Annotated[int, Uniform(32, 48)] = Field(
        36, ge=26, le=52, description="radius of the red marking ring, pixels (the official evaluator wants ≥ 30)")
    ring_width: Annotated[int, Uniform(4, 6)] = Field(5, ge=4, le=7, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(14, 22)] = Field(
        18, ge=10, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The triangle's vertices, the vertex of its largest angle, and the radius of a ring around a vertex. The
    marking family's ``score_ringed`` judges it with the three vertices as the candidates and the largest angle's
    vertex as the target: the red mark must sit on it and take in neither other vertex."""

    vertices: list[Point]
    target: int
    ring_radius: int


def triangle_from_angles(angles: list[float], longest: float, turn: float) -> list[tuple[float, float]]:
    """Vertices (centred on the origin) of a triangle with these interior angles (degrees, at vertices 0, 1, 2),
    longest side ``longest``, turned by ``turn`` radians."""
    a0, a1, a2 = (math.radians(a) for a in angles)
    scale = longest / max(math.sin(a0), math.sin(a1), math.sin(a2))
    side_01, side_02 = scale * math.sin(a2), scale * math.sin(a1)
    points = [(0.0, 0.0), (side_01, 0.0), (side_02 * math.cos(a0), -side_02 * math.sin(a0))]
    cx, cy = sum(p[0] for p in points) / 3, sum(p[1] for p in points) / 3
    cos_t, sin_t = math.cos(turn), math.sin(turn)
    return [((x - cx) * cos_t - (y - cy) * sin_t, (x - cx) * sin_t + (y - cy) * cos_t) for x, y in points]


def reject_reason(vertices: list[Point], ring_radius: float) -> str | None:
    """Why a triangle cannot be used (near-equal largest angles, a sliver, two vertices in one ring), or None. (Every
    ring fits on the canvas: the placement keeps the vertices a ring and more inside.)"""
    angles = sorted(interior_angles(vertices), reverse=True)
    if angles[0] - angles[1] < MIN_MARGIN_ACCEPTED:
        return f"ambiguous: the two largest angles {angles[0]:.1f}° and {angles[1]:.1f}° are too close"
    if angles[2] < MIN_ANGLE - 0.5:
        return f"a sliver angle of {angles[2]:.1f}° makes the vertices hard to see"
    shortest = min(math.dist(vertices[k], vertices[k - 1]) for k in range(3))
    if shortest < 2.5 * ring_radius:
        return f"cluttered: the shortest side ({shortest:.0f} px) puts two vertices inside one ring"
    return None


class LargestAngleGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a triangle with a clear largest angle and circles that vertex."""

    def ring(self, solution: Solution, index: int) -> tuple[Point, float]:
        """Every vertex's ring has the one radius ``solution.ring_radius``."""
        return solution.vertices[index], solution.ring_radius

    def _angles(self) -> list[float]:
        """The largest angle at a random vertex; the other two share the rest, each ≤ largest − margin."""
        p = self.params
        rest = 180.0 - p.largest_angle
        upper = min(p.largest_angle - p.min_margin, rest - MIN_ANGLE)
        lower = max(MIN_ANGLE, rest - upper)
        second = float(self.rng.uniform(lower, max(lower, upper)))
        angles = [second, rest - second]
        self.rng.shuffle(angles)
        angles.insert(int(self.rng.integers(0, 3)), p.largest_angle)
        return angles

    def generate(self) -> Sample:
        """Build, place and draw the triangle; find its largest angle; circle that vertex."""
        p = self.params
        shape = triangle_from_angles(self._angles(), p.size, float(self.rng.uniform(0, 2 * math.pi)))
        (low_x, high_x), (low_y, high_y) = shift_room(shape, p.ring_radius + p.ring_width + 6)
        if high_x <= low_x or high_y <= low_y:
            raise Reject(f"a triangle of size {p.size} and its rings do not fit on the canvas")
        dx, dy = float(self.rng.uniform(low_x, high_x)), float(self.rng.uniform(low_y, high_y))
        vertices = [(round(x + dx, 1), round(y + dy, 1)) for x, y in shape]
        reason = reject_reason(vertices, p.ring_radius)
        if reason:
            raise Reject(reason)
        target = int(np.argmax(interior_angles(vertices)))
        canvas = new_canvas()
        ImageDraw.Draw(canvas).polygon(vertices, fill=FILLS[p.fill], outline=LINE_COLORS[p.line_color],
                                       width=p.line_width)
        first = to_frame(canvas)
        prompt = (
            "The image shows a triangle. Find its largest interior angle and mark it by drawing a red circle "
            "around the vertex of that angle. Do not change anything else in the image."
        )
        return self.ringed_sample(first, prompt, Solution(vertices=vertices, target=target, ring_radius=p.ring_radius))
