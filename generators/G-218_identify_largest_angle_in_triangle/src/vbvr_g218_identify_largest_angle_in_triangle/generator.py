"""G-218 identify_largest_angle_in_triangle: circle the vertex of a triangle's largest interior angle.

Parameters → draw → solve → render → prompt:

- the largest angle is drawn from ``largest_angle`` (obtuse in the easy strata, as in the original task;
  acute or right in the hardest), the other two so that they trail it by at least ``min_margin`` degrees
  and none is thinner than 15°;
- the triangle is built from its angles (sides ∝ sines), scaled to ``size`` (longest side), turned by a
  random angle and placed at random on a white canvas, outlined (optionally lightly filled);
- the solver measures the three angles of the drawn vertices and picks the largest;
- the video draws a red ring around that vertex, stroke by stroke.
"""

from __future__ import annotations

import math
from itertools import chain
from typing import Any

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_g218_identify_largest_angle_in_triangle.plugin import INFO

LINE_COLORS = [(0, 0, 0), (30, 40, 120), (20, 90, 40), (70, 40, 20), (60, 60, 60)]
FILLS = [None, (215, 230, 250), (220, 240, 220), (250, 245, 210), (235, 235, 235)]
# Difficulty strata: (largest-angle range in degrees, least margin over the second-largest).
STRATA = {0: ((112.0, 150.0), (25.0, 40.0)), 1: ((95.0, 115.0), (14.0, 25.0)), 2: ((68.0, 95.0), (6.0, 14.0))}
MIN_ANGLE = 15.0
MIN_MARGIN_ACCEPTED = 5.0


class Params(TaskParams):
    """G-218's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    largest_angle: float = Field(120.0, ge=65.0, le=155.0, description="the triangle's largest interior angle, degrees")
    min_margin: float = Field(20.0, ge=5.0, le=60.0, description="least lead of the largest angle over the second, degrees")
    size: int = Field(300, ge=220, le=420, description="length of the longest side, pixels")
    line_color: int = Field(0, ge=0, le=len(LINE_COLORS) - 1, description="outline colour index")
    line_width: int = Field(3, ge=2, le=5, description="outline width, pixels")
    fill: int = Field(0, ge=0, le=len(FILLS) - 1, description="fill index (0 = no fill)")
    ring_radius: int = Field(36, ge=26, le=44, description="radius of the red marking ring, pixels")
    ring_width: int = Field(5, ge=4, le=7, description="stroke width of the red ring, pixels")
    mark_frames: int = Field(18, ge=10, le=30, description="video frames over which the ring is drawn")


def interior_angles(vertices: list[tuple[float, float]]) -> list[float]:
    """Interior angle (degrees) at each vertex of a triangle."""
    angles = []
    for k in range(3):
        here, before, after = np.asarray(vertices[k]), np.asarray(vertices[k - 1]), np.asarray(vertices[(k + 1) % 3])
        u, v = before - here, after - here
        cosine = float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))
        angles.append(math.degrees(math.acos(max(-1.0, min(1.0, cosine)))))
    return angles


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


class LargestAngleGenerator(BaseGenerator):
    """Draws a triangle with a clear largest angle and circles that vertex."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Largest angle and its lead from the stratum; size, style and pace uniformly."""
        (angle_lo, angle_hi), (margin_lo, margin_hi) = STRATA[difficulty]
        return {
            "largest_angle": round(float(rng.uniform(angle_lo, angle_hi)), 2),
            "min_margin": round(float(rng.uniform(margin_lo, margin_hi)), 2),
            "size": int(rng.integers(240, 401)),
            "line_color": int(rng.integers(0, len(LINE_COLORS))),
            "line_width": int(rng.integers(2, 6)),
            "fill": int(rng.integers(0, len(FILLS))),
            "ring_radius": int(rng.integers(30, 41)),
            "ring_width": int(rng.integers(4, 7)),
            "mark_frames": int(rng.integers(14, 23)),
        }

    def _angles(self) -> list[float]:
        """The largest angle at a random vertex; the other two share the rest, each ≤ largest − margin."""
        p = self.params
        rest = 180.0 - p.largest_angle
        upper = min(p.largest_angle - p.min_margin, rest - MIN_ANGLE)
        lower = max(MIN_ANGLE, rest - upper)
        second = float(self.rng.uniform(lower, max(lower, upper)))
        others = [second, rest - second]
        self.rng.shuffle(others)
        angles = others[:]
        angles.insert(int(self.rng.integers(0, 3)), p.largest_angle)
        return angles

    def generate(self) -> Sample:
        """Build, place and draw the triangle; find its largest angle; circle that vertex."""
        p = self.params
        shape = triangle_from_angles(self._angles(), p.size, float(self.rng.uniform(0, 2 * math.pi)))
        margin = p.ring_radius + p.ring_width + 6
        xs, ys = [x for x, _ in shape], [y for _, y in shape]
        low_x, high_x = margin - min(xs), 512 - margin - max(xs)
        low_y, high_y = margin - min(ys), 512 - margin - max(ys)
        dx = float(self.rng.uniform(low_x, high_x)) if high_x > low_x else 256.0
        dy = float(self.rng.uniform(low_y, high_y)) if high_y > low_y else 256.0
        vertices = [(round(x + dx, 1), round(y + dy, 1)) for x, y in shape]
        angles = interior_angles(vertices)
        target = int(np.argmax(angles))
        canvas = new_canvas()
        ImageDraw.Draw(canvas).polygon(vertices, fill=FILLS[p.fill], outline=LINE_COLORS[p.line_color],
                                       width=p.line_width)
        first = to_frame(canvas)
        final = ring_image(first, vertices[target], p.ring_radius, width=p.ring_width)
        prompt = (
            "The image shows a triangle. Find its largest interior angle and mark it by drawing a red circle "
            "around the vertex of that angle. Do not change anything else in the image."
        )
        solution = {
            "vertices": [list(v) for v in vertices],
            "angles": [round(a, 3) for a in angles],
            "target": target,
            "ring_radius": p.ring_radius,
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: chain([first], ring_sweep(first, vertices[target], p.ring_radius, p.mark_frames,
                                                        width=p.ring_width)),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject near-equal largest angles, slivers, cramped vertices and a triangle off the canvas."""
        problems = super().validate(sample)
        solution = sample.solution
        angles = sorted(solution["angles"], reverse=True)
        if angles[0] - angles[1] < MIN_MARGIN_ACCEPTED:
            problems.append(f"ambiguous: the two largest angles {angles[0]:.1f}° and {angles[1]:.1f}° are too close")
        if angles[2] < MIN_ANGLE - 0.5:
            problems.append(f"a sliver angle of {angles[2]:.1f}° makes the vertices hard to see")
        vertices = solution["vertices"]
        radius = solution["ring_radius"]
        shortest = min(math.dist(vertices[k], vertices[k - 1]) for k in range(3))
        if shortest < 2.5 * radius:
            problems.append(f"cluttered: the shortest side ({shortest:.0f} px) puts two vertices inside one ring")
        if any(not radius <= c <= 512 - radius for v in vertices for c in v):
            problems.append("a vertex lies too close to the edge for its ring to fit")
        return problems
