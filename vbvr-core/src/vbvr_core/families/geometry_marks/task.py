"""The render every "ring the points" task of this family shares: the scene, then a ring drawn around each answer
point in turn, stroke by stroke, and the sample built from them.

A task's generator subclasses :class:`PointMarkGenerator`; its ``Params`` carry ``mark_frames`` (the frames one
mark is drawn over) and, unless the task passes every radius itself, ``mark_radius`` (the ring's radius, px).
A task names its near misses as wrong points to ring like the answer (:meth:`PointMarkGenerator.wrong_points`),
unless it writes ``near_misses`` itself.
The ring's stroke, colour and the frames the pipeline holds at both ends are class attributes, named as on the
marking family's ``RingMarkGenerator`` (the base of a task that rings one shape of its scene, by index; this one
rings a list of points, with one radius for all or one each, one after another).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Point, Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.families.geometry_marks.draw import dots_in_turn, rings_image, rings_in_turn
from vbvr_core.families.marking.draw import MARK_RED
from vbvr_core.pipeline.generator import BaseGenerator


def inside_canvas(points: Iterable[Point], margin: float) -> bool:
    """Whether every one of ``points`` lies ``margin`` px or more inside the canvas on both axes: where a
    construction's points (and the marks around them) may stand."""
    return all(margin <= v <= FRAME_SIZE - margin for point in points for v in point)


class PointMarkGenerator(BaseGenerator):
    """A generator whose answer is a ring drawn around each of some points of its scene, one after another."""

    ring_width: ClassVar[int] = 4  # the ring's stroke, px
    mark_color: ClassVar[tuple[int, int, int]] = MARK_RED
    hold_frames: ClassVar[int | None] = None  # frames the pipeline holds each end (None: the pipeline's default)

    def rings(self, first: np.ndarray, points: Sequence[Point], radius: float | Sequence[float] | None = None,
              color: tuple[int, int, int] | None = None) -> Iterator[np.ndarray]:
        """The first frame, then a ring drawn around each of ``points`` in turn, stroke by stroke (``radius``: one
        for all or one per point, by default ``params.mark_radius``; ``color`` by default :attr:`mark_color`): the
        answer's trajectory, and a near miss ringing other points exactly like it."""
        p = self.params
        return rings_in_turn(first, points, p.mark_radius if radius is None else radius, p.mark_frames,
                             self.ring_width, self.mark_color if color is None else color)

    def dots(self, first: np.ndarray, points: Sequence[Point], radius: float | Sequence[float]) -> Iterator[np.ndarray]:
        """The first frame, then a red dot of ``radius`` (one for all or one per point) grown on each of ``points``
        in turn: another correct answer's style."""
        return dots_in_turn(first, points, radius, self.params.mark_frames)

    def marked_sample(self, first: np.ndarray, prompt: str, solution: Any, points: Sequence[Point],
                      radius: float | Sequence[float] | None = None) -> Sample:
        """The sample that opens on ``first`` and rings each of ``points`` in turn (:meth:`rings`); its final frame
        holds every ring."""
        p = self.params
        final = rings_image(first, points, p.mark_radius if radius is None else radius, self.ring_width,
                            self.mark_color)
        held = {} if self.hold_frames is None else {"hold_frames": self.hold_frames}
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self.rings(first, points, radius), solution=solution, params=p, **held)

    def wrong_points(self, solution: Any) -> dict[str, list[Point]]:
        """Wrong points to ring, in turn, exactly like the answer (``params.mark_radius``), by near-miss name (none
        by default)."""
        return {}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers ringed exactly like the right one: each list of points :meth:`wrong_points` names."""
        solution = self.Solution.model_validate(sample.solution)
        return {name: (lambda points=points: self.rings(sample.first_frame, points))
                for name, points in self.wrong_points(solution).items()}
