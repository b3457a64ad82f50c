"""O-59 symbol_insert: insert the stated symbol into a row at the stated position.

Parameters → draw → solve → render → prompt:

- a centred row of ``length`` coloured symbols (shapes, letters, digits or a mix);
- the prompt names the new symbol (colour and kind) and its 1-based position in the new row;
- the solution is the row after insertion, centred again; the video shows the original generator's
  three phases: the symbols move apart to open a gap at the position, the new symbol fades in above
  the gap, then slides down into it;
- a new symbol whose colour the row already uses is rejected, so "the red star" names one symbol.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex
from vbvr_core.families.symbol_row.draw import (
    COLOR_NAMES,
    SYMBOL_SETS,
    Symbol,
    neighbour,
    ordinal,
    random_symbols,
    row_size,
    shown,
    slot_xs,
    symbol_name,
)
from vbvr_core.families.symbol_row.insertion import InsertionScene, Timing
from vbvr_core.families.symbol_row.params import SymbolSetName
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o59_symbol_insert.plugin import TASK

# The first frame is the start of the gap's opening; the last one the end of the slide (no holds).
TIMING = Timing(hold_start=1, shift=16, fade=10, slide=16, hold_end=0)


class Params(TaskParams):
    """O-59's parameter space: longer rows of less regular symbols with the difficulty stratum."""

    length: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        5, ge=3, le=9, description="symbols in the row before the insertion")
    position: Annotated[int, Uniform(1, lambda v: v["length"] + 1)] = Field(
        3, ge=1, le=10, description="1-based position of the new symbol in the new row")
    symbol_set: SymbolSetName = "shapes"
    symbol_size: Annotated[int, Uniform(44, 72)] = Field(
        60, ge=32, le=72, description="largest symbol size in pixels (shrunk to fit long rows)")
    row_y: Annotated[int, Uniform(240, 310)] = Field(270, ge=230, le=320, description="vertical position of the row")
    background: BackgroundIndex = 0

    @model_validator(mode="after")
    def _position_fits_the_row(self) -> Params:
        if self.position > self.length + 1:
            raise ValueError(f"position {self.position} is beyond the new row's end: use 1..{self.length + 1}")
        return self


class Solution(TaskSolution):
    """The row before and after the insertion (glyph and colour per symbol), and where everything stands."""

    row: list[Symbol]
    new_symbol: Symbol
    new_name: str
    position: int
    symbol_size: int
    spacing: float
    row_y: int
    above_y: int
    final_row: list[Symbol]
    final_xs: list[float]


def insertion_scene(solution: Solution, background: tuple[int, int, int], position: int | None = None
                    ) -> InsertionScene:
    """The scene of ``solution``, the new symbol going to ``position`` (default: the solution's)."""
    return InsertionScene(solution.row, solution.new_symbol, solution.symbol_size,
                          slot_xs(len(solution.row), solution.spacing), solution.final_xs,
                          [(position or solution.position) - 1], solution.row_y, solution.above_y, background)


class SymbolInsertGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a row of symbols and the video of the stated insertion."""

    def generate(self) -> Sample:
        """Draw the row and the new symbol, solve the new row, render the insertion."""
        p = self.params
        symbols = SYMBOL_SETS[p.symbol_set]
        # Drawn independently, as the original generator does; a new colour the row already uses is rejected,
        # since the prompt must name one symbol.
        row = random_symbols(self.rng, symbols, p.length)
        new_color = COLOR_NAMES[int(self.rng.integers(0, len(COLOR_NAMES)))]
        new_symbol = (symbols[int(self.rng.integers(0, len(symbols)))], new_color)
        if any(color == new_color for _, color in row):
            raise Reject(f"ambiguous: the new symbol's colour ({new_color}) is already in the row")
        size, spacing = row_size(p.symbol_size, p.length + 1)
        final_row = row[:p.position - 1] + [new_symbol] + row[p.position - 1:]
        solution = Solution(
            row=[(glyph, PALETTE[color]) for glyph, color in row],
            new_symbol=(new_symbol[0], PALETTE[new_color]),
            new_name=f"{new_color} {symbol_name(new_symbol[0])}",
            position=p.position, symbol_size=size, spacing=spacing, row_y=p.row_y,
            above_y=p.row_y - round(1.5 * size),
            final_row=[(glyph, PALETTE[color]) for glyph, color in final_row],
            final_xs=slot_xs(len(final_row), spacing),
        )
        scene = insertion_scene(solution, BACKGROUNDS[p.background])
        where = ("at the very start of the row" if p.position == 1 else
                 "at the very end of the row" if p.position == p.length + 1 else
                 f"so that it becomes the {ordinal(p.position)} symbol from the left")
        prompt = (
            f"Insert a {solution.new_name}{shown(new_symbol[0])} into the row {where}. Show it step by step: the "
            "symbols move apart to open a gap at that place, the new symbol fades in just above the gap, then "
            "slides down into it. The other symbols keep their order, shapes and colours."
        )
        return scene.sample(TIMING, prompt, solution, p)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The same symbol inserted one place off (to the right, or to the left at the row's end), shown the same way."""
        solution = sample.solution
        wrong = neighbour(solution.position, len(solution.row) + 1)
        scene = insertion_scene(solution, BACKGROUNDS[self.params.background], wrong)
        return {"one_place_off": lambda: scene.frames(TIMING)}
