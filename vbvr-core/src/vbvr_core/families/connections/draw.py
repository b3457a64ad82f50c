"""Drawing connections: strokes (polylines) grown one after another beneath a layer of points.

A scene is a ``background`` (H×W×3 uint8, what lies under the strokes) and an ``overlay`` (H×W×4 RGBA, the
points drawn on top, so a line seems to run from one dot's rim to the next). :func:`stroke_frames` yields the
frames of the strokes growing from their first point, one after another (or all together, for a near miss);
:func:`compose` draws any stage of them. A curved stroke is a sampled quadratic Bézier (:func:`bezier`).
:class:`StrokeScene` is a task's points on a white canvas with its first picture, final picture and video.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract import FRAME_SIZE
from vbvr_core.contract.geometry import Point
from vbvr_core.draw import ease_in_out


@dataclass(frozen=True)
class Stroke:
    """A polyline drawn in ``color`` ``width`` px wide, growing from its first point to its last."""

    points: tuple[Point, ...]
    color: tuple[int, int, int]
    width: int


def path_length(points: Sequence[Point]) -> float:
    """Length of the open polyline ``points``."""
    return float(sum(math.dist(a, b) for a, b in zip(points, points[1:], strict=False)))


def polyline_prefix(points: Sequence[Point], fraction: float) -> list[Point]:
    """The first ``fraction`` (0–1) of the open polyline's length, as a polyline."""
    goal = max(0.0, min(1.0, fraction)) * path_length(points)
    path = [tuple(points[0])]
    for a, b in zip(points, points[1:], strict=False):
        length = math.dist(a, b)
        if goal <= length:
            t = goal / length if length else 0.0
            path.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
            return path
        path.append(tuple(b))
        goal -= length
    return path


def bezier(start: Point, control: Point, end: Point, samples: int = 40) -> tuple[Point, ...]:
    """A quadratic Bézier curve from ``start`` to ``end`` pulled towards ``control``, as ``samples + 1`` points."""
    out = []
    for k in range(samples + 1):
        t = k / samples
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        out.append((round(a * start[0] + b * control[0] + c * end[0], 2),
                    round(a * start[1] + b * control[1] + c * end[1], 2)))
    return tuple(out)


class _Layer:
    """An RGBA overlay ready to blend: its non-transparent pixels' places, alphas and colours (found once)."""

    def __init__(self, overlay: np.ndarray) -> None:
        self.where = np.nonzero(overlay[..., 3])
        self.alpha = overlay[..., 3][self.where].astype(np.uint16)[:, None]
        self.premultiplied = overlay[..., :3][self.where] * self.alpha + 127
        self.rest = 255 - self.alpha

    def over(self, frame: np.ndarray, copy: bool = True) -> np.ndarray:
        """``frame`` with the layer alpha-blended over it (a new array unless ``copy`` is false)."""
        out = np.array(frame, dtype=np.uint8, copy=True) if copy else frame
        out[self.where] = ((self.premultiplied + out[self.where] * self.rest) // 255).astype(np.uint8)
        return out


def _overlaid(frame: np.ndarray, overlay: np.ndarray | None) -> np.ndarray:
    """``frame`` with ``overlay`` alpha-blended over it, computed where the overlay is not transparent only."""
    if overlay is None:
        return frame
    return _Layer(overlay).over(frame)


def _draw(image: Image.Image, stroke: Stroke, fraction: float) -> None:
    if fraction <= 0:
        return
    path = stroke.points if fraction >= 1 else polyline_prefix(stroke.points, fraction)
    if len(path) >= 2:
        ImageDraw.Draw(image).line([tuple(p) for p in path], fill=tuple(stroke.color), width=stroke.width,
                                   joint="curve")


def compose(background: np.ndarray, overlay: np.ndarray | None, strokes: Sequence[Stroke],
            fractions: Sequence[float]) -> np.ndarray:
    """``background`` with each stroke drawn up to its fraction (in list order), ``overlay`` on top (a new frame)."""
    image = Image.fromarray(np.ascontiguousarray(background, dtype=np.uint8))
    for stroke, fraction in zip(strokes, fractions, strict=True):
        _draw(image, stroke, fraction)
    return _overlaid(np.asarray(image, dtype=np.uint8), overlay)


def stroke_frames(background: np.ndarray, overlay: np.ndarray | None, strokes: Sequence[Stroke],
                  frames_per_stroke: int, together: bool = False) -> Iterator[np.ndarray]:
    """The strokes growing, each over ``frames_per_stroke`` frames (eased), one after another in list order — or
    all at once when ``together``. The scene before any stroke is not yielded (the caller starts with it); the last
    frame shows every stroke whole."""
    if frames_per_stroke < 1:
        raise ValueError(f"frames_per_stroke must be ≥ 1, got {frames_per_stroke}")
    done = Image.fromarray(np.ascontiguousarray(background, dtype=np.uint8))
    if together:
        for step in range(1, frames_per_stroke + 1):
            yield compose(background, overlay, strokes, [ease_in_out(step / frames_per_stroke)] * len(strokes))
        return
    layer = None if overlay is None else _Layer(overlay)
    for stroke in strokes:
        for step in range(1, frames_per_stroke + 1):
            image = done.copy()
            _draw(image, stroke, ease_in_out(step / frames_per_stroke))
            frame = np.array(image, dtype=np.uint8)
            yield frame if layer is None else layer.over(frame, copy=False)
        _draw(done, stroke, 1.0)


class StrokeScene:
    """A task's points (``overlay``, an RGBA layer drawn over the strokes) on a white canvas, and strokes grown on it
    ``frames_per_stroke`` frames each: the picture with no stroke (:attr:`first`), with strokes whole
    (:meth:`final`), and the video of strokes drawn one after another (:meth:`video`)."""

    def __init__(self, overlay: np.ndarray, frames_per_stroke: int) -> None:
        self.background = np.full((FRAME_SIZE, FRAME_SIZE, 3), 255, np.uint8)
        self.overlay, self.frames_per_stroke = overlay, frames_per_stroke

    @cached_property
    def first(self) -> np.ndarray:
        """The points alone, before any stroke."""
        return compose(self.background, self.overlay, [], [])

    def final(self, strokes: Sequence[Stroke]) -> np.ndarray:
        """The points with every stroke of ``strokes`` drawn whole."""
        return compose(self.background, self.overlay, strokes, [1.0] * len(strokes))

    def video(self, strokes: Sequence[Stroke], together: bool = False) -> Iterator[np.ndarray]:
        """The first picture, then ``strokes`` growing one after another (all at once when ``together``)."""
        return chain([self.first], stroke_frames(self.background, self.overlay, strokes, self.frames_per_stroke,
                                                 together))
