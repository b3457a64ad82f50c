"""Directed graphs laid out on a jittered lattice: nodes, arrow edges, distances and geometry checks.

Edges join lattice neighbours (and at most one diagonal per lattice square), so no edge passes
through a node and no two edges cross; :func:`layout_problems` re-checks both on the drawn geometry.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from vbvr_core.contract.geometry import Point
from vbvr_core.plane import point_segment_distance, segments_cross

Edge = tuple[int, int]


@dataclass(frozen=True)
class DirectedGraph:
    """Node centres (canvas pixels) and directed edges (source, target) between node indices."""

    nodes: list[Point]
    edges: list[Edge]

    def successors(self) -> Callable[[int], Iterable[int]]:
        """Neighbour function along edge directions (sorted, so searches are deterministic)."""
        return self._neighbours(self.edges)

    def undirected(self) -> Callable[[int], Iterable[int]]:
        """Neighbour function ignoring edge directions (sorted)."""
        return self._neighbours(self.edges + [(b, a) for a, b in self.edges])

    def _neighbours(self, pairs: list[Edge]) -> Callable[[int], Iterable[int]]:
        table = {k: sorted(b for a, b in pairs if a == k) for k in range(len(self.nodes))}
        return table.__getitem__

    def to_dict(self) -> dict:
        """JSON-able form for the sample's solution."""
        return {"nodes": [[round(x, 2), round(y, 2)] for x, y in self.nodes], "edges": [list(e) for e in self.edges]}


def lattice_graph(
    rng: np.random.Generator,
    rows: int,
    cols: int,
    missing: int,
    density: float,
    diagonal_share: float,
    size: int = 512,
    margin: int = 64,
    jitter: float = 0.12,
) -> DirectedGraph:
    """A connected directed graph on a ``rows``×``cols`` jittered lattice with ``missing`` slots left empty.

    Each lattice edge is kept with probability ``density`` (edges are added back until the graph is
    connected when directions are ignored); each kept edge points one way, chosen at random.
    """
    step_x = (size - 2 * margin) / (cols - 1)
    step_y = (size - 2 * margin) / (rows - 1)
    slots = [(r, c) for r in range(rows) for c in range(cols)]
    dropped = {slots[int(k)] for k in rng.choice(len(slots), size=missing, replace=False)}
    kept = [slot for slot in slots if slot not in dropped]
    index = {slot: k for k, slot in enumerate(kept)}
    nodes = [
        (
            margin + c * step_x + rng.uniform(-jitter, jitter) * step_x,
            margin + r * step_y + rng.uniform(-jitter, jitter) * step_y,
        )
        for r, c in kept
    ]
    candidates: list[Edge] = []
    for r, c in kept:  # right, down, and sometimes one diagonal of the square below-right
        pairs = [((r, c), (r, c + 1)), ((r, c), (r + 1, c))]
        if rng.random() < diagonal_share:
            pairs.append(((r, c), (r + 1, c + 1)) if rng.random() < 0.5 else ((r, c + 1), (r + 1, c)))
        candidates += [(index[a], index[b]) for a, b in pairs if a in index and b in index]
    chosen = [edge for edge in candidates if rng.random() < density]
    parent = list(range(len(nodes)))

    def find(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for a, b in chosen:
        parent[find(a)] = find(b)
    for a, b in candidates:  # reconnect components with left-out candidates, in drawn order
        if find(a) != find(b):
            chosen.append((a, b))
            parent[find(a)] = find(b)
    edges = [(a, b) if rng.random() < 0.5 else (b, a) for a, b in chosen]
    return DirectedGraph(nodes, sorted(edges))


def layout_problems(graph: DirectedGraph, radius: float, clearance: float = 10.0) -> list[str]:
    """Clutter in the drawing: nodes too close, an edge grazing a node it does not join, crossing edges."""
    nodes = graph.nodes
    problems = [f"cluttered: two nodes are {math.dist(a, b):.0f}px apart (< {3 * radius:.0f})"
                for a, b in combinations(nodes, 2) if math.dist(a, b) < 3 * radius]
    problems += [f"occlusion: edge {a}->{b} passes over node {k}" for a, b in graph.edges for k, node in enumerate(nodes)
                 if k not in (a, b) and point_segment_distance(node, nodes[a], nodes[b]) < radius + clearance]
    problems += [f"cluttered: edges {a}->{b} and {c}->{d} cross" for (a, b), (c, d) in combinations(graph.edges, 2)
                 if len({a, b, c, d}) == 4 and segments_cross(nodes[a], nodes[b], nodes[c], nodes[d])]
    return problems

