"""O-5 symbol_deletion: delete the symbol marked by a red frame; the rest close the gap, centred again.

Parameters → draw → solve → render → prompt:

- a centred row of ``length`` coloured symbols (shapes, letters, digits or a mix); the one at ``position``
  is marked by a red square frame (the official evaluator looks for that red frame in the first frame);
- the marked symbol's colour is used by no other symbol (drawn first, the others from the rest), and no
  symbol is red, pink (the official evaluator's red detector takes pink for red) or yellow (too pale on white
  for the evaluator's dark-ink threshold): the prompt and the judge can follow the deleted symbol;
- the solution is the row without it, centred again; the video holds the start, fades the marked symbol and
  its frame out, then slides the others together (the left part right, the right part left, half a step each),
  and holds the end.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from pydantic import Field, model_validator
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, ease_in_out
from vbvr_core.families.symbol_row.draw import (
    SYMBOL_SETS,
    Piece,
    RowStage,
    Symbol,
    frame_sprite,
    lerp,
    row_size,
    slot_xs,
    symbol_sprite,
)
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o5_symbol_deletion.plugin import TASK

MARK_COLOR = PALETTE["red"]
COLORS = ("green", "blue", "orange", "purple", "cyan", "brown")
HOLD_FRAMES, FADE_FRAMES, CLOSE_FRAMES = 3, 10, 16
# The frame's half-side and line width as shares of the symbol size.
MARK_HALF, MARK_WIDTH = 0.62, 0.07


class Params(TaskParams):
    """O-5's parameter space: longer rows of less regular symbols with the difficulty stratum."""

    length: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        5, ge=3, le=9, description="symbols in the row before the deletion")
    position: Annotated[int, Uniform(1, lambda v: v["length"])] = Field(
        3, ge=1, le=9, description="1-based position of the marked symbol")
    symbol_set: Annotated[Literal["shapes", "letters", "digits", "mixed"],
                          Strata(("shapes",), ("shapes", "letters", "digits"), ("mixed", "letters"))] = Field(
        "shapes", description="kind of symbols")
    symbol_size: Annotated[int, Uniform(44, 72)] = Field(
        60, ge=32, le=72, description="largest symbol size in pixels (shrunk to fit long rows)")
    row_y: Annotated[int, Uniform(240, 310)] = Field(270, ge=230, le=320, description="vertical position of the row")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")

    @model_validator(mode="after")
    def _position_in_the_row(self) -> Params:
        if self.position > self.length:
            raise ValueError(f"position {self.position} is beyond the row's end: use 1..{self.length}")
        return self


class Solution(TaskSolution):
    """The row before and after the deletion (glyph and colour per symbol), and where everything stands."""

    row: list[Symbol]
    position: int
    symbol_size: int
    spacing: float
    row_y: int
    xs: list[float]
    final_row: list[Symbol]
    final_xs: list[float]


