"""Sliding-puzzle states, moves, scrambles and optimal solutions.

A state is a tuple of ``side²`` tile numbers in reading order, 0 for the empty space. A move slides a
tile next to the empty space into it (the empty space and that tile swap). The goal reads 1, 2, …,
side²−1 with the empty space last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
from vbvr_core.contract.geometry import Cell
from vbvr_core.solve.search import bidirectional_shortest_path, grid_neighbours

State = tuple[int, ...]


def goal_state(side: int) -> State:
    """Tiles 1..side²−1 in reading order, the empty space at the bottom right."""
    return tuple(range(1, side * side)) + (0,)


def blank_cell(state: State, side: int) -> Cell:
    """(row, col) of the empty space."""
    return divmod(state.index(0), side)


def slide(state: State, side: int, cell: Cell) -> State:
    """The state after the tile at ``cell`` (next to the empty space) slides into it."""
    blank, tile = state.index(0), cell[0] * side + cell[1]
    if abs(blank // side - cell[0]) + abs(blank % side - cell[1]) != 1:
        raise ValueError(f"tile at {cell} is not next to the empty space at {divmod(blank, side)}")
    values = list(state)
    values[blank], values[tile] = values[tile], 0
    return tuple(values)


def successors(side: int) -> Callable[[State], Iterator[State]]:
    """A neighbour function for :func:`vbvr_core.solve.search.shortest_path`: every state one slide away."""
    beside = grid_neighbours(side, side, set())  # the cells next to a cell, inside the board
    return lambda state: (slide(state, side, cell) for cell in beside(blank_cell(state, side)))


def scramble(side: int, moves: int, rng: np.random.Generator) -> State:
    """The goal after ``moves`` random slides, never undoing the slide just made."""
    state, previous = goal_state(side), None
    for _ in range(moves):
        options = [nxt for nxt in successors(side)(state) if nxt != previous]
        previous, state = state, options[int(rng.integers(0, len(options)))]
    return state


def solve(state: State, side: int, max_moves: int) -> list[State] | None:
    """A shortest sequence of states from ``state`` to the goal (both included), or None if it needs more than
    ``max_moves`` slides (or the goal is unreachable): a bidirectional breadth-first search."""
    return bidirectional_shortest_path(state, goal_state(side), successors(side), max_moves)


def replay(state: State, side: int, walk: list[Cell]) -> State:
    """The state after the empty space walks ``walk`` (its first cell is where it starts; steps must be single)."""
    for cell in walk[1:]:
        state = slide(state, side, tuple(cell))
    return state
