"""O-58 symbol_delete: delete the symbol at the stated position; the symbols after it shift one place left.

Parameters → draw → solve → render → prompt:

- a centred row of ``length`` coloured symbols (shapes, letters, digits or a mix); the prompt states the
  1-based ``position`` of the symbol to delete (counted from the left) and nothing else about it;
- the deleted symbol's colour is used by no other symbol (drawn first, the others from the rest), so the judge
  can follow it by colour;
- the solution keeps the slots: the symbols before the position stay, every symbol after it moves one slot
  left (the official evaluator's "remaining symbols shift left"), the last slot ends empty; the video holds
  the start, fades the symbol out, slides the rest left, and holds the end.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from pydantic import Field, model_validator
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, ease_in_out
from vbvr_core.families.symbol_row.draw import (
    COLOR_NAMES,
    SYMBOL_SETS,
    Piece,
    RowStage,
    Symbol,
    lerp,
    ordinal,
    row_size,
    slot_xs,
    symbol_sprite,
)
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o58_symbol_delete.plugin import TASK

HOLD_FRAMES, FADE_FRAMES, SHIFT_FRAMES = 3, 10, 16


class Params(TaskParams):
    """O-58's parameter space: longer rows of less regular symbols with the difficulty stratum."""

    length: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        5, ge=3, le=9, description="symbols in the row before the deletion")
    position: Annotated[int, Uniform(1, lambda v: v["length"])] = Field(
        3, ge=1, le=9, description="1-based position of the symbol to delete")
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


class DeleteScene:
    """Sprites and slots of one instance; renders any moment of deleting the ``deleted``-th symbol."""

    def __init__(self, solution: Solution, background: tuple[int, int, int], deleted: int | None = None):
        self.stage = RowStage(background)
        self.sprites = [symbol_sprite(glyph, color, solution.symbol_size) for glyph, color in solution.row]
        self.y = solution.row_y
        self.gone = (solution.position if deleted is None else deleted) - 1
        xs = solution.xs
        self.before = xs
        self.after = xs[:self.gone] + [xs[self.gone]] + xs[self.gone:-1]

    def frame(self, fade: float, shift: float, lift: float = 0.0) -> np.ndarray:
        """The row with the deleted symbol ``fade`` (0..1) of the way out (raised ``lift`` pixels) and the later
        ones ``shift`` of the way one slot left."""
        return self.stage.frame([
            Piece(sprite, self.before[k], self.y - lift, 1.0 - fade) if k == self.gone else
            Piece(sprite, lerp(self.before[k], self.after[k], shift), self.y)
            for k, sprite in enumerate(self.sprites)])

    def frames(self, shift: bool = True, rise: float = 0.0):
        """The solution video: hold, fade the symbol out (rising ``rise`` pixels as it goes, for the slide-out
        alternative), slide the later symbols left, hold."""
        for _ in range(HOLD_FRAMES):
            yield self.frame(0.0, 0.0)
        for k in range(1, FADE_FRAMES + 1):
            yield self.frame(k / FADE_FRAMES, 0.0, rise * ease_in_out(k / FADE_FRAMES))
        if shift and self.gone < len(self.sprites) - 1:
            for k in range(1, SHIFT_FRAMES + 1):
                yield self.frame(1.0, ease_in_out(k / SHIFT_FRAMES))
        for _ in range(HOLD_FRAMES):
            yield self.frame(1.0, 1.0 if shift else 0.0)


def solve(row: list[Symbol], position: int, symbol_size: int, row_y: int) -> Solution:
    """The row without its ``position``-th symbol, the later symbols one slot left (the row's slots kept)."""
    size, spacing = row_size(symbol_size, len(row))
    xs = slot_xs(len(row), spacing)
    return Solution(row=row, position=position, symbol_size=size, spacing=spacing, row_y=row_y, xs=xs,
                    final_row=row[:position - 1] + row[position:], final_xs=xs[:-1])


class SymbolDeleteGenerator(BaseGenerator):
    """Draws a row of symbols and the video of deleting the one at the stated position."""

    info = TASK.info
    Params = Params
    Solution = Solution

    def generate(self) -> Sample:
        """Draw the row (the deleted symbol's colour unique), solve the new row, render the deletion."""
        p = self.params
        symbols = SYMBOL_SETS[p.symbol_set]
        gone_color = COLOR_NAMES[int(self.rng.integers(0, len(COLOR_NAMES)))]
        others = [c for c in COLOR_NAMES if c != gone_color]
        row: list[Symbol] = []
        for k in range(p.length):
            color = gone_color if k == p.position - 1 else others[int(self.rng.integers(0, len(others)))]
            row.append((symbols[int(self.rng.integers(0, len(symbols)))], PALETTE[color]))
        solution = solve(row, p.position, p.symbol_size, p.row_y)
        scene = DeleteScene(solution, BACKGROUNDS[p.background])
        where = ("the first symbol (the leftmost one)" if p.position == 1 else
                 "the last symbol (the rightmost one)" if p.position == p.length else
                 f"the {ordinal(p.position)} symbol from the left")
        after = ("; no symbol stands to its right, so nothing needs to slide" if p.position == p.length else
                 ", then every symbol to its right slides one place to the left to close the gap")
        prompt = (
            f"In the row of symbols, delete {where}. Show it step by step: that symbol fades out{after}. The "
            "symbols to its left stay exactly where they are, and the remaining symbols keep their order, shapes "
            "and colours."
        )
        return Sample(first_frame=scene.frame(0.0, 0.0), final_frame=scene.frame(1.0, 1.0), prompt=prompt,
                      trajectory=scene.frames, solution=solution, params=p)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct way to show it: the symbol slides up out of the row as it fades."""
        solution = sample.solution
        scene = DeleteScene(solution, BACKGROUNDS[self.params.background])
        return {"slide_out_up": lambda: scene.frames(rise=1.2 * solution.symbol_size)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A neighbour deleted instead (shown the same way); and, unless the last symbol goes, the gap left open."""
        solution, background = sample.solution, BACKGROUNDS[self.params.background]
        wrong = solution.position + 1 if solution.position < len(solution.row) else solution.position - 1
        misses: dict[str, FrameSource] = {"neighbour_deleted": DeleteScene(solution, background, deleted=wrong).frames}
        if solution.position < len(solution.row):
            misses["gap_left_open"] = lambda: DeleteScene(solution, background).frames(shift=False)
        return misses
