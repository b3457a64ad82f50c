"""G-41 specifications: the route solver, rejections, the ground truth, and wrong or short walks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g41_grid_highest_cost.generator import (
    AGENT_COLOR,
    GridHighestCostGenerator,
    Solution,
    cost_world,
    greedy_route,
    route_cells,
    route_totals,
)

KEY = "G-41_grid_highest_cost"


def test_every_shortest_route_is_enumerated_once():
    routes = route_cells((3, 0), (0, 2))
    assert len(routes) == 10 and len({tuple(map(tuple, r)) for r in routes}) == 10
    for route in routes:
        assert tuple(route[0]) == (3, 0) and tuple(route[-1]) == (0, 2)
        assert all(np.abs(a - b).sum() == 1 for a, b in zip(route, route[1:], strict=False))


def test_route_totals_and_greedy_walk():
    costs = np.array([[0, 1, 9], [5, 1, 1], [1, 1, 0]])
    routes = route_cells((0, 0), (2, 2))
    totals = route_totals(costs, routes)
    best = [tuple(map(int, c)) for c in routes[int(np.argmax(totals))]]
    assert totals.max() == 11 and best == [(0, 0), (0, 1), (0, 2), (1, 2), (2, 2)]
    # The greedy walk steps onto the 5 first and misses the 9.
    assert greedy_route(costs, (0, 0), (2, 2))[1] == (1, 0)


def test_an_impossible_offset_is_rejected():
    with pytest.raises(Reject, match="apart"):
        GridHighestCostGenerator(0, {"rows": 4, "cols": 4, "min_offset": 4}).generate()


def test_drawn_instances_are_clear_at_every_difficulty():
    for seed in range(9):
        try:
            sample = GridHighestCostGenerator(seed, {"difficulty": seed % 3}).generate()
        except Reject:
            continue
        solution, p = sample.solution, sample.params
        assert solution.best_total - solution.runner_up_total >= p.margin
        if p.greedy_trap:
            assert greedy_route(np.asarray(solution.costs), solution.start, solution.goal) != solution.path


def walk_video(folder, cells):
    """The sample's scene with the agent walking through ``cells`` and resting ½ s at the end."""
    solution = Solution.model_validate(load_record(folder).solution)
    world = cost_world(GridLayout(**solution.layout), solution.costs, solution.start, solution.goal)
    frames = list(world.walk(cells, world.agent_sprite(AGENT_COLOR), 6)[2])
    return frames + frames[-1:] * 12


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 0}  # small grids, short walks: the same checks at half the cost

    def test_ground_truth_is_the_dearest_shortest_route(self, samples):
        for folder in samples:
            solution = Solution.model_validate(load_record(folder).solution)
            costs = np.asarray(solution.costs)
            totals = route_totals(costs, route_cells(solution.start, solution.goal))
            assert sum(costs[r, c] for r, c in solution.path) == solution.best_total == totals.max()
            assert (totals == totals.max()).sum() == 1

    def test_runner_up_route_scores_zero(self, samples, tmp_path):
        folder = samples[0]
        solution = Solution.model_validate(load_record(folder).solution)
        routes = route_cells(solution.start, solution.goal)
        totals = route_totals(np.asarray(solution.costs), routes)
        runner = [tuple(map(int, c)) for c in routes[np.argsort(-totals, kind="stable")[1]]]
        result = score_frames(folder, walk_video(folder, runner), tmp_path)
        assert result.value == 0 and result.parts["highest_cost"] == 0

    def test_walk_that_stops_short_scores_zero(self, samples, tmp_path):
        folder = samples[1]
        path = Solution.model_validate(load_record(folder).solution).path
        assert score_frames(folder, walk_video(folder, path[:-1]), tmp_path).value == 0
