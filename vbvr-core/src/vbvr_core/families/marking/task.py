"""The render every "ring the answer" task shares: the scene, then a red ring drawn round one shape of it,
stroke by stroke, and the sample built from them.

A task's generator subclasses :class:`RingMarkGenerator`; its ``Params`` carry ``ring_width`` (the ring's
stroke, px) and ``mark_frames`` (the frames the ring is drawn over), its ``Solution`` the ``target``. Where
the ring round shape ``index`` goes is :meth:`RingMarkGenerator.ring` (by default ``solution.centers`` and
``solution.ring_radii``; a task with one ring radius for every shape overrides it).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np

from vbvr_core.contract import Point, Sample
from vbvr_core.draw import shape_points
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import BaseGenerator


def shape_outline(kind: str, center: Point, radius: float, rotation: float) -> list[Point]:
    """The outline of a shape drawn with :func:`vbvr_core.draw.draw_shape` (``kind``, nominal ``radius``, px), a
    circle as a 96-gon: for measuring a shape (its area, its left edge) and for tracing it in red."""
    if kind == "circle":
        return [(center[0] + radius * math.cos(2 * math.pi * k / 96), center[1] + radius * math.sin(2 * math.pi * k / 96))
                for k in range(96)]
    return shape_points(kind, center, radius, rotation)


class RingMarkGenerator(BaseGenerator):
    """A generator whose answer is a red ring around one of the scene's shapes, ``solution.target``."""

    def ring(self, solution: Any, index: int) -> tuple[Point, float]:
        """Centre and radius (px) of the ring around shape ``index``."""
        return solution.centers[index], solution.ring_radii[index]

    def ring_frames(self, first: np.ndarray, index: int, solution: Any) -> Iterator[np.ndarray]:
        """The first frame, then a red ring drawn around shape ``index`` stroke by stroke (a near miss rings
        another shape exactly like the answer)."""
        center, radius = self.ring(solution, index)
        return chain([first], ring_sweep(first, center, radius, self.params.mark_frames, width=self.params.ring_width))

    def ringed_sample(self, first: np.ndarray, prompt: str, solution: Any) -> Sample:
        """The sample that opens on ``first`` and rings ``solution.target``: its final frame holds the whole ring,
        its trajectory :meth:`ring_frames`."""
        center, radius = self.ring(solution, solution.target)
        final = ring_image(first, center, radius, width=self.params.ring_width)
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self.ring_frames(first, solution.target, solution), solution=solution,
                      params=self.params)
