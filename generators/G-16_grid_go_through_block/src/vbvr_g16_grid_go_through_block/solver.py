"""Shortest walk through every blue block, then onto the goal: BFS over (cell, blocks passed) states.

The goal ends the walk, so the agent may step onto it only once every block has been passed; blocks
may be passed in any order. Ties between equally short walks are broken by the order in which the
four moves are tried (``moves``), so a caller gets different optimal walks from different orders.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vbvr_core.contract.geometry import Cell
from vbvr_core.solve.search import NEIGHBOUR_STEPS, shortest_path

State = tuple[Cell, int]  # (cell, bit mask of the blocks passed)


def block_route(rows: int, cols: int, start: Cell, blocks: Sequence[Cell], goal: Cell,
                moves: Sequence[tuple[int, int]] = NEIGHBOUR_STEPS) -> list[Cell] | None:
    """A shortest walk from ``start`` through every cell of ``blocks`` to ``goal`` on an open
    ``rows``×``cols`` grid (None when there is none), trying the moves in the order ``moves``."""
    full = (1 << len(blocks)) - 1
    index = {tuple(cell): k for k, cell in enumerate(blocks)}

    def neighbours(state: State) -> Iterable[State]:
        (row, col), passed = state
        if (row, col) == goal:
            return
        for d_row, d_col in moves:
            nxt = (row + d_row, col + d_col)
            if not (0 <= nxt[0] < rows and 0 <= nxt[1] < cols) or (nxt == goal and passed != full):
                continue
            yield nxt, passed | (1 << index[nxt]) if nxt in index else passed

    states = shortest_path((tuple(start), 0), (tuple(goal), full), neighbours)
    return None if states is None else [cell for cell, _ in states]


def first_passes(cells: Sequence[Cell], targets: Sequence[Cell], goal: Cell) -> list[Cell]:
    """The ``targets`` a walk of ``cells`` passes before it first reaches ``goal``, in the order first passed."""
    wanted = {tuple(cell) for cell in targets}
    seen: list[Cell] = []
    for cell in cells:
        cell = tuple(cell)
        if cell == tuple(goal):
            break
        if cell in wanted and cell not in seen:
            seen.append(cell)
    return seen

