"""Rotation of 2-D geometry in image coordinates (y points down), and polygons drawn into sprites.

Angles are in degrees, positive = clockwise *on screen*, the convention of clock hands and of the
prompts ("rotate 90° clockwise"). Drawing the rotated outline as a vector polygon keeps edges crisp,
which a raster rotation of a bitmap would blur.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

import cv2
import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract.geometry import Point
from vbvr_core.draw import Sprite, draw_text, shape_points


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


def turned_sprite(vertices: Sequence[Point], degrees: float, side: int, fill, outline=None, width: int = 0) -> Sprite:
    """:func:`polygon_sprite` of the polygon ``vertices`` (around the sprite's centre) turned by ``degrees``
    (clockwise on screen) about that centre: a shape turning in place, pasted at its centre of turn."""
    return polygon_sprite(rotate_points(vertices, (0.0, 0.0), degrees), side, fill, outline, width)


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


def pointer_outline(pivot: Point, length: float, width: float) -> list[Point]:
    """A tapered pointer (a clock hand, a needle) from ``pivot`` pointing at 12: ``width`` wide, ``length`` long."""
    half, (px, py) = width / 2, pivot
    return [(px - half, py), (px - half, py - 0.86 * length), (px, py - length), (px + half, py - 0.86 * length),
            (px + half, py)]


def draw_dial(draw: ImageDraw.ImageDraw, center: Point, radius: float, color, labels: Sequence[str],
              label_radius: float = 0.82, ticks: int = 60) -> None:
    """A dial's marks inside a face of ``radius`` at ``center``: ``ticks`` ticks at its rim (every
    ``ticks // len(labels)``-th one long and thick) and ``labels`` set clockwise from the first major tick after 12
    (a clock's "1" … "12") at ``label_radius`` × ``radius``, bold, 0.13 × ``radius`` high."""
    major = ticks // len(labels)
    cx, cy = center
    for tick in range(ticks):
        inner = 0.86 if tick % major == 0 else 0.92
        ends = rotate_points([(cx, cy - inner * radius), (cx, cy - 0.96 * radius)], center, tick * 360 / ticks)
        draw.line(ends, fill=color, width=4 if tick % major == 0 else 2)
    for number, label in enumerate(labels, start=1):
        (x, y), = rotate_points([(cx, cy - label_radius * radius)], center, number * 360 / len(labels))
        draw_text(draw, (x, y), label, int(radius * 0.13), fill=color, bold=True)


def centred(points: Sequence[Point]) -> list[Point]:
    """``points`` shifted so the polygon's area centroid — the centre a shape turns about — is the origin
    (coordinates rounded to 0.01 px, so they survive a JSON round trip unchanged)."""
    xs, ys = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    cross = xs * np.roll(ys, -1) - np.roll(xs, -1) * ys
    area = cross.sum() / 2
    cx = ((xs + np.roll(xs, -1)) * cross).sum() / (6 * area)
    cy = ((ys + np.roll(ys, -1)) * cross).sum() / (6 * area)
    return [(round(float(x - cx), 2), round(float(y - cy), 2)) for x, y in points]


def self_overlap(vertices: Sequence[Point], degrees: float = 10.0) -> float:
    """IoU of the polygon ``vertices`` with itself turned by ``degrees`` about the origin (rasterised at 4×):
    near 1 for a shape whose turn is hard to see (nearly round, or symmetric under that turn)."""
    scale = 4.0
    points = np.asarray(vertices, dtype=np.float64)
    reach = float(np.abs(points).max()) * scale + 4
    side = int(2 * reach) + 1
    masks = []
    for turned in (points, np.asarray(rotate_points([tuple(v) for v in vertices], (0.0, 0.0), degrees))):
        mask = np.zeros((side, side), dtype=np.uint8)
        cv2.fillPoly(mask, [np.round(turned * scale + reach).astype(np.int32)], 1)
        masks.append(mask.astype(bool))
    return float((masks[0] & masks[1]).sum() / (masks[0] | masks[1]).sum())


def turning_outline(kind: str, radius: float, rng: np.random.Generator, least: float = 0.5,
                    random_start: bool = False) -> list[Point]:
    """Vertices of a ``kind`` shape of nominal ``radius`` around its area centroid (:func:`centred`), all within
    1.25 × ``radius`` of it, the shapes the turning tasks draw:

    - ``"ellipse"``: 40 points, half-axes 1.15 and 0.6 × ``radius`` (a half turn looks the same);
    - ``"arrow"``: a block arrow pointing right, 2.2 × ``radius`` long (no symmetry);
    - ``"irregular"``: 4–6 vertices at evenly spaced angles jittered by a quarter of their spacing, each ``least``
      to 1.1 × ``radius`` from the centre (no symmetry; the caller rejects one that looks nearly symmetric);
    - any kind of :func:`~vbvr_core.draw.shape_points`, at its standard orientation or, with ``random_start``,
      at a random one (``shape_points``' ``rotation`` drawn uniform in [0, 90)).

    ``rng`` is drawn from only by the irregular polygon (count, angle jitters, radii, in that order) and by
    ``random_start`` (one uniform draw), so a caller's later draws do not depend on the kind otherwise.
    """
    r = radius
    if kind == "ellipse":
        points = [(r * 1.15 * math.cos(a), r * 0.6 * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 40, endpoint=False)]
    elif kind == "arrow":
        points = [(-1.1 * r, -0.3 * r), (0.3 * r, -0.3 * r), (0.3 * r, -0.75 * r), (1.1 * r, 0.0),
                  (0.3 * r, 0.75 * r), (0.3 * r, 0.3 * r), (-1.1 * r, 0.3 * r)]
    elif kind == "irregular":
        count = int(rng.integers(4, 7))
        angles = 2 * math.pi * (np.arange(count) + rng.uniform(-0.25, 0.25, count)) / count
        radii = rng.uniform(least, 1.1, count) * r
        points = [(float(rr * math.cos(a)), float(rr * math.sin(a))) for rr, a in zip(radii, angles, strict=True)]
    elif random_start:
        points = shape_points(kind, (0.0, 0.0), r, rotation=float(rng.uniform(0, 90)))
    else:
        points = shape_points(kind, (0.0, 0.0), r)
    return centred(points)


def steady_turn(frame_at: Callable[[float], np.ndarray], turn: float, frames: int
                ) -> Callable[[], Iterator[np.ndarray]]:
    """The video of a turn made at a steady speed, as a frame source (each call yields it afresh): ``frame_at(a)``
    (the scene turned by ``a`` degrees) for a = ``turn`` × k / ``frames``, k = 0 … ``frames``."""
    return lambda: (frame_at(turn * k / frames) for k in range(frames + 1))


def turn_near_misses(frame_at: Callable[[float], np.ndarray], turn: float, frames: int
                     ) -> dict[str, Callable[[], Iterator[np.ndarray]]]:
    """The near misses of a stated turn, drawn exactly like the answer (:func:`steady_turn`): ``wrong_direction``
    (the same angle the other way round) and ``short_turn`` (stopped at 60 % of the angle)."""
    return {"wrong_direction": steady_turn(frame_at, -turn, frames), "short_turn": steady_turn(frame_at, 0.6 * turn, frames)}
