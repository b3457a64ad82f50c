"""Drawing discs that mix where they overlap.

A frame is a base picture with discs painted over it; every pixel covered by several discs takes the mixture
(a rule of :mod:`.mixing`) of their colours, so two balls gliding together show the mixture in their
overlap and, once they coincide, as one ball. Masks are rasterised with OpenCV (fast enough for a frame per
video frame); outlines, when asked for, are drawn on top of every disc.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from vbvr_core.contract.geometry import Point

SHIFT = 4  # sub-pixel bits of the OpenCV circles
Mixer = Callable[..., tuple[int, int, int]]


@dataclass(frozen=True)
class Disc:
    """A filled disc: centre (x, y) in 512² canvas pixels, radius, RGB colour."""

    center: Point
    radius: float
    color: tuple[int, int, int]


def _circle(image: np.ndarray, center: Point, radius: float, value, thickness: int) -> None:
    import cv2

    scale = 1 << SHIFT
    cv2.circle(image, (int(round(center[0] * scale)), int(round(center[1] * scale))), int(round(radius * scale)),
               value, thickness, cv2.LINE_AA if thickness > 0 else cv2.LINE_8, SHIFT)


def paint_discs(base: np.ndarray, discs: Sequence[Disc], mix: Mixer, outline: tuple[int, int, int] | None = None,
                outline_width: int = 2) -> np.ndarray:
    """``base`` (H×W×3 uint8) with ``discs`` painted on it; overlaps in ``mix`` of the covering discs' colours.

    At most 7 discs (a pixel's cover is a bit set). ``outline`` draws each disc's rim in that colour on top.
    """
    if len(discs) > 7:
        raise ValueError("paint_discs mixes at most 7 discs")
    frame = base.copy()
    height, width = base.shape[:2]
    x0 = max(0, int(min(d.center[0] - d.radius for d in discs)) - 2) if discs else 0
    y0 = max(0, int(min(d.center[1] - d.radius for d in discs)) - 2) if discs else 0
    x1 = min(width, int(max(d.center[0] + d.radius for d in discs)) + 3) if discs else 0
    y1 = min(height, int(max(d.center[1] + d.radius for d in discs)) + 3) if discs else 0
    if x1 <= x0 or y1 <= y0:
        return frame
    cover = np.zeros((y1 - y0, x1 - x0), np.uint8)
    for bit, disc in enumerate(discs):
        mask = np.zeros_like(cover)
        _circle(mask, (disc.center[0] - x0, disc.center[1] - y0), disc.radius, 1 << bit, -1)
        cover |= mask
    table = np.zeros((256, 3), np.uint8)
    for size in range(1, len(discs) + 1):
        for members in combinations(range(len(discs)), size):
            table[sum(1 << k for k in members)] = mix(*(discs[k].color for k in members))
    import cv2

    painted = cv2.LUT(cv2.merge([cover, cover, cover]), table.reshape(1, 256, 3))
    cv2.copyTo(painted, cover, frame[y0:y1, x0:x1])  # writes into the frame's window in place
    if outline is not None:
        for disc in discs:
            _circle(frame, disc.center, disc.radius, outline, outline_width)
    return frame


def overlaps_mixed(mix: Mixer) -> Mixer:
    """``mix`` for :func:`paint_discs` where discs overlap; a pixel under one disc keeps that disc's colour (a rule
    such as "the first colour wins" or a plain blend is then asked only about real mixtures)."""

    def mixer(*colours: tuple[int, int, int]) -> tuple[int, int, int]:
        return colours[0] if len(colours) == 1 else mix(*colours)

    return mixer


def glide(start: Point, end: Point, share: float) -> Point:
    """The point ``share`` (0–1) of the way from ``start`` to ``end``."""
    return (start[0] + (end[0] - start[0]) * share, start[1] + (end[1] - start[1]) * share)
