"""solve.search: the bidirectional search agrees with plain breadth-first search and respects its depth cap."""

from __future__ import annotations

from vbvr_core.solve.search import bidirectional_shortest_path, grid_neighbours, shortest_path


def test_bidirectional_search_finds_a_shortest_path_within_the_cap():
    neighbours = grid_neighbours(6, 6, {(1, 1), (2, 1), (3, 1), (1, 3), (2, 3), (3, 3), (4, 3)})
    plain = shortest_path((0, 0), (5, 5), neighbours)
    found = bidirectional_shortest_path((0, 0), (5, 5), neighbours, max_depth=20)
    assert found[0] == (0, 0) and found[-1] == (5, 5) and len(found) == len(plain)
    assert all(b in set(neighbours(a)) for a, b in zip(found, found[1:], strict=False))
    assert bidirectional_shortest_path((0, 0), (5, 5), neighbours, max_depth=len(plain) - 2) is None
    assert bidirectional_shortest_path((2, 2), (2, 2), neighbours, max_depth=0) == [(2, 2)]
