"""Inserting symbols into a row in three phases (O-59 one symbol, O-61 a copy after each occurrence of one).

The row moves apart to open a gap at each new symbol's slot, the new symbols fade in just above their gaps, then
slide down into them. :class:`InsertionScene` renders any moment of that, the whole video, and the sample that
opens on the row and ends with every new symbol in its gap.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import numpy as np

from vbvr_core.contract import Sample, TaskParams, TaskSolution
from vbvr_core.draw import ease_in_out
from vbvr_core.families.symbol_row.draw import Piece, RowStage, Symbol, lerp, symbol_sprite


class Timing(NamedTuple):
    """Frames of each phase: the start held, the gaps opening, the new symbols fading in, sliding down, the end
    held."""

    hold_start: int
    shift: int
    fade: int
    slide: int
    hold_end: int


class InsertionScene:
    """Sprites and slots of one insertion: the ``row`` at ``before`` (slot centres) moves to the slots of
    ``final_xs`` other than ``new_slots`` (0-based slots of the final row), and a ``new`` symbol comes into each
    of ``new_slots`` from ``above_y`` down to ``row_y``; ``size`` is the symbol size, on a plain ``background``."""

    def __init__(self, row: Sequence[Symbol], new: Symbol, size: int, before: Sequence[float],
                 final_xs: Sequence[float], new_slots: Sequence[int], row_y: float, above_y: float,
                 background: tuple[int, int, int]):
        self.stage = RowStage(background)
        self.sprites = [symbol_sprite(glyph, color, size) for glyph, color in row]
        self.new = symbol_sprite(*new, size)
        self.before = list(before)
        self.after = [x for k, x in enumerate(final_xs) if k not in new_slots]
        self.gaps = [final_xs[k] for k in new_slots]
        self.y, self.above = row_y, above_y

    def frame(self, shift: float, opacity: float, descent: float) -> np.ndarray:
        """The row ``shift`` (0..1) of the way apart, the new symbols at ``opacity`` (0 hides them) and
        ``descent`` (0 above the gaps .. 1 in them)."""
        pieces = [Piece(sprite, lerp(x0, x1, shift), self.y)
                  for sprite, x0, x1 in zip(self.sprites, self.before, self.after, strict=True)]
        y = lerp(self.above, self.y, descent)
        pieces += [Piece(self.new, x, y, opacity) for x in self.gaps]
        return self.stage.frame(pieces)

    def frames(self, timing: Timing) -> Iterator[np.ndarray]:
        """The video, each phase as long as ``timing`` says."""
        for _ in range(timing.hold_start):
            yield self.frame(0.0, 0.0, 0.0)
        for k in range(1, timing.shift + 1):
            yield self.frame(ease_in_out(k / timing.shift), 0.0, 0.0)
        for k in range(1, timing.fade + 1):
            yield self.frame(1.0, k / timing.fade, 0.0)
        for k in range(1, timing.slide + 1):
            yield self.frame(1.0, 1.0, ease_in_out(k / timing.slide))
        for _ in range(timing.hold_end):
            yield self.frame(1.0, 1.0, 1.0)

    def sample(self, timing: Timing, prompt: str, solution: TaskSolution, params: TaskParams, **extra: Any) -> Sample:
        """The sample of this insertion: the row before it, the row after it, the video :meth:`frames` of ``timing``;
        ``extra`` goes to :class:`Sample` (e.g. ``hold_frames``)."""
        return Sample(first_frame=self.frame(0.0, 0.0, 0.0), final_frame=self.frame(1.0, 1.0, 1.0), prompt=prompt,
                      trajectory=lambda: self.frames(timing), solution=solution, params=params, **extra)
