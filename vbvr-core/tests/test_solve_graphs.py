"""solve.graphs: neighbour functions from edge lists, and the candidate edges that connect a graph."""

from __future__ import annotations

from vbvr_core.solve.graphs import connecting_edges, neighbour_table
from vbvr_core.solve.search import bfs_distances, shortest_path


def test_neighbour_table_follows_edges_sorted_and_both_ways_when_undirected():
    edges = [(0, 2), (0, 1), (2, 3), (3, 0)]
    successors, undirected = neighbour_table(5, edges), neighbour_table(5, edges, directed=False)
    assert successors(0) == [1, 2] and successors(1) == [] and successors(4) == []
    assert undirected(0) == [1, 2, 3] and undirected(3) == [0, 2]
    assert shortest_path(3, 1, successors) == [3, 0, 1] and shortest_path(1, 3, successors) is None
    assert bfs_distances(1, undirected) == {1: 0, 0: 1, 2: 2, 3: 2}


def test_connecting_edges_adds_only_candidates_that_join_two_parts():
    edges = [(0, 1), (2, 3)]
    candidates = [(1, 0), (1, 2), (0, 3), (4, 5), (3, 4)]
    joined = connecting_edges(6, edges, candidates)
    assert joined == [(0, 1), (2, 3), (1, 2), (4, 5), (3, 4)]
    assert len(bfs_distances(0, neighbour_table(6, joined, directed=False))) == 6
    assert connecting_edges(4, [(0, 1)], [(2, 3)]) == [(0, 1), (2, 3)]  # no candidate joins {0, 1} to {2, 3}
    assert connecting_edges(3, [], []) == []
