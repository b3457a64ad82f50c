"""The render every "outline the answer" task shares: the scene, then a line traced along the answer figure's
boundary, stroke by stroke, and the sample built from them.

A task's generator subclasses :class:`TraceOutlineGenerator` and sets ``trace_color``; its ``Params`` carry
``line_width`` (the line's stroke, px) and ``mark_frames`` (the frames the outline is traced over). Figures are
closed polygons (:func:`shape_boundary` gives a named shape kind's).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

import numpy as np

from vbvr_core.contract import Point, Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import shape_points
from vbvr_core.families.outline.draw import OUTLINE_BLUE, circle_polygon, offset_polygon, outline_image, trace_sweep
from vbvr_core.pipeline.generator import BaseGenerator


def shape_boundary(kind: str, center: Point, radius: float, rotation: float) -> list[Point]:
    """The boundary of a shape drawn with :func:`vbvr_core.draw.draw_shape`'s ``kind`` (a circle as the 96-gon of
    :func:`~vbvr_core.families.outline.draw.circle_polygon`) as a closed polygon, vertices rounded to 0.01 px."""
    points = circle_polygon(center, radius) if kind == "circle" else shape_points(kind, center, radius, rotation)
    return [(round(x, 2), round(y, 2)) for x, y in points]


class TraceOutlineGenerator(BaseGenerator):
    """A generator whose answer is a ``trace_color`` line traced along a figure's boundary."""

    trace_color: tuple[int, int, int] = OUTLINE_BLUE

    def trace_frames(self, first: np.ndarray, polygon: Sequence[Point], width: int | None = None,
                     frames: int | None = None) -> Iterator[np.ndarray]:
        """The first frame, then ``polygon``'s outline traced stroke by stroke (``params.line_width`` px over
        ``params.mark_frames`` frames unless ``width`` or ``frames`` say otherwise)."""
        p = self.params
        return chain([first], trace_sweep(first, polygon, frames or p.mark_frames, self.trace_color, width or p.line_width))

    def traced_sample(self, first: np.ndarray, prompt: str, polygon: Sequence[Point], solution: Any) -> Sample:
        """The sample that opens on ``first`` and traces ``polygon``: its final frame holds the closed outline, its
        trajectory :meth:`trace_frames`."""
        final = outline_image(first, polygon, self.trace_color, self.params.line_width)
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self.trace_frames(first, polygon), solution=solution, params=self.params)

    def thin_and_outside(self, first: np.ndarray, polygon: Sequence[Point], outside: float) -> dict[str, FrameSource]:
        """Two other correct outlines of ``polygon``: a thin one (3 px), and one 4 px wide traced ``outside`` px
        outside the figure (:func:`~vbvr_core.families.outline.draw.offset_polygon`)."""
        return {"thin_outline": lambda: self.trace_frames(first, polygon, width=3),
                "outline_just_outside": lambda: self.trace_frames(first, offset_polygon(polygon, outside), width=4)}

    def traced_misses(self, first: np.ndarray, polygons: dict[str, Sequence[Point]]) -> dict[str, FrameSource]:
        """Wrong figures outlined exactly like the right one: each of ``polygons``, by near-miss name."""
        return {name: (lambda polygon=polygon: self.trace_frames(first, polygon)) for name, polygon in polygons.items()}
