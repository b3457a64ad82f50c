"""O-58 symbol_delete: delete the symbol at the stated position; the symbols after it shift one place left.

Parameters → draw → solve → render → prompt (drawing, solving and rendering are the symbol-row family's
:class:`~vbvr_core.families.symbol_row.deletion.DeletionGenerator`):

- a centred row of ``length`` coloured symbols (shapes, letters, digits or a mix); the prompt states the
  1-based ``position`` of the symbol to delete (counted from the left) and nothing else about it;
- the deleted symbol's colour is used by no other symbol (drawn first, the others from the rest), so the judge
  can follow it by colour;
- the solution keeps the slots: the symbols before the position stay, every symbol after it moves one slot
  left (the official evaluator's "remaining symbols shift left"), the last slot ends empty; the video holds
  the start, fades the symbol out, slides the rest left (unless the last symbol goes), and holds the end.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Strata, Uniform
from vbvr_core.draw import BackgroundIndex
from vbvr_core.families.symbol_row.deletion import DeletionGenerator
from vbvr_core.families.symbol_row.draw import COLOR_NAMES, ordinal
from vbvr_core.families.symbol_row.params import PositionInRow, SymbolSetName

from vbvr_o58_symbol_delete.plugin import TASK


class Params(PositionInRow):
    """O-58's parameter space: longer rows of less regular symbols with the difficulty stratum."""

    length: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        5, ge=3, le=9, description="symbols in the row before the deletion")
    position: Annotated[int, Uniform(1, lambda v: v["length"])] = Field(
        3, ge=1, le=9, description="1-based position of the symbol to delete")
    symbol_set: SymbolSetName = "shapes"
    symbol_size: Annotated[int, Uniform(44, 72)] = Field(
        60, ge=32, le=72, description="largest symbol size in pixels (shrunk to fit long rows)")
    row_y: Annotated[int, Uniform(240, 310)] = Field(270, ge=230, le=320, description="vertical position of the row")
    background: BackgroundIndex = 0


class SymbolDeleteGenerator(DeletionGenerator, task=TASK, params=Params):
    """Draws a row of symbols and the video of deleting the one at the stated position, the later ones shifting."""

    colors = COLOR_NAMES
    recentre = False

    def prompt(self) -> str:
        """Names the position (first, last, or the n-th from the left) and whether anything slides."""
        p = self.params
        where = ("the first symbol (the leftmost one)" if p.position == 1 else
                 "the last symbol (the rightmost one)" if p.position == p.length else
                 f"the {ordinal(p.position)} symbol from the left")
        after = ("; no symbol stands to its right, so nothing needs to slide" if p.position == p.length else
                 ", then every symbol to its right slides one place to the left to close the gap")
        return (
            f"In the row of symbols, delete {where}. Show it step by step: that symbol fades out{after}. The "
            "symbols to its left stay exactly where they are, and the remaining symbols keep their order, shapes "
            "and colours."
        )
