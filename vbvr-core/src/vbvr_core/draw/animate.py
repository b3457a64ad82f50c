"""Animation: easing, point interpolation, and a stage that pastes sprites onto a static background.

Drawing the background once and pasting sprites per frame is several times cheaper than redrawing
a whole scene for each of the ~100 frames of a video.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import cv2
import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract.geometry import Point
from vbvr_core.draw.shapes import SHAPE_REACH, draw_shape


def ease_in_out(t: float) -> float:
    """Smoothstep easing of ``t`` in [0, 1]."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def tween(start: Point, end: Point, steps: int, eased: bool = True) -> list[Point]:
    """``steps`` points from just after ``start`` to exactly ``end``."""
    points = []
    for k in range(1, steps + 1):
        t = ease_in_out(k / steps) if eased else k / steps
        points.append((start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t))
    return points


def interpolate_points(waypoints: Sequence[Point], frames_per_segment: int, eased: bool = True) -> list[Point]:
    """Positions along a polyline: the first waypoint, then ``frames_per_segment`` per segment."""
    points = [tuple(waypoints[0])]
    for start, end in zip(waypoints, waypoints[1:], strict=False):
        points.extend(tween(start, end, frames_per_segment, eased))
    return points


@dataclass(frozen=True)
class Sprite:
    """An RGBA image to paste, centred on a point."""

    rgba: np.ndarray  # HxWx4 uint8

    @classmethod
    def from_image(cls, image: Image.Image) -> Sprite:
        """Wrap a Pillow RGBA image."""
        return cls(np.asarray(image.convert("RGBA"), dtype=np.uint8))

    @classmethod
    def of_shape(cls, kind: str, radius: float, fill, outline=(0, 0, 0), outline_width: int = 2,
                 reach: float = SHAPE_REACH) -> Sprite:
        """A named shape kind (see ``SHAPE_KINDS``) of nominal ``radius``, filled and outlined, on a transparent
        square just large enough for anything reaching ``reach`` radii from the centre."""
        side = int(2 * reach * radius + 2 * outline_width + 4)
        image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        draw_shape(ImageDraw.Draw(image), kind, (side / 2, side / 2), radius, fill=tuple(fill) + (255,),
                   outline=tuple(outline) + (255,), width=outline_width)
        return cls.from_image(image)

    @cached_property
    def opaque(self) -> np.ndarray | None:
        """The sprite's alpha (a 0/255 uint8 mask of where it is opaque) when its alpha is only 0 or 255 (drawn
        without antialiasing); else None. Found once per sprite."""
        alpha = cv2.extractChannel(np.ascontiguousarray(self.rgba), 3)
        return None if cv2.countNonZero(cv2.inRange(alpha, 1, 254)) else alpha

    @cached_property
    def rgb(self) -> np.ndarray:
        """The sprite's colour channels, contiguous (HxWx3 uint8)."""
        return cv2.cvtColor(np.ascontiguousarray(self.rgba), cv2.COLOR_RGBA2RGB)


def paste(frame: np.ndarray, sprite: Sprite, center: Point) -> None:
    """Alpha-blend ``sprite`` into ``frame`` (in place) centred at ``center``, clipped at the edges.

    The blend is ``(rgb·a + frame·(255 − a) + 127) // 255`` per pixel. For a sprite whose alpha is only 0 or 255
    (:attr:`Sprite.opaque`) that is exactly a copy of its opaque pixels, which OpenCV's masked copy does instead (tens
    of times cheaper than the blend or a numpy masked copy); the bytes are the same either way.
    """
    height, width = frame.shape[:2]
    sh, sw = sprite.rgba.shape[:2]
    x0, y0 = int(round(center[0] - sw / 2)), int(round(center[1] - sh / 2))
    fx0, fy0, fx1, fy1 = max(0, x0), max(0, y0), min(width, x0 + sw), min(height, y0 + sh)
    if fx0 >= fx1 or fy0 >= fy1:
        return
    window = (slice(fy0 - y0, fy1 - y0), slice(fx0 - x0, fx1 - x0))
    region = frame[fy0:fy1, fx0:fx1]
    if sprite.opaque is not None:
        cv2.copyTo(sprite.rgb[window], sprite.opaque[window], region)
        return
    patch = sprite.rgba[window]
    alpha = patch[..., 3:4].astype(np.uint16)
    region[:] = ((patch[..., :3] * alpha + region * (255 - alpha) + 127) // 255).astype(np.uint8)


class Stage:
    """A static background onto which sprites are composited, one frame at a time."""

    def __init__(self, background: np.ndarray):
        self.background = np.ascontiguousarray(background, dtype=np.uint8)

    def frame(self, placements: Sequence[tuple[Sprite, Point]]) -> np.ndarray:
        """The background with each sprite alpha-blended centred at its point (clipped at the edges)."""
        frame = self.background.copy()
        for sprite, center in placements:
            paste(frame, sprite, center)
        return frame

    def frames(self, tracks: Sequence[tuple[Sprite, Sequence[Point]]]) -> Iterator[np.ndarray]:
        """One frame per position index; each track is (sprite, positions), shorter tracks hold their last point."""
        length = max(len(points) for _, points in tracks)
        for k in range(length):
            yield self.frame([(sprite, points[min(k, len(points) - 1)]) for sprite, points in tracks])


def levels_in_turn(levels: Sequence[float], order: Sequence[int], goals: Mapping[int, float],
                  draw: Callable[[list[float]], np.ndarray], pause: int,
                  frames: int | Callable[[int, float, float], int], together: bool = False) -> Iterator[np.ndarray]:
    """Frames of controls changed in turn: ``draw(levels)`` first, then for each index of ``order`` (or, with
    ``together``, for all of them as one group) ``pause`` repeats of the frame as it stands (the same array, not
    redrawn: the encoder converts a repeated frame once), then the group's levels moved linearly from where they
    stand to ``goals[i]`` over F frames, each drawn with ``draw``: level = start + (goal - start) * step / F for
    step 1..F. F is ``frames`` if an int, else the largest ``frames(i, start, goal)`` over the group. ``levels`` is
    copied, not changed; ``draw`` gets the current list (it must not keep it)."""
    levels = list(levels)
    frame = draw(levels)
    yield frame
    for group in [list(order)] if together else [[i] for i in order]:
        for _ in range(pause):
            yield frame
        starts = {i: levels[i] for i in group}
        count = frames if isinstance(frames, int) else max(frames(i, starts[i], goals[i]) for i in group)
        for step in range(1, count + 1):
            for i in group:
                levels[i] = starts[i] + (goals[i] - starts[i]) * step / count
            frame = draw(levels)
            yield frame
