"""Block mazes: a grid whose cells are either open floor or wall, carved from a seeded RNG.

A maze of ``rows``×``cols`` *rooms* lives on a block grid of ``(2·rows+1)×(2·cols+1)`` cells: rooms sit
at odd coordinates, the cells between two rooms are either wall or an opened passage, and the border
is wall. :func:`perfect_maze` carves a spanning tree (exactly one route between any two open cells);
:func:`add_loops` then opens extra passages so that routes can differ in length (for tasks where the
order of visits matters).
"""

from __future__ import annotations

import numpy as np

from vbvr_core.contract.geometry import Cell


def perfect_maze(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    """Boolean open-cell grid of shape ``(2·rows+1, 2·cols+1)`` carved by a randomised depth-first search.

    Every room is reachable from every other by exactly one simple path.
    """
    if rows < 1 or cols < 1:
        raise ValueError(f"a maze needs at least 1x1 rooms, got {rows}x{cols}")
    grid = np.zeros((2 * rows + 1, 2 * cols + 1), dtype=bool)
    start = (int(rng.integers(0, rows)), int(rng.integers(0, cols)))
    grid[2 * start[0] + 1, 2 * start[1] + 1] = True
    stack = [start]
    while stack:
        row, col = stack[-1]
        options = [
            (row + dr, col + dc)
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
            if 0 <= row + dr < rows and 0 <= col + dc < cols and not grid[2 * (row + dr) + 1, 2 * (col + dc) + 1]
        ]
        if not options:
            stack.pop()
            continue
        nxt = options[int(rng.integers(0, len(options)))]
        grid[row + nxt[0] + 1, col + nxt[1] + 1] = True  # the passage between the two rooms
        grid[2 * nxt[0] + 1, 2 * nxt[1] + 1] = True
        stack.append(nxt)
    return grid


def closed_passages(grid: np.ndarray) -> list[Cell]:
    """Wall cells that separate two rooms (odd/even coordinates inside the border): candidates for loops."""
    height, width = grid.shape
    return [(r, c) for r in range(1, height - 1) for c in range(1, width - 1) if not grid[r, c] and (r % 2) != (c % 2)]


def add_loops(rng: np.random.Generator, grid: np.ndarray, count: int) -> np.ndarray:
    """A copy of ``grid`` with ``count`` (at most all) randomly chosen closed passages opened."""
    candidates = closed_passages(grid)
    out = grid.copy()
    if not candidates:
        return out
    for index in rng.choice(len(candidates), size=min(count, len(candidates)), replace=False):
        out[candidates[int(index)]] = True
    return out


def open_cells(grid: np.ndarray) -> list[Cell]:
    """Open cells in row-major order."""
    return [(int(r), int(c)) for r, c in zip(*np.nonzero(grid), strict=False)]


def wall_cells(grid: np.ndarray) -> list[Cell]:
    """Wall cells in row-major order."""
    return [(int(r), int(c)) for r, c in zip(*np.nonzero(~grid), strict=False)]


def room_cells(grid: np.ndarray) -> list[Cell]:
    """Open cells at odd coordinates (rooms, not passages), row-major."""
    return [cell for cell in open_cells(grid) if cell[0] % 2 == 1 and cell[1] % 2 == 1]
