"""Grid layouts that scale exactly: even cell sizes and offsets, so a scorer reading 256² frames
sees every cell boundary where the 512² canvas put it (``GridLayout.scaled(0.5)`` rounds nothing).

``GridLayout.fit`` may pick an odd cell size; halving it rounds, and the error adds up across a wide
grid (half a pixel per cell). Tasks with many small cells (mazes) use :func:`even_grid_layout`.
"""

from __future__ import annotations

from vbvr_core.render.grid import GridLayout
from vbvr_core.task import FRAME_SIZE


def even_grid_layout(rows: int, cols: int, size: int = FRAME_SIZE, margin: int = 32) -> GridLayout:
    """The largest centred grid with an even cell size and even offsets inside ``margin`` pixels.

    Raises ``ValueError`` when the grid cannot have cells of at least 4 pixels.
    """
    cell = (size - 2 * margin) // max(rows, cols)
    cell -= cell % 2
    if cell < 4:
        raise ValueError(f"a {rows}x{cols} grid does not fit {size}px with margin {margin}: cells would be {cell}px")
    left = (size - cell * cols) // 2
    top = (size - cell * rows) // 2
    return GridLayout(rows, cols, cell, left - left % 2, top - top % 2)
