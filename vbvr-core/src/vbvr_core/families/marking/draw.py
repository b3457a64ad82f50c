"""Marking an answer: a ring drawn around a point, stroke by stroke, as a hand would circle it.

Used by every "circle the answer" task (the largest number, the largest angle, the odd one out): the
video starts on the scene, and over ``frames`` frames an arc sweeps clockwise from the top until it
closes into a full ring. Also draws static rings (the highlights a counting video puts on each object), and
scatters the candidates so that a ring around one never touches another.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract.geometry import Point
from vbvr_core.draw import draw_shape, ease_in_out, new_canvas, to_frame

MARK_RED = (225, 25, 25)
MARK_BLACK = (0, 0, 0)  # the mark of a task whose official convention marks in black (the palette's black)


def filled_polygons(background, polygons: Sequence[Sequence[Point]], fills: Sequence, outline=None,
                    width: int = 1) -> np.ndarray:
    """A canvas of ``background`` (RGB) with each of ``polygons`` filled in its colour of ``fills``, in order, and
    edged in the one ``outline`` colour ``width`` px wide (none by default): the scene of shapes a marking task asks
    about, as a frame."""
    canvas = new_canvas(background)
    draw = ImageDraw.Draw(canvas)
    for polygon, fill in zip(polygons, fills, strict=True):
        draw.polygon(list(polygon), fill=fill, outline=outline, width=width)
    return to_frame(canvas)


def shapes_image(background, kinds: Sequence[str], centers: Sequence[Point], radii: Sequence[float],
                 rotations: Sequence[float], fills: Sequence, outline=None, width: int = 0) -> np.ndarray:
    """A canvas of ``background`` (RGB) with each shape drawn in turn by :func:`vbvr_core.draw.draw_shape`: kind,
    centre, nominal radius, turn and fill (RGB) from the five lists (one entry a shape), and the one ``outline``
    colour (none by default) ``width`` px wide for all: a scattered scene of shapes, as a frame."""
    canvas = new_canvas(background)
    draw = ImageDraw.Draw(canvas)
    for kind, center, radius, rotation, fill in zip(kinds, centers, radii, rotations, fills, strict=True):
        draw_shape(draw, kind, center, radius, fill=fill, outline=outline, width=width, rotation=rotation)
    return to_frame(canvas)


def draw_ring(draw: ImageDraw.ImageDraw, center: Point, radius: float, color, width: int = 5,
              extent: float = 360.0) -> None:
    """A ring (or, with ``extent`` < 360, an arc starting at the top, clockwise) around ``center``."""
    x, y = center
    box = [x - radius, y - radius, x + radius, y + radius]
    if extent >= 360.0:
        draw.ellipse(box, outline=color, width=width)
    elif extent > 0:
        draw.arc(box, start=-90.0, end=-90.0 + extent, fill=color, width=width)


def ring_image(base: np.ndarray, center: Point, radius: float, color=MARK_RED, width: int = 5,
               extent: float = 360.0) -> np.ndarray:
    """``base`` (H×W×3 uint8) with a ring drawn on it (a new array)."""
    image = Image.fromarray(base)
    draw_ring(ImageDraw.Draw(image), center, radius, color, width, extent)
    return np.asarray(image, dtype=np.uint8).copy()


def ring_sweep(base: np.ndarray, center: Point, radius: float, frames: int, color=MARK_RED,
               width: int = 5) -> Iterator[np.ndarray]:
    """``frames`` frames of a ring being drawn around ``center`` on ``base``; the last shows the full ring.

    ``base`` itself is not yielded (the caller starts with it).
    """
    if frames < 1:
        raise ValueError(f"frames must be ≥ 1, got {frames}")
    for step in range(1, frames + 1):
        yield ring_image(base, center, radius, color, width, 360.0 * ease_in_out(step / frames))


def outline_sweep(base: np.ndarray, points: Sequence[Point], frames: int, color=MARK_RED,
                  width: int = 5) -> Iterator[np.ndarray]:
    """``frames`` frames of the closed outline through ``points`` being traced on ``base``, vertex to vertex.

    The last frame shows the whole outline; ``base`` itself is not yielded (the caller starts with it).
    """
    if frames < 1:
        raise ValueError(f"frames must be ≥ 1, got {frames}")
    closed = [*points, points[0]]
    for step in range(1, frames + 1):
        upto = max(2, round(ease_in_out(step / frames) * (len(closed) - 1)) + 1)
        image = Image.fromarray(base.copy())
        ImageDraw.Draw(image).line(closed[:upto], fill=color, width=width, joint="curve")
        yield to_frame(image)

def scatter_discs(rng: Any, radii: Sequence[float], area: tuple[float, float, float, float], gap: float,
                  tries: int, allowed: Callable[[float, float, float], bool] | None = None) -> list[Point] | None:
    """Centres for discs of ``radii``, placed in turn at uniform random spots inside ``area`` (left, top,
    right, bottom: each disc wholly inside) at least ``gap`` apart from every disc placed before, or None
    when one of them finds no spot in ``tries`` draws. ``rng`` is a numpy Generator (x drawn before y).
    ``allowed(x, y, radius)``, when given, refuses a spot a task keeps free (a draw is used either way)."""
    left, top, right, bottom = area
    placed: list[tuple[float, float, float]] = []
    for radius in radii:
        for _ in range(tries):
            x = float(rng.uniform(left + radius, right - radius))
            y = float(rng.uniform(top + radius, bottom - radius))
            if (allowed is None or allowed(x, y, radius)) and all(
                    math.hypot(x - px, y - py) >= radius + pr + gap for px, py, pr in placed):
                placed.append((x, y, radius))
                break
        else:
            return None
    return [(x, y) for x, y, _ in placed]
