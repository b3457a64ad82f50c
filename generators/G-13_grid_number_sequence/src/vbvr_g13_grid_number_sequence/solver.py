"""Shortest walk over the numbered cells in ascending order, then onto the goal: BFS over (cell, next number).

A numbered cell may be entered only when its number is the next one due or has been visited already
(stepping on a later number first visits it out of order); the goal ends the walk, so it may be
entered only after the last number. Ties between equally short walks are broken by the order in which
the four moves are tried (``moves``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vbvr_core.contract.geometry import Cell
from vbvr_core.solve.search import NEIGHBOUR_STEPS, shortest_path

State = tuple[Cell, int]  # (cell, how many numbers have been visited)


def sequence_route(rows: int, cols: int, start: Cell, numbered: Sequence[Cell], goal: Cell,
                   avoid: Iterable[Cell] = (), moves: Sequence[tuple[int, int]] = NEIGHBOUR_STEPS) -> list[Cell] | None:
    """A shortest walk from ``start`` over ``numbered`` in that order to ``goal`` on an open ``rows``×``cols``
    grid, never entering ``avoid`` nor a number before its turn; None when there is none."""
    order = {tuple(cell): k for k, cell in enumerate(numbered)}
    blocked = {tuple(cell) for cell in avoid}
    last = len(numbered)

    def neighbours(state: State) -> Iterable[State]:
        (row, col), done = state
        if (row, col) == goal:
            return
        for d_row, d_col in moves:
            nxt = (row + d_row, col + d_col)
            if not (0 <= nxt[0] < rows and 0 <= nxt[1] < cols) or nxt in blocked:
                continue
            if nxt == goal and done != last:
                continue
            rank = order.get(nxt)
            if rank is not None and rank > done:
                continue
            yield nxt, done + 1 if rank == done else done

    states = shortest_path((tuple(start), 0), (tuple(goal), last), neighbours)
    return None if states is None else [cell for cell, _ in states]


def visit_order(cells: Sequence[Cell], numbered: Sequence[Cell], goal: Cell) -> list[int]:
    """The numbers (1-based) a walk of ``cells`` first visits before it first reaches ``goal``, in visiting order."""
    rank = {tuple(cell): k + 1 for k, cell in enumerate(numbered)}
    seen: list[int] = []
    for cell in cells:
        cell = tuple(cell)
        if cell == tuple(goal):
            break
        if cell in rank and rank[cell] not in seen:
            seen.append(rank[cell])
    return seen


def correct_prefix(order: Sequence[int]) -> int:
    """How many numbers, from 1 on, a visiting ``order`` takes in turn before its first mistake."""
    count = 0
    for number in order:
        if number != count + 1:
            break
        count += 1
    return count
