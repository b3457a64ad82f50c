"""Drawing marks on a construction, stroke by stroke: a dot that grows, a segment drawn over from one end, and
marks on several points one after another.

(A ring drawn around a point is the marking family's ``ring_sweep``.) Each sweep yields ``frames`` frames on a
copy of ``base`` (which itself is not yielded: the caller starts with it); the last shows the whole mark.
:func:`in_turn` strings sweeps together after the first frame, each drawn on the last frame of the one before:
:func:`rings_in_turn` and :func:`dots_in_turn` mark a list of points so, and :func:`rings_image` is the last
frame of :func:`rings_in_turn` drawn at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract.geometry import Point
from vbvr_core.draw import ease_in_out, new_canvas, to_frame
from vbvr_core.families.marking.draw import MARK_RED, ring_image, ring_sweep

Sweep = Callable[[np.ndarray], Iterable[np.ndarray]]  # the frames of one mark drawn on a base frame


def dot_sweep(base: np.ndarray, center: Point, radius: float, frames: int, color=MARK_RED) -> Iterator[np.ndarray]:
    """A filled dot growing on ``center`` from a third of ``radius`` to ``radius``."""
    if frames < 1:
        raise ValueError(f"frames must be ≥ 1, got {frames}")
    x, y = center
    for step in range(1, frames + 1):
        r = radius * (1 + 2 * ease_in_out(step / frames)) / 3
        image = Image.fromarray(base.copy())
        ImageDraw.Draw(image).ellipse([x - r, y - r, x + r, y + r], fill=color)
        yield to_frame(image)


def segment_sweep(base: np.ndarray, start: Point, end: Point, frames: int, color=MARK_RED,
                  width: int = 5) -> Iterator[np.ndarray]:
    """The segment from ``start`` to ``end`` drawn over, from ``start`` on."""
    if frames < 1:
        raise ValueError(f"frames must be ≥ 1, got {frames}")
    for step in range(1, frames + 1):
        t = ease_in_out(step / frames)
        tip = (start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1]))
        image = Image.fromarray(base.copy())
        ImageDraw.Draw(image).line([tuple(start), tip], fill=color, width=width)
        yield to_frame(image)


def in_turn(first: np.ndarray, sweeps: Iterable[Sweep]) -> Iterator[np.ndarray]:
    """``first``, then the frames of each sweep in turn, each sweep drawn on the last frame before it (a sweep
    that yields no frame draws nothing): the marks on several points, one after another."""
    yield first
    base = first
    for sweep in sweeps:
        for frame in sweep(base):
            yield frame
            base = frame


def _each(radii: float | Sequence[float], count: int) -> list[float]:
    """One radius per point: ``radii`` itself (one per point) or the one radius repeated."""
    return [radii] * count if isinstance(radii, int | float) else list(radii)


def rings_in_turn(first: np.ndarray, centers: Sequence[Point], radii: float | Sequence[float], frames: int,
                  width: int = 5, color=MARK_RED) -> Iterator[np.ndarray]:
    """``first``, then a ring (``ring_sweep``, ``frames`` frames) drawn around each of ``centers`` in turn;
    ``radii`` is one radius for every ring or one per centre."""
    return in_turn(first, [partial(ring_sweep, center=center, radius=radius, frames=frames, color=color, width=width)
                           for center, radius in zip(centers, _each(radii, len(centers)), strict=True)])


def dots_in_turn(first: np.ndarray, centers: Sequence[Point], radii: float | Sequence[float], frames: int,
                 color=MARK_RED) -> Iterator[np.ndarray]:
    """``first``, then a dot (:func:`dot_sweep`, ``frames`` frames) grown on each of ``centers`` in turn; ``radii``
    is one radius for every dot or one per centre."""
    return in_turn(first, [partial(dot_sweep, center=center, radius=radius, frames=frames, color=color)
                           for center, radius in zip(centers, _each(radii, len(centers)), strict=True)])


def rings_image(first: np.ndarray, centers: Sequence[Point], radii: float | Sequence[float], width: int = 5,
                color=MARK_RED) -> np.ndarray:
    """``first`` with a whole ring around each of ``centers`` (the last frame of :func:`rings_in_turn`; ``first``
    itself when there is no centre)."""
    image = first
    for center, radius in zip(centers, _each(radii, len(centers)), strict=True):
        image = ring_image(image, center, radius, color, width)
    return image


def segments_image(background, segments: Sequence[tuple[Point, Point]], fills: Sequence, width: int) -> np.ndarray:
    """A canvas of ``background`` (RGB) with each of ``segments`` (two end points) drawn in turn in its colour of
    ``fills`` (RGB), ``width`` px wide: a construction of line segments, as a frame."""
    canvas = new_canvas(background)
    draw = ImageDraw.Draw(canvas)
    for segment, fill in zip(segments, fills, strict=True):
        draw.line(list(segment), fill=fill, width=width)
    return to_frame(canvas)


def pick_colours(rng: np.random.Generator, names: Sequence[str], count: int, mixed: bool) -> list[str]:
    """``count`` colour names for the lines of a construction, from ``names``: each drawn on its own (repeats
    allowed) when ``mixed``, else one drawn for all."""
    if mixed:
        return [names[int(k)] for k in rng.choice(len(names), size=count)]
    return [names[int(rng.integers(0, len(names)))]] * count
