"""The generator of a task whose objects are carried into place by a plan of moves on a plain background (G-3 sort a
row stably, G-174 line circles up by size).

:class:`MovesGenerator` holds what such tasks share once they know where each object goes and by which way: the
background, the plan (``draw.plan_moves`` at the params' pace), its frames and its sample. The task keeps its rules:
its objects, their places, their ways (the :class:`~vbvr_core.families.arrangement.draw.Mover` list), its Params,
Solution, prompt, alternatives and near misses.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import numpy as np

from vbvr_core.contract import Point, Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import Mover, moves_sample, plan_moves, render_moves
from vbvr_core.pipeline.generator import BaseGenerator


class MovesGenerator(BaseGenerator):
    """A generator whose objects move on the plain background ``BACKGROUNDS[params.background]`` in a plan of moves
    paced by ``params.frames_per_move`` and ``params.stagger``."""

    @cached_property
    def background(self) -> np.ndarray:
        """The plain background every frame is drawn on."""
        return to_frame(new_canvas(BACKGROUNDS[self.params.background]))

    def planned(self, movers: list[Mover]) -> tuple[list[Mover], list[list[Point]]] | None:
        """``movers`` and their per-frame positions (``draw.plan_moves`` at the params' pace, listed in the movers'
        order), or None when no order of moves keeps them apart."""
        plan = plan_moves(movers, self.params.frames_per_move, self.params.stagger)
        return None if plan is None else (movers, plan[1])

    def moved(self, movers: list[Mover], positions: list[list[Point]]) -> FrameSource:
        """The frames of a plan: every mover at its positions on the background (``draw.render_moves``)."""
        return lambda: render_moves(self.background, movers, positions)

    def moved_sample(self, movers: list[Mover], positions: list[list[Point]], prompt: str, solution: Any) -> Sample:
        """The sample of a plan (``draw.moves_sample`` on the background, with the params)."""
        return moves_sample(self.background, movers, positions, prompt=prompt, solution=solution, params=self.params)
