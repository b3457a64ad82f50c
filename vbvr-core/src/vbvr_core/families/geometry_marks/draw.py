"""Drawing marks on a construction, stroke by stroke: a dot that grows, a segment drawn over from one end.

(A ring drawn around a point is the marking family's ``ring_sweep``.) Each sweep yields ``frames`` frames on a
copy of ``base`` (which itself is not yielded: the caller starts with it); the last shows the whole mark.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract.geometry import Point
from vbvr_core.draw import ease_in_out, to_frame
from vbvr_core.families.marking.draw import MARK_RED


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
