"""Type aliases for positions on the canvas, shared by drawing and judging."""

Point = tuple[float, float]
"""An (x, y) position in pixels (may be fractional)."""

Box = tuple[int, int, int, int]
"""A pixel box (left, top, right, bottom), right and bottom exclusive."""

Cell = tuple[int, int]
"""A grid cell (row, column)."""
