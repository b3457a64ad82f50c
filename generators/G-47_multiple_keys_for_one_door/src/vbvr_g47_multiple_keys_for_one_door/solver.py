"""Shortest key-collecting route: BFS over (cell, keys collected) states.

The door is locked until every key is held, so the agent may step onto the door cell only as its
last move. Keys are picked up by stepping on their cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from vbvr_core.contract.geometry import Cell
from vbvr_core.solve.search import count_shortest_paths, shortest_path

State = tuple[Cell, int]  # (cell, bit mask of keys collected)


def state_neighbours(
    floor: Callable[[Cell], Iterable[Cell]], keys: Sequence[Cell], door: Cell
) -> Callable[[State], Iterable[State]]:
    """Moves between states: a step to a floor neighbour, picking up a key there; the door only when all are held."""
    full = (1 << len(keys)) - 1
    index = {cell: k for k, cell in enumerate(keys)}

    def neighbours(state: State) -> Iterable[State]:
        cell, held = state
        if cell == door:
            return
        for nxt in floor(cell):
            if nxt == door and held != full:
                continue
            yield nxt, held | (1 << index[nxt]) if nxt in index else held

    return neighbours


def key_route(
    floor: Callable[[Cell], Iterable[Cell]], start: Cell, keys: Sequence[Cell], door: Cell
) -> tuple[list[Cell] | None, int]:
    """A shortest route from ``start`` through every key to ``door`` (None if none) and how many there are."""
    neighbours = state_neighbours(floor, keys, door)
    first = (start, 0)
    goal = (door, (1 << len(keys)) - 1)
    states = shortest_path(first, goal, neighbours)
    if states is None:
        return None, 0
    return [cell for cell, _ in states], count_shortest_paths(first, goal, neighbours)
