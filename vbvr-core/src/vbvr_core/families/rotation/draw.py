"""Rotation of 2-D geometry in image coordinates (y points down), and polygons drawn into sprites.

Angles are in degrees, positive = clockwise *on screen*, the convention of clock hands and of the
prompts ("rotate 90° clockwise"). Drawing the rotated outline as a vector polygon keeps edges crisp,
which a raster rotation of a bitmap would blur.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract.geometry import Point
from vbvr_core.draw import Sprite


def rotate_points(points: Sequence[Point], center: Point, degrees_clockwise: float) -> list[Point]:
    """``points`` turned about ``center`` by ``degrees_clockwise`` (clockwise as seen on screen)."""
    radians = math.radians(degrees_clockwise)
    cos_a, sin_a = math.cos(radians), math.sin(radians)
    cx, cy = center
    return [(cx + (x - cx) * cos_a - (y - cy) * sin_a, cy + (x - cx) * sin_a + (y - cy) * cos_a) for x, y in points]


def polygon_sprite(points: Sequence[Point], side: int, fill, outline=None, width: int = 0) -> Sprite:
    """A ``side``×``side`` RGBA sprite with the polygon ``points`` (relative to the sprite's centre) drawn in it.

    Colours are RGB or RGBA tuples; the sprite is transparent elsewhere, so a :class:`Stage` pastes it
    centred on any point of a background.
    """
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    half = side / 2
    shifted = [(x + half, y + half) for x, y in points]
    draw.polygon(shifted, fill=_rgba(fill), outline=_rgba(outline), width=width)
    return Sprite(np.asarray(image, dtype=np.uint8))


def _rgba(color):
    if color is None or len(color) == 4:
        return color
    return tuple(color) + (255,)


def placed_polygon(points: Sequence[Point], fill, outline=None, width: int = 0) -> tuple[Sprite, Point]:
    """The polygon ``points`` (canvas coordinates) as a sprite cut tight around it, and the point to paste it at.

    Pasting ``Stage.frame([(sprite, point)])`` puts every vertex back where it was given. A tight sprite
    keeps per-frame compositing cheap for long thin shapes (clock hands, pointers) that a square sprite
    centred on their pivot would mostly waste.
    """
    xs, ys = [x for x, _ in points], [y for _, y in points]
    left, top = math.floor(min(xs)) - 1, math.floor(min(ys)) - 1
    width_px, height_px = math.ceil(max(xs)) + 2 - left, math.ceil(max(ys)) + 2 - top
    image = Image.new("RGBA", (width_px, height_px), (0, 0, 0, 0))
    ImageDraw.Draw(image).polygon([(x - left, y - top) for x, y in points], fill=_rgba(fill), outline=_rgba(outline),
                                  width=width)
    return Sprite(np.asarray(image, dtype=np.uint8)), (left + width_px / 2, top + height_px / 2)
