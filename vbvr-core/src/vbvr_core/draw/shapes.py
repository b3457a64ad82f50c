"""Shapes and marks: discs, regular polygons, stars, named shape kinds, arrows, crosses."""

from __future__ import annotations

import math

from PIL import ImageDraw

from vbvr_core.contract.geometry import Point

SHAPE_KINDS = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon", "star")
# The farthest any shape kind reaches from its centre, in units of its nominal radius (the star's points).
SHAPE_REACH = 1.25


def draw_disc(draw: ImageDraw.ImageDraw, center: Point, radius: float, fill, outline=None, width: int = 0) -> None:
    """A filled circle of ``radius`` around ``center``."""
    x, y = center
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill, outline=outline, width=width)


def regular_polygon(center: Point, radius: float, sides: int, rotation: float = 0.0) -> list[Point]:
    """Vertices of a regular polygon (first vertex straight up, then clockwise, rotated by ``rotation`` rad)."""
    x, y = center
    return [
        (x + radius * math.sin(rotation + 2 * math.pi * k / sides), y - radius * math.cos(rotation + 2 * math.pi * k / sides))
        for k in range(sides)
    ]


def shape_points(kind: str, center: Point, radius: float, rotation: float = 0.0) -> list[Point]:
    """Outline vertices of a named polygonal shape kind (everything in SHAPE_KINDS except ``circle``)."""
    if kind == "square":
        return regular_polygon(center, radius * 1.2, 4, rotation + math.pi / 4)
    if kind == "diamond":
        return regular_polygon(center, radius * 1.15, 4, rotation)
    if kind == "triangle":
        return regular_polygon(center, radius * 1.2, 3, rotation)
    if kind == "pentagon":
        return regular_polygon(center, radius * 1.1, 5, rotation)
    if kind == "hexagon":
        return regular_polygon(center, radius * 1.05, 6, rotation)
    if kind == "star":
        outer = regular_polygon(center, radius * 1.25, 5, rotation)
        inner = regular_polygon(center, radius * 0.5, 5, rotation + math.pi / 5)
        return [point for pair in zip(outer, inner, strict=True) for point in pair]
    raise ValueError(f"unknown shape kind {kind!r}; known: {', '.join(SHAPE_KINDS)}")


def draw_shape(draw: ImageDraw.ImageDraw, kind: str, center: Point, radius: float, fill=None,
               outline=None, width: int = 0, rotation: float = 0.0) -> None:
    """Draw a named shape kind of nominal ``radius`` (similar visual size across kinds)."""
    if kind == "circle":
        draw_disc(draw, center, radius, fill, outline, width)
    else:
        draw.polygon(shape_points(kind, center, radius, rotation), fill=fill, outline=outline, width=width)


def draw_arrow(draw: ImageDraw.ImageDraw, start: Point, end: Point, color, width: int = 4,
               head_length: float = 16, head_width: float = 12, gap: float = 0.0) -> None:
    """An arrow from ``start`` to ``end`` (shortened by ``gap`` at both ends), with a filled head at ``end``."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= 2 * gap + 1:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    x0, y0, x1, y1 = x0 + ux * gap, y0 + uy * gap, x1 - ux * gap, y1 - uy * gap
    base_x, base_y = x1 - ux * head_length, y1 - uy * head_length
    draw.line([(x0, y0), (base_x, base_y)], fill=color, width=width)
    half = head_width / 2
    draw.polygon([(x1, y1), (base_x - uy * half, base_y + ux * half), (base_x + uy * half, base_y - ux * half)], fill=color)


def draw_cross(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], color, width: int = 4) -> None:
    """An X from corner to corner of ``box`` (left, top, right, bottom)."""
    x0, y0, x1, y1 = box
    draw.line([(x0, y0), (x1, y1)], fill=color, width=width)
    draw.line([(x0, y1), (x1, y0)], fill=color, width=width)
