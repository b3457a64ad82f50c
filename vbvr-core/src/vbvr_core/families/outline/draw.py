"""Outlining an answer: a coloured line traced along a figure's boundary, stroke by stroke, as a hand would.

Used by the "outline the answer" tasks (the innermost of nested squares, the topmost of overlapping figures):
the video starts on the scene and over ``frames`` frames a line runs from the figure's first vertex around its
boundary until it closes. Figures are closed polygons (a circle is given as a many-sided polygon).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract import FRAME_SIZE
from vbvr_core.contract.geometry import Point
from vbvr_core.draw import ease_in_out

OUTLINE_BLUE = (0, 0, 255)


def circle_polygon(center: Point, radius: float, sides: int = 96) -> list[Point]:
    """A circle as a ``sides``-gon (first vertex straight up, then clockwise)."""
    x, y = center
    return [(x + radius * math.sin(2 * math.pi * k / sides), y - radius * math.cos(2 * math.pi * k / sides))
            for k in range(sides)]


def square_polygon(center: Point, half: float) -> list[Point]:
    """The corners of the axis-aligned square of half side ``half`` around ``center``, clockwise from the top left
    (a figure to outline, a border or a box to draw round a point)."""
    x, y = center
    return [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half)]


def polygon_mask(polygon: Sequence[Point] | np.ndarray, size: int = FRAME_SIZE) -> np.ndarray:
    """The pixels of a ``size``² canvas that the filled ``polygon`` (points or an n × 2 array) covers, as a bool
    mask (Pillow's polygon fill)."""
    image = Image.new("L", (size, size), 0)
    ImageDraw.Draw(image).polygon([tuple(point) for point in np.asarray(polygon, dtype=np.float64).tolist()], fill=1)
    return np.asarray(image, dtype=bool)


def perimeter(polygon: Sequence[Point]) -> float:
    """Length of the closed polygon's boundary."""
    points = list(polygon) + [polygon[0]]
    return float(sum(math.dist(a, b) for a, b in zip(points, points[1:], strict=False)))


def partial_path(polygon: Sequence[Point], fraction: float) -> list[Point]:
    """The first ``fraction`` (0–1) of the closed polygon's boundary, from its first vertex, as a polyline."""
    points = list(polygon) + [polygon[0]]
    goal = max(0.0, min(1.0, fraction)) * perimeter(polygon)
    path = [points[0]]
    for a, b in zip(points, points[1:], strict=False):
        length = math.dist(a, b)
        if goal <= length:
            t = goal / length if length else 0.0
            path.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
            return path
        path.append(b)
        goal -= length
    return path


def outline_image(base: np.ndarray, polygon: Sequence[Point], color, width: int = 6,
                  fraction: float = 1.0) -> np.ndarray:
    """``base`` (H×W×3 uint8) with the first ``fraction`` of ``polygon``'s outline drawn on it (a new array)."""
    image = Image.fromarray(base)
    path = partial_path(polygon, fraction)
    if fraction >= 1.0:
        path = list(polygon) + [polygon[0], polygon[1]]  # overlap the start so the corner closes cleanly
    if len(path) >= 2:
        ImageDraw.Draw(image).line(path, fill=tuple(color), width=width, joint="curve")
    return np.asarray(image, dtype=np.uint8).copy()


def trace_sweep(base: np.ndarray, polygon: Sequence[Point], frames: int, color, width: int = 6) -> Iterator[np.ndarray]:
    """``frames`` frames of ``polygon``'s outline being traced on ``base``; the last shows it closed.

    ``base`` itself is not yielded (the caller starts with it).
    """
    if frames < 1:
        raise ValueError(f"frames must be ≥ 1, got {frames}")
    for step in range(1, frames + 1):
        yield outline_image(base, polygon, color, width, ease_in_out(step / frames))


def offset_polygon(polygon: Sequence[Point], distance: float) -> list[Point]:
    """A convex ``polygon`` grown outwards by about ``distance`` px (each vertex pushed away from the centroid so
    that every side moves out by ``distance``); used to draw an outline just outside a figure."""
    cx = sum(x for x, _ in polygon) / len(polygon)
    cy = sum(y for _, y in polygon) / len(polygon)
    # The nearest side's distance from the centroid (the apothem of a regular polygon).
    points = list(polygon) + [polygon[0]]
    apothem = min(abs((bx - ax) * (ay - cy) - (ax - cx) * (by - ay)) / max(1e-9, math.dist((ax, ay), (bx, by)))
                  for (ax, ay), (bx, by) in zip(points, points[1:], strict=False))
    scale = 1.0 + distance / max(apothem, 1e-9)
    return [(cx + (x - cx) * scale, cy + (y - cy) * scale) for x, y in polygon]
