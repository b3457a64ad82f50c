"""Drawing a sequence-choice scene: the sequence row with a "?" slot on top, the candidate row below.

The canvas (512²) holds, left to right at :data:`SEQUENCE_Y`, the shown figures and a "?" where the next one
belongs, and at :data:`CHOICE_Y` the candidates, each in its own equal slot, so that a ring around one
candidate touches neither its neighbours nor the sequence. All figures share one colour; only kind and size
tell them apart. The answer is marked with the marking family's ring, swept stroke by stroke.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, repeat

import numpy as np
from PIL import ImageDraw

from vbvr_core.contract import FRAME_SIZE
from vbvr_core.contract.geometry import Point
from vbvr_core.draw import draw_shape, draw_text, new_canvas, to_frame
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.families.marking.task import shape_reach

SEQUENCE_Y = 150.0
CHOICE_Y = 372.0
MARGIN = 16.0
GAP = 8.0  # least space (px) between a figure (or a ring) and the edge of its slot
RING_PADDING = 7.0
QUESTION_COLOR = (90, 90, 90)


def row_centers(count: int, y: float) -> list[Point]:
    """Centres of ``count`` equal slots spanning the canvas between the margins, at height ``y``."""
    slot = (FRAME_SIZE - 2 * MARGIN) / count
    return [(round(MARGIN + slot * (k + 0.5), 2), y) for k in range(count)]


def slot_width(count: int) -> float:
    """Width (px) of each of ``count`` equal slots across the canvas."""
    return (FRAME_SIZE - 2 * MARGIN) / count


@dataclass(frozen=True)
class Figure:
    """One drawn figure: its kind, centre and nominal radius."""

    kind: str
    center: Point
    radius: float


def ring_radius(figure: Figure) -> float:
    """Radius of the ring drawn around ``figure``: its reach plus :data:`RING_PADDING`."""
    return round(shape_reach(figure.kind, figure.radius) + RING_PADDING, 1)


def render_scene(sequence: Sequence[Figure], candidates: Sequence[Figure], color, background,
                 question_center: Point, question_size: int) -> np.ndarray:
    """The first frame: ``sequence`` and ``candidates`` filled in ``color`` on ``background``, with a "?"
    at ``question_center`` (the slot of the missing figure)."""
    canvas = new_canvas(background)
    draw = ImageDraw.Draw(canvas)
    for figure in chain(sequence, candidates):
        draw_shape(draw, figure.kind, figure.center, figure.radius, fill=color)
    draw_text(draw, question_center, "?", question_size, fill=QUESTION_COLOR, bold=True)
    return to_frame(canvas)


def mark_video(first: np.ndarray, figure: Figure, sweep_frames: int, ring_width: int,
               hold_frames: int, radius: float | None = None, color=None) -> Iterator[np.ndarray]:
    """The solution video: ``first`` held ``hold_frames`` frames, a ring swept around ``figure`` over
    ``sweep_frames`` frames, then the ringed frame held ``hold_frames`` frames. ``radius`` and ``color``
    default to :func:`ring_radius` and the marking family's red."""
    ring = radius if radius is not None else ring_radius(figure)
    extra = {} if color is None else {"color": color}
    last = first
    for frame in chain(repeat(first, hold_frames),
                       ring_sweep(first, figure.center, ring, sweep_frames, width=ring_width, **extra)):
        last = frame
        yield frame
    yield from repeat(last, hold_frames)
