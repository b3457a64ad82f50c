"""The flow of a task whose answer is one steady turn: solve, then the scene turned from 0 to the answer's turn.

A task's generator subclasses :class:`SteadyTurnGenerator` and gives its rules as hooks: :meth:`~SteadyTurnGenerator.solve`
(place and check, rejecting what cannot be judged, and return the ``Solution``), :meth:`~SteadyTurnGenerator.frame_at`
(the scene turned by a given angle, drawn from the solution alone, so the near misses are drawn exactly like the
answer), :meth:`~SteadyTurnGenerator.prompt`, and the name of its ``Params`` field holding the frames the turn takes
(``frames_param``). The turn is ``solution.signed_degrees`` (clockwise positive on screen), in the units
``frame_at`` takes. The near misses are :func:`~vbvr_core.families.rotation.draw.turn_near_misses` (the same turn
the wrong way round, and stopped at 60 %); a task with others overrides :meth:`~SteadyTurnGenerator.near_misses`.

A stated turn comes as an angle and a sense: :func:`signed_turn` makes it one signed number, and
:data:`STATED_ANGLES` is the grain and the largest angle such tasks draw it in, per difficulty; :func:`stated_multiple`
draws from such a per-difficulty table of (grain, largest) — a multiple of the grain, which a ``Strata`` range cannot say.
"""

from __future__ import annotations

import math
from abc import abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np

from vbvr_core.contract import Sample, TaskSolution
from vbvr_core.contract.sample import FrameSource
from vbvr_core.families.rotation.draw import steady_turn, turn_near_misses
from vbvr_core.pipeline.generator import BaseGenerator

# Per difficulty: (the step a stated angle is drawn in, the largest angle), degrees.
STATED_ANGLES = {0: (45, 180), 1: (15, 180), 2: (5, 270)}


def signed_turn(degrees: int, direction: str) -> int:
    """The stated turn ``degrees`` as one signed angle: positive ``"clockwise"``, negative otherwise."""
    return degrees if direction == "clockwise" else -degrees


def stated_multiple(rng: Any, grains: dict[int, tuple[int, int]], difficulty: int, least: int) -> int:
    """A stated amount (an angle, a clock's advance in minutes) for ``difficulty``: uniform among the multiples of
    the stratum's grain from the first at or above ``least`` to the stratum's largest, ``grains`` mapping each
    difficulty to (grain, largest) as :data:`STATED_ANGLES` does. One ``rng.integers`` draw."""
    step, largest = grains[difficulty]
    return int(step * rng.integers(math.ceil(least / step), largest // step + 1))


class SteadyTurnGenerator(BaseGenerator):
    """A steady-turn task's generator: :meth:`solve` → the sample whose first frame is ``frame_at(0)``, whose final
    frame is ``frame_at(turn)`` and whose video turns at a steady speed over the ``frames_param`` frames
    (:func:`~vbvr_core.families.rotation.draw.steady_turn`); the pipeline's hold at both ends is ``hold_frames``
    (None: the sample's default)."""

    frames_param: ClassVar[str]
    hold_frames: ClassVar[int | None] = None

    @abstractmethod
    def solve(self) -> TaskSolution:
        """The task's solution, drawn from ``self.params`` and ``self.rng`` (raise Reject on what cannot be judged)."""

    @abstractmethod
    def frame_at(self, solution: Any) -> Callable[[float], np.ndarray]:
        """The scene of ``solution`` turned by a given angle (the units of :meth:`turn`)."""

    @abstractmethod
    def prompt(self, solution: Any) -> str:
        """The sample's prompt."""

    def turn(self, solution: Any) -> float:
        """The answer's turn: ``solution.signed_degrees``."""
        return solution.signed_degrees

    @property
    def turn_frames(self) -> int:
        """Video frames the turn takes (the ``frames_param`` field of the params)."""
        return getattr(self.params, self.frames_param)

    def generate(self) -> Sample:
        """Solve, then render the turn from the start to the answer at a steady speed."""
        solution = self.solve()
        frame_at, turn = self.frame_at(solution), self.turn(solution)
        hold = {} if self.hold_frames is None else {"hold_frames": self.hold_frames}
        return Sample(first_frame=frame_at(0.0), final_frame=frame_at(float(turn)), prompt=self.prompt(solution),
                      trajectory=steady_turn(frame_at, turn, self.turn_frames), solution=solution, params=self.params,
                      **hold)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The same turn the wrong way round, and stopped at 60 % of the angle, drawn exactly like the right one."""
        return turn_near_misses(self.frame_at(sample.solution), self.turn(sample.solution), self.turn_frames)
