"""Parameters every symbol-row task declares the same way: the symbol set, a position in the row.

A task writes ``symbol_set: SymbolSetName = "shapes"`` among its own fields (with ``background: BackgroundIndex = 0``
from :mod:`vbvr_core.draw`; declaration order is draw order, so each task keeps its fields where they stand), and
subclasses :class:`PositionInRow` instead of ``TaskParams`` when it has a ``position`` that must lie in its
``length``-symbol row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, model_validator

from vbvr_core.contract import Strata, TaskParams

#: The kind of symbols (a key of ``draw.SYMBOL_SETS``), less regular with the difficulty stratum.
SymbolSetName = Annotated[
    Literal["shapes", "letters", "digits", "mixed"],
    Strata(("shapes",), ("shapes", "letters", "digits"), ("mixed", "letters")),
    Field(description="kind of symbols"),
]


class PositionInRow(TaskParams):
    """Params with a ``length``-symbol row and a 1-based ``position`` in it; a position past the row's end is
    refused (``ValueError`` naming the valid range). Declares no field itself."""

    if TYPE_CHECKING:
        length: int
        position: int

    @model_validator(mode="after")
    def _position_in_the_row(self) -> PositionInRow:
        if self.position > self.length:
            raise ValueError(f"position {self.position} is beyond the row's end: use 1..{self.length}")
        return self
