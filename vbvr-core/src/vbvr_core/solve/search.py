"""Search helpers tasks share: shortest paths on grids and directed graphs, counting optimal paths, shortest
walks that pass chosen cells before their goal."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Sequence

import numpy as np

from vbvr_core.contract.geometry import Cell

NEIGHBOUR_STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1))
Move = tuple[int, int]


def shuffled_moves(rng: np.random.Generator) -> list[Move]:
    """The four moves of :data:`NEIGHBOUR_STEPS` in the order of one ``rng.permutation(4)``: a seeded tie-break
    between equally short walks."""
    return [NEIGHBOUR_STEPS[int(k)] for k in rng.permutation(4)]


def grid_neighbours(rows: int, cols: int, blocked: set[Cell], moves: Sequence[Move] = NEIGHBOUR_STEPS,
                    ) -> Callable[[Cell], Iterable[Cell]]:
    """4-neighbours of a cell that lie inside a ``rows``×``cols`` grid and are not ``blocked``, in the order of
    ``moves``."""

    def neighbours(cell: Cell) -> Iterable[Cell]:
        row, col = cell
        for d_row, d_col in moves:
            nxt = (row + d_row, col + d_col)
            if 0 <= nxt[0] < rows and 0 <= nxt[1] < cols and nxt not in blocked:
                yield nxt

    return neighbours


def bfs_distances(start: Hashable, neighbours: Callable[[Hashable], Iterable[Hashable]]) -> dict:
    """Shortest hop count from ``start`` to every reachable node."""
    distance = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in neighbours(node):
            if nxt not in distance:
                distance[nxt] = distance[node] + 1
                queue.append(nxt)
    return distance


def shortest_path(start: Hashable, goal: Hashable, neighbours: Callable[[Hashable], Iterable[Hashable]]) -> list | None:
    """A shortest path from ``start`` to ``goal`` (both included), or None when unreachable.

    Ties are broken by the order ``neighbours`` yields, so the result is deterministic.
    """
    parent = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])
            return path[::-1]
        for nxt in neighbours(node):
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return None


def collecting_route(start: Cell, targets: Sequence[Cell], goal: Cell, neighbours: Callable[[Cell], Iterable[Cell]],
                     in_order: bool = False) -> list[Cell] | None:
    """A shortest walk from ``start`` that passes every cell of ``targets`` and then steps onto ``goal``, or None.

    Breadth-first search over (cell, progress) states, moving as ``neighbours`` allows (its order breaks ties,
    as in :func:`shortest_path`). ``goal`` ends the walk: it is entered only once every target is passed, and
    never left. Targets are passed in any order, or with ``in_order`` in the order given: a target may then
    be entered only when it is the next one due or already passed (stepping on a later one first would take
    it out of turn).
    """
    rank = {tuple(cell): k for k, cell in enumerate(targets)}
    goal, done = tuple(goal), len(targets) if in_order else (1 << len(targets)) - 1

    def steps(state: tuple[Cell, int]) -> Iterable[tuple[Cell, int]]:
        cell, progress = state
        if cell == goal:
            return
        for nxt in neighbours(cell):
            k = rank.get(nxt)
            if (nxt == goal and progress != done) or (in_order and k is not None and k > progress):
                continue
            if in_order:
                yield nxt, progress + 1 if k == progress else progress
            else:
                yield nxt, progress if k is None else progress | (1 << k)

    states = shortest_path((tuple(start), 0), (goal, done), steps)
    return None if states is None else [cell for cell, _ in states]


def count_shortest_paths(start: Hashable, goal: Hashable, neighbours: Callable[[Hashable], Iterable[Hashable]],
                         limit: int = 1_000_000) -> int:
    """Number of distinct shortest paths from ``start`` to ``goal`` (0 if unreachable), capped at ``limit``."""
    distance = bfs_distances(start, neighbours)
    ways = dict.fromkeys(distance, 0) | {start: 1}
    for node in distance:  # breadth-first order: a node's ways are all in before it passes them on
        for nxt in neighbours(node):
            if distance[nxt] == distance[node] + 1:
                ways[nxt] = min(limit, ways[nxt] + ways[node])
    return ways.get(goal, 0)


def bidirectional_shortest_path(start: Hashable, goal: Hashable, neighbours: Callable[[Hashable], Iterable[Hashable]],
                                max_depth: int) -> list | None:
    """A shortest path from ``start`` to ``goal`` (both included) of at most ``max_depth`` steps, or None.

    For move graphs too large for :func:`shortest_path` (puzzle states): breadth-first search from both
    ends, one level at a time from the side with the smaller frontier; the first level at which the two
    searches meet holds a shortest path. ``neighbours`` must be symmetric (every move can be undone).
    Ties are broken by discovery order, so the result is deterministic.
    """
    if start == goal:
        return [start]
    parents: list[dict] = [{start: None}, {goal: None}]
    depths: list[dict] = [{start: 0}, {goal: 0}]
    frontiers: list[list] = [[start], [goal]]
    levels = [0, 0]
    while frontiers[0] and frontiers[1] and levels[0] + levels[1] < max_depth:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        levels[side] += 1
        found = []
        for node in frontiers[side]:
            for nxt in neighbours(node):
                if nxt not in parents[side]:
                    parents[side][nxt] = node
                    depths[side][nxt] = levels[side]
                    found.append(nxt)
        frontiers[side] = found
        meetings = [node for node in found if node in parents[1 - side]]
        if meetings:
            meet = min(meetings, key=lambda node: depths[1 - side][node])
            return _walk_back(parents[0], meet)[::-1] + _walk_back(parents[1], parents[1][meet])
    return None


def _walk_back(parents: dict, node: Hashable | None) -> list:
    """``node`` and its ancestors in ``parents``, nearest first."""
    path = []
    while node is not None:
        path.append(node)
        node = parents[node]
    return path
