"""Cartoon animal faces, one fur colour per kind, drawn from ellipses and polygons (after the official O-64/O-65
faces: cat with pointed ears and whiskers, dog with floppy ears and tongue, rabbit with long ears and teeth, bear
with round ears and muzzle, fox with dark inner ears and white muzzle, frog with eyes on top).

Every face is followed by its fur colour, so the colours are cartoon ones, not natural: a face's outline blurred
into its fur (or into a white board) must never pass for another face's fur. :class:`Face` measures a drawn face —
its fur centroid (what a colour tracker sees), extent, area and the footprint a move planner keeps apart.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract import Point
from vbvr_core.draw import Sprite, color_distance

INK = (45, 45, 45)
# Fur colours, one per kind; details are dark, white, cream or a nose pink far from every fur. Cartoon colours,
# not natural ones: a face's outline blurred into its fur (or into the white board) must never
# pass for another face's fur — a brown dog's rim looks like a dark bear — so every blend of one fur with the ink
# or the white stays ≥ 46 from every other fur, and every two furs are ≥ 83 apart (RGB).
FUR = {"cat": (250, 165, 40), "dog": (120, 175, 235), "rabbit": (250, 160, 215), "bear": (150, 105, 200),
       "fox": (232, 78, 48), "frog": (110, 200, 120)}
KINDS = tuple(FUR)
NOSE = (235, 120, 135)
WHITE = (255, 255, 255)
CREAM = (225, 205, 175)


def _ellipse(draw: ImageDraw.ImageDraw, c: float, box: tuple[float, float, float, float], s: float, fill,
             outline=INK, width: int = 2) -> None:
    x0, y0, x1, y1 = box
    draw.ellipse([c + x0 * s, c + y0 * s, c + x1 * s, c + y1 * s], fill=fill, outline=outline, width=width)


def _polygon(draw: ImageDraw.ImageDraw, c: float, points, s: float, fill, outline=INK, width: int = 2) -> None:
    draw.polygon([(c + x * s, c + y * s) for x, y in points], fill=fill, outline=outline, width=width)


def face_image(kind: str, size: float) -> Image.Image:
    """The ``kind`` animal's face of nominal ``size`` (its head's half-width) on a transparent square, the
    head centred; every kind keeps within 1.1 sizes across and from 1.35 above to 0.85 below the centre."""
    side = 2 * int(1.4 * size + 4)
    c = side / 2
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    fur = (*FUR[kind], 255)
    ink, line = (*INK, 255), max(1, round(size / 14))
    if kind in ("cat", "fox"):
        tip = -1.3 if kind == "cat" else -1.35
        for sign in (-1, 1):
            _polygon(draw, c, [(sign * 0.95, -0.3), (sign * 0.62, tip), (sign * 0.15, -0.72)], size, fur, ink)
            if kind == "fox":
                _polygon(draw, c, [(sign * 0.8, -0.42), (sign * 0.6, tip + 0.3), (sign * 0.32, -0.7)], size, ink, None, 0)
    elif kind == "rabbit":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.35 - 0.2, -1.35, sign * 0.35 + 0.2, -0.45), size, fur, ink)
            _ellipse(draw, c, (sign * 0.35 - 0.09, -1.2, sign * 0.35 + 0.09, -0.6), size, (*WHITE, 255), None, 0)
    elif kind == "bear":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.7 - 0.3, -1.02, sign * 0.7 + 0.3, -0.42), size, fur, ink)
    elif kind == "frog":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.5 - 0.34, -1.15, sign * 0.5 + 0.34, -0.47), size, fur, ink)
    _ellipse(draw, c, (-1.0, -0.85, 1.0, 0.85), size, fur, ink)
    if kind == "dog":
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.85 - 0.25, -0.75, sign * 0.85 + 0.25, 0.35), size, fur, ink)
    if kind == "fox":
        _ellipse(draw, c, (-0.55, 0.05, 0.55, 0.8), size, (*WHITE, 255), None, 0)
    if kind == "bear":
        _ellipse(draw, c, (-0.42, 0.08, 0.42, 0.65), size, (*CREAM, 255), None, 0)
    if kind == "frog":  # eyes on top, a wide smile, no nose
        for sign in (-1, 1):
            _ellipse(draw, c, (sign * 0.5 - 0.2, -0.98, sign * 0.5 + 0.2, -0.6), size, (*WHITE, 255), None, 0)
            _ellipse(draw, c, (sign * 0.5 - 0.09, -0.88, sign * 0.5 + 0.09, -0.7), size, ink, None, 0)
        draw.arc([c - 0.55 * size, c - 0.2 * size, c + 0.55 * size, c + 0.45 * size], 20, 160, fill=ink, width=line + 1)
        return image
    for sign in (-1, 1):
        _ellipse(draw, c, (sign * 0.4 - 0.12, -0.32, sign * 0.4 + 0.12, -0.06), size, ink, None, 0)
    nose = (*NOSE, 255) if kind in ("cat", "rabbit") else ink
    _ellipse(draw, c, (-0.14, 0.12, 0.14, 0.32), size, nose, None, 0)
    if kind == "rabbit":
        draw.rectangle([c - 0.1 * size, c + 0.36 * size, c + 0.1 * size, c + 0.6 * size], fill=(*WHITE, 255),
                       outline=ink, width=1)
    if kind == "dog":
        _ellipse(draw, c, (-0.12, 0.36, 0.12, 0.62), size, nose, None, 0)
    if kind == "cat":
        for sign in (-1, 1):
            for dy in (0.2, 0.38):
                draw.line([(c + sign * 0.22 * size, c + 0.3 * size), (c + sign * 0.85 * size, c + dy * size)],
                          fill=ink, width=line)
    return image


class Face:
    """One animal face as drawn: its sprite, fur colour centroid offset from the sprite centre, extent and area."""

    def __init__(self, kind: str, size: float):
        image = face_image(kind, size)
        rgba = np.asarray(image)
        alpha = rgba[..., 3] > 0
        fur = alpha & (np.abs(rgba[..., :3].astype(int) - FUR[kind]).sum(axis=2) == 0)
        ys, xs = np.nonzero(alpha)
        fy, fx = np.nonzero(fur)
        half = rgba.shape[0] / 2
        self.kind, self.size = kind, size
        self.sprite = Sprite.from_image(image)
        self.fur_offset = (float(fx.mean() + 0.5 - half), float(fy.mean() + 0.5 - half))
        self.width, self.height = float(xs.max() - xs.min() + 1), float(ys.max() - ys.min() + 1)
        self.left, self.right = float(xs.min() - half), float(xs.max() + 1 - half)
        self.bottom = float(ys.max() + 1 - half)  # chin below the sprite centre
        self.area = float(alpha.sum())
        self.reach = float(np.hypot(xs + 0.5 - half, ys + 0.5 - half).max())
        # The footprint the move planner keeps apart: the head's disc widened to the widest ears (the ears' tips
        # above it are kept clear by PATH_GAP).
        self.footprint = round(max(-self.left, self.right) + 1, 1)

    def fur_point(self, centre: Point) -> Point:
        """Where the fur centroid is when the sprite is centred on ``centre`` (to 0.01 px, as a solution records it)."""
        return (round(centre[0] + self.fur_offset[0], 2), round(centre[1] + self.fur_offset[1], 2))

    def centre_for(self, fur: Point) -> Point:
        """The sprite centre that puts the fur centroid on ``fur``."""
        return (fur[0] - self.fur_offset[0], fur[1] - self.fur_offset[1])


def silhouette(face: Face, color, width: int = 3) -> Image.Image:
    """The outline of ``face``'s drawn shape (ears included) as a ``width``-px line of ``color`` on a transparent
    square the size of the face's sprite, the face's centre at its centre."""
    alpha = face.sprite.rgba[..., 3] > 0
    grown = np.zeros_like(alpha)
    for dy in range(-width + 1, width):
        for dx in range(-width + 1, width):
            if dx * dx + dy * dy < width * width:
                grown |= np.roll(np.roll(alpha, dy, axis=0), dx, axis=1)
    ring = grown & ~alpha
    inner = alpha & ~np.roll(alpha, 1, axis=0) | alpha & ~np.roll(alpha, -1, axis=0)
    inner |= alpha & ~np.roll(alpha, 1, axis=1) | alpha & ~np.roll(alpha, -1, axis=1)
    line = ring | inner
    rgba = np.zeros((*alpha.shape, 4), np.uint8)
    rgba[line] = (*color, 255)
    return Image.fromarray(rgba, "RGBA")


def fur_colours_distinct(min_distance: float = 83.0) -> bool:
    """True when every two fur colours are at least ``min_distance`` apart (RGB)."""
    return all(color_distance(FUR[a], FUR[b]) >= min_distance for a, b in combinations(KINDS, 2))
