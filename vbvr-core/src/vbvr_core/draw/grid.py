"""Square-cell grids: layout (cell boxes and centres), lines, filled cells."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import ImageDraw

from vbvr_core.contract import FRAME_SIZE
from vbvr_core.contract.geometry import Box, Cell


@dataclass(frozen=True)
class GridLayout:
    """A ``rows``×``cols`` grid of square cells of ``cell`` pixels whose top-left corner is ``(left, top)``."""

    rows: int
    cols: int
    cell: int
    left: int
    top: int

    @classmethod
    def fit(cls, rows: int, cols: int, size: int = FRAME_SIZE, margin: int = 32) -> GridLayout:
        """The largest centred grid that fits a ``size``² canvas with ``margin`` pixels around it.

        Cell size and offsets are even, so the grid halves exactly (``scaled(0.5)`` rounds nothing and a
        scorer reading 256² frames sees every cell boundary where the 512² canvas put it). Raises
        ``ValueError`` when cells would be smaller than 4 pixels.
        """
        cell = (size - 2 * margin) // max(rows, cols)
        cell -= cell % 2
        if cell < 4:
            raise ValueError(f"a {rows}x{cols} grid does not fit {size}px with margin {margin}: cells would be {cell}px")
        left, top = (size - cell * cols) // 2, (size - cell * rows) // 2
        return cls(rows, cols, cell, left - left % 2, top - top % 2)

    @property
    def box(self) -> Box:
        """The whole grid's box (left, top, right, bottom), right/bottom exclusive."""
        return (self.left, self.top, self.left + self.cols * self.cell, self.top + self.rows * self.cell)

    def cell_box(self, cell: Cell, inset: int = 0) -> Box:
        """Box of cell ``(row, col)``, shrunk by ``inset`` pixels on each side."""
        row, col = cell
        x0, y0 = self.left + col * self.cell, self.top + row * self.cell
        return (x0 + inset, y0 + inset, x0 + self.cell - inset, y0 + self.cell - inset)

    def cell_center(self, cell: Cell) -> tuple[float, float]:
        """Centre (x, y) of cell ``(row, col)``."""
        row, col = cell
        return (self.left + (col + 0.5) * self.cell, self.top + (row + 0.5) * self.cell)

    def cell_at(self, x: float, y: float) -> Cell | None:
        """The cell containing pixel (x, y), or None outside the grid."""
        col, row = int((x - self.left) // self.cell), int((y - self.top) // self.cell)
        return (row, col) if 0 <= row < self.rows and 0 <= col < self.cols else None

    def scaled(self, factor: float) -> GridLayout:
        """The same grid on a canvas scaled by ``factor`` (for scorers reading smaller frames)."""
        return GridLayout(self.rows, self.cols, max(1, round(self.cell * factor)),
                          round(self.left * factor), round(self.top * factor))

    def draw_lines(self, draw: ImageDraw.ImageDraw, color=(60, 60, 60), width: int = 2) -> None:
        """Draw the grid's cell borders."""
        left, top, right, bottom = self.box
        for row in range(self.rows + 1):
            y = top + row * self.cell
            draw.line([(left, y), (right, y)], fill=color, width=width)
        for col in range(self.cols + 1):
            x = left + col * self.cell
            draw.line([(x, top), (x, bottom)], fill=color, width=width)

    def fill_cell(self, draw: ImageDraw.ImageDraw, cell: Cell, color, inset: int = 0) -> None:
        """Fill cell ``(row, col)`` with ``color``."""
        x0, y0, x1, y1 = self.cell_box(cell, inset)
        draw.rectangle([x0, y0, x1 - 1, y1 - 1], fill=color)

    def to_dict(self) -> dict[str, int]:
        """JSON-able form, stored in a sample's solution for its scorer."""
        return {"rows": self.rows, "cols": self.cols, "cell": self.cell, "left": self.left, "top": self.top}
