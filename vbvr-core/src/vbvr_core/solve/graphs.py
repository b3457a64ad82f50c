"""Graphs given as edge lists on nodes ``0 … count − 1``: their neighbour functions for ``solve.search`` and the
edges that make them connected."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

Edge = tuple[int, int]


def neighbour_table(count: int, edges: Iterable[Edge], directed: bool = True) -> Callable[[int], list[int]]:
    """The neighbour function of the graph on nodes ``0 … count − 1`` with ``edges`` (a, b): each node's list of the
    nodes its edges lead to, ascending (so a search over it is deterministic), as ``solve.search`` takes it. With
    ``directed=False`` every edge also leads back from b to a."""
    pairs = list(edges)
    if not directed:
        pairs += [(b, a) for a, b in pairs]
    table = {k: sorted(b for a, b in pairs if a == k) for k in range(count)}
    return table.__getitem__


def connecting_edges(count: int, edges: Sequence[Edge], candidates: Iterable[Edge]) -> list[Edge]:
    """``edges`` followed by those ``candidates``, in their order, that join two parts of the graph on nodes
    ``0 … count − 1`` not yet joined (directions ignored; Kruskal's rule without weights). The result connects all
    nodes whenever ``edges`` and ``candidates`` together do, and adds no edge within a part already connected."""
    parent = list(range(count))

    def find(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    joined = list(edges)
    for a, b in joined:
        parent[find(a)] = find(b)
    for a, b in candidates:
        if find(a) != find(b):
            joined.append((a, b))
            parent[find(a)] = find(b)
    return joined
