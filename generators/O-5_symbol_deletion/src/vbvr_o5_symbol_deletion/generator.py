"""O-5 symbol_deletion: delete the symbol marked by a red frame; the rest close the gap, centred again.

Parameters → draw → solve → render → prompt (drawing, solving and rendering are the symbol-row family's
:class:`~vbvr_core.families.symbol_row.deletion.DeletionGenerator`):

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

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Strata, Uniform
from vbvr_core.draw import PALETTE, BackgroundIndex, Sprite
from vbvr_core.families.symbol_row.deletion import DeletionGenerator
from vbvr_core.families.symbol_row.draw import frame_sprite
from vbvr_core.families.symbol_row.params import PositionInRow, SymbolSetName

from vbvr_o5_symbol_deletion.plugin import TASK

MARK_COLOR = PALETTE["red"]
COLORS = ("green", "blue", "orange", "purple", "cyan", "brown")
# The frame's half-side and line width as shares of the symbol size.
MARK_HALF, MARK_WIDTH = 0.62, 0.07


class Params(PositionInRow):
    """O-5's parameter space: longer rows of less regular symbols with the difficulty stratum."""

    length: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        5, ge=3, le=9, description="symbols in the row before the deletion")
    position: Annotated[int, Uniform(1, lambda v: v["length"])] = Field(
        3, ge=1, le=9, description="1-based position of the marked symbol")
    symbol_set: SymbolSetName = "shapes"
    symbol_size: Annotated[int, Uniform(44, 72)] = Field(
        60, ge=32, le=72, description="largest symbol size in pixels (shrunk to fit long rows)")
    row_y: Annotated[int, Uniform(240, 310)] = Field(270, ge=230, le=320, description="vertical position of the row")
    background: BackgroundIndex = 0


class SymbolDeletionGenerator(DeletionGenerator, task=TASK, params=Params):
    """Draws a row with one framed symbol and the video of its deletion, the rest centred again."""

    colors = COLORS
    recentre = True

    def mark(self, size: int) -> Sprite:
        """The red square frame around the marked symbol."""
        return frame_sprite(MARK_HALF * size, MARK_COLOR, max(3, round(MARK_WIDTH * size)))

    def prompt(self) -> str:
        """The same instruction for every instance: the red frame says which symbol goes."""
        return (
            "The row shows coloured symbols; one of them is marked with a red square frame. Delete the marked "
            "symbol. Show it step by step: the marked symbol fades out together with its frame, then the "
            "remaining symbols slide together to close the gap, so that the row is evenly spaced and centred "
            "again. The other symbols keep their order, shapes and colours."
        )
