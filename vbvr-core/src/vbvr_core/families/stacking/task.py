"""The generator of a task whose pieces are carried one at a time into places of their own (cards into their outlines,
animal faces into their silhouettes, blocks onto a tower).

:class:`OneAtATimeGenerator` holds what such tasks share once the pieces are laid out: the sample that opens on every
piece at its start and ends on every piece in its place, whose trajectory is the task's :meth:`~OneAtATimeGenerator.moves`
of the solution, and the near misses every one-at-a-time task declares (``layout.near_miss_moves``). The task keeps its
rules: the layout, the drawing of its pieces and their ways (``moves``), its Params, Solution and prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from vbvr_core.contract import Point, Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Sprite, Stage
from vbvr_core.families.arrangement.draw import staged_sample
from vbvr_core.families.stacking.layout import HOLD_ENDS, near_miss_moves
from vbvr_core.pipeline.generator import BaseGenerator


class OneAtATimeGenerator(BaseGenerator):
    """A generator whose solution (``starts``, ``targets``, ``order``) carries its pieces one at a time, in ``order``,
    to their ``targets``. The task either sets ``replay`` — a static method (solution, ends, moving, move_frames,
    pause_frames) → frame source, drawing the pieces in ``moving`` carried one after another to ``ends`` (listed by
    piece), ``params.move_frames`` frames each with ``params.pause_frames`` between — or overrides :meth:`moves`.
    The sample holds its ends ``hold_frames`` frames (None: the pipeline's default)."""

    replay: Callable[[Any, list[Point], list[int], int, int], FrameSource]
    hold_frames: int | None = HOLD_ENDS

    def moves(self, solution: Any, ends: list[Point], moving: list[int]) -> FrameSource:
        """The frames of the pieces in ``moving`` carried one after another to ``ends`` (``replay`` at the params'
        pace)."""
        p = self.params
        return self.replay(solution, ends, moving, p.move_frames, p.pause_frames)

    def carried_sample(self, stage: Stage, sprites: Sequence[Sprite], starts: Sequence[Point],
                       targets: Sequence[Point], prompt: str, solution: Any) -> Sample:
        """The sample whose first frame is ``stage`` with every sprite at its start and whose final frame has every
        sprite at its target (``arrangement.draw.staged_sample``; ``starts``/``targets``: where the sprites are pasted,
        listed by piece), its trajectory :meth:`moves` of every piece of ``solution.order`` to ``solution.targets``."""
        held = {} if self.hold_frames is None else {"hold_frames": self.hold_frames}
        return staged_sample(stage, sprites, starts, targets, self.moves(solution, solution.targets, solution.order),
                             prompt=prompt, solution=solution, params=self.params, **held)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The first two pieces swapped (each into the other's place), and the last piece left where it was
        (``layout.near_miss_moves``), carried like the answer."""
        solution = sample.solution
        return {name: self.moves(solution, ends, moving)
                for name, (ends, moving) in near_miss_moves(solution.targets, solution.order).items()}
