"""Shortest walk to the key of the door's colour, then onto the door: BFS over (cell, key held) states.

Walls and the keys of other colours are never entered; the door is locked until the matching key is
held, so the agent may step onto it only as its last move. Ties between equally short walks are broken
by the order in which the four moves are tried (``moves``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vbvr_core.contract.geometry import Cell
from vbvr_core.solve.search import NEIGHBOUR_STEPS, shortest_path

State = tuple[Cell, bool]  # (cell, matching key held)


def key_door_route(rows: int, cols: int, walls: set[Cell], start: Cell, key: Cell | None, door: Cell,
                   avoid: Iterable[Cell] = (), moves: Sequence[tuple[int, int]] = NEIGHBOUR_STEPS) -> list[Cell] | None:
    """A shortest walk from ``start`` over ``key`` to ``door`` (straight to the door when ``key`` is None) that
    never enters ``walls`` or ``avoid``; None when there is none."""
    blocked = set(walls) | {tuple(cell) for cell in avoid}
    key = None if key is None else tuple(key)

    def neighbours(state: State) -> Iterable[State]:
        (row, col), held = state
        if (row, col) == door:
            return
        for d_row, d_col in moves:
            nxt = (row + d_row, col + d_col)
            if not (0 <= nxt[0] < rows and 0 <= nxt[1] < cols) or nxt in blocked or (nxt == door and not held):
                continue
            yield nxt, held or nxt == key

    states = shortest_path((tuple(start), key is None), (tuple(door), True), neighbours)
    return None if states is None else [cell for cell, _ in states]