class DeletionScene:
    """Sprites and slot geometry of one instance; renders any moment of the deletion."""

    def __init__(self, solution: Solution, background: tuple[int, int, int], deleted: int | None = None):
        size = solution.symbol_size
        self.stage = RowStage(background)
        self.sprites = [symbol_sprite(glyph, color, size) for glyph, color in solution.row]
        self.mark = frame_sprite(MARK_HALF * size, MARK_COLOR, max(3, round(MARK_WIDTH * size)))
        self.solution = solution
        # The symbol that goes: the marked one, or another for a near miss (the frame still fades with it).
        self.gone = solution.position - 1 if deleted is None else deleted - 1
        self.before = solution.xs
        self.after = solution.final_xs[:self.gone] + [solution.xs[self.gone]] + solution.final_xs[self.gone:]

    def frame(self, fade: float, close: float, lift: float = 0.0) -> np.ndarray:
        """The row with the deleted symbol ``fade`` (0..1) of the way out (and raised ``lift`` pixels with its
        frame) and the others ``close`` of the way in."""
        y = self.solution.row_y
        pieces = []
        for k, sprite in enumerate(self.sprites):
            x = lerp(self.before[k], self.after[k], close)
            pieces.append(Piece(sprite, x, y - lift, 1.0 - fade) if k == self.gone else Piece(sprite, x, y))
        pieces.append(Piece(self.mark, self.before[self.solution.position - 1], y - lift, 1.0 - fade))
        return self.stage.frame(pieces)

    def frames(self, close: bool = True, rise: float = 0.0):
        """The solution video: hold, fade the marked symbol out (rising ``rise`` pixels as it goes, for the
        slide-out alternative), slide the rest together, hold."""
        for _ in range(HOLD_FRAMES):
            yield self.frame(0.0, 0.0)
        for k in range(1, FADE_FRAMES + 1):
            yield self.frame(k / FADE_FRAMES, 0.0, rise * ease_in_out(k / FADE_FRAMES))
        if close:
            for k in range(1, CLOSE_FRAMES + 1):
                yield self.frame(1.0, ease_in_out(k / CLOSE_FRAMES))
        for _ in range(HOLD_FRAMES):
            yield self.frame(1.0, 1.0 if close else 0.0)


def solve(row: list[Symbol], position: int, symbol_size: int, row_y: int) -> Solution:
    """The row without its ``position``-th symbol, centred again, and both rows' slot centres."""
    size, spacing = row_size(symbol_size, len(row))
    final_row = row[:position - 1] + row[position:]
    return Solution(row=row, position=position, symbol_size=size, spacing=spacing, row_y=row_y,
                    xs=slot_xs(len(row), spacing), final_row=final_row, final_xs=slot_xs(len(final_row), spacing))


class SymbolDeletionGenerator(BaseGenerator):
    """Draws a row with one framed symbol and the video of its deletion."""

    info = TASK.info
    Params = Params
    Solution = Solution

    def generate(self) -> Sample:
        """Draw the row (the marked symbol's colour unique), solve the new row, render the deletion."""
        p = self.params
        symbols = SYMBOL_SETS[p.symbol_set]
        mark_color = COLORS[int(self.rng.integers(0, len(COLORS)))]
        others = [c for c in COLORS if c != mark_color]
        row: list[Symbol] = []
        for k in range(p.length):
            color = mark_color if k == p.position - 1 else others[int(self.rng.integers(0, len(others)))]
            row.append((symbols[int(self.rng.integers(0, len(symbols)))], PALETTE[color]))
        solution = solve(row, p.position, p.symbol_size, p.row_y)
        scene = DeletionScene(solution, BACKGROUNDS[p.background])
        prompt = (
            "The row shows coloured symbols; one of them is marked with a red square frame. Delete the marked "
            "symbol. Show it step by step: the marked symbol fades out together with its frame, then the "
            "remaining symbols slide together to close the gap, so that the row is evenly spaced and centred "
            "again. The other symbols keep their order, shapes and colours."
        )
        return Sample(first_frame=scene.frame(0.0, 0.0), final_frame=scene.frame(1.0, 1.0), prompt=prompt,
                      trajectory=scene.frames, solution=solution, params=p)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct way to show it: the marked symbol and its frame slide up out of the row as they fade."""
        solution = sample.solution
        scene = DeletionScene(solution, BACKGROUNDS[self.params.background])
        return {"slide_out_up": lambda: scene.frames(rise=1.2 * solution.symbol_size)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A neighbour deleted instead of the marked symbol (shown the same way), and the gap left open."""
        solution, background = sample.solution, BACKGROUNDS[self.params.background]
        wrong = solution.position + 1 if solution.position < len(solution.row) else solution.position - 1
        return {"neighbour_deleted": DeletionScene(solution, background, deleted=wrong).frames,
                "gap_left_open": lambda: DeletionScene(solution, background).frames(close=False)}
