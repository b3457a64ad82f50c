"""Where the blocks are: directions, shifted cells, and the pixel box of a block at any (fractional) cell."""

from __future__ import annotations

from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import GridLayout

DIRECTIONS: dict[str, Cell] = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}
BLOCK_PADDING = 0.08  # share of a cell left free on each side of a block, as in the original task


def shifted(cells: list[Cell], direction: str, steps: float) -> list[tuple[float, float]]:
    """``cells`` moved ``steps`` cells (fractional allowed) in ``direction``."""
    d_row, d_col = DIRECTIONS[direction]
    return [(row + d_row * steps, col + d_col * steps) for row, col in cells]


def block_box(layout: GridLayout, cell: tuple[float, float], inset: float = 0.0) -> tuple[int, int, int, int]:
    """Pixel box (left, top, right, bottom) of a block standing at (possibly fractional) ``cell``, shrunk by ``inset`` px:
    the cell's box less ``BLOCK_PADDING`` of a cell and ``inset`` on each side, rounded."""
    x0, y0, x1, y1 = layout.cell_box(cell, layout.cell * BLOCK_PADDING + inset)
    return int(round(x0)), int(round(y0)), int(round(x1)), int(round(y1))
