"""The generator of a placement task (G-24 slide the pieces unturned, G-25 turn each in place first): pieces on the
params' background with their dashed outlines, the solution's poses as the sample, wrong answers given as poses.

:class:`PlacementGenerator` holds that flow; the task keeps its rules: which kinds, turns and start angles it lays
out (``draw.laid_out``), how many frames its pieces turn, its near misses' poses, its Params, Solution and prompt.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from vbvr_core.contract import Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, Stage
from vbvr_core.families.placement.draw import Piece, Pose, background, pieces_sample, render
from vbvr_core.pipeline.generator import BaseGenerator


class PlacementGenerator(BaseGenerator):
    """A generator whose pieces (:class:`~vbvr_core.families.placement.draw.Piece`) stand on the background
    ``BACKGROUNDS[params.background]`` beside their dashed outlines, and slide into them in ``params.move_frames``
    frames (after turning in place, when the task turns them)."""

    def stage(self, pieces: Sequence[Piece]) -> Stage:
        """The static scene of ``pieces``: the params' background with every piece's dashed outline."""
        return Stage(background(BACKGROUNDS[self.params.background], pieces))

    def placed_sample(self, pieces: Sequence[Piece], turn_frames: int, prompt: str, solution: Any,
                      **fields: Any) -> Sample:
        """The sample of the solution (``draw.pieces_sample``: every piece turned in ``turn_frames`` frames, 0 for
        none, then slid in ``params.move_frames``) on :meth:`stage`; ``fields`` are further :class:`Sample` fields
        (``hold_frames``)."""
        return pieces_sample(self.stage(pieces), pieces, turn_frames, self.params.move_frames, prompt=prompt,
                             solution=solution, params=self.params, **fields)

    def posed(self, pieces: Sequence[Piece], **poses: Sequence[Sequence[Pose]]) -> dict[str, FrameSource]:
        """One frame source a name: the per-frame ``poses`` of ``pieces`` drawn on :meth:`stage` like the answer (the
        task's near misses)."""
        stage = self.stage(pieces)
        return {name: partial(render, stage, pieces, rows) for name, rows in poses.items()}
