"""G-15 specifications: the solver, the instances the generator rejects, the ground truth and near misses."""

from __future__ import annotations

import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import bridge_short_jumps
from vbvr_core.judge.alternatives import declared, recreate
from vbvr_core.media.video import held
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.solve.search import grid_neighbours, shortest_path
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g15_grid_avoid_obstacles.generator import (
    GOAL_COLOR,
    START_COLOR,
    GridAvoidObstaclesGenerator,
    Solution,
    obstacle_between,
)


def rejections(params: dict, seeds: range) -> list[str]:
    """The reasons the generator gives for the seeds whose instance it rejects."""
    reasons = []
    for seed in seeds:
        try:
            GridAvoidObstaclesGenerator(seed, params).generate()
        except Reject as rejection:
            reasons.append(str(rejection))
    return reasons


def test_solver_detours_around_a_wall():
    # 3x3 grid, wall in the middle column except the bottom row: the only route goes around.
    path = shortest_path((0, 0), (0, 2), grid_neighbours(3, 3, {(0, 1), (1, 1)}))
    assert path == [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2)]


def test_solver_reports_unreachable_goal():
    assert shortest_path((0, 0), (2, 2), grid_neighbours(3, 3, {(0, 1), (1, 0), (1, 1)})) is None


def test_dense_grids_are_rejected_as_unsolvable():
    reasons = rejections({"obstacle_density": 0.4, "min_distance": 12}, range(40))
    assert any(reason.startswith("unsolvable") for reason in reasons)


def test_an_obstacle_between_start_and_goal_is_required():
    assert obstacle_between((0, 0), (2, 2), {(1, 1)})
    assert not obstacle_between((0, 0), (2, 2), {(3, 3), (0, 4)})


def test_min_distance_grows_with_the_stratum():
    drawn = {level: {GridAvoidObstaclesGenerator(seed, {"difficulty": level}).params.min_distance for seed in range(30)}
             for level in range(3)}
    assert max(drawn[0]) <= min(drawn[1]) and max(drawn[1]) <= min(drawn[2])


class TestContract(SampleContract):
    key = "G-15_grid_avoid_obstacles"

    def test_each_official_evaluator_cell_lies_inside_one_of_ours(self, samples):
        # Issue 16: the official evaluator reads cell (r, c) as the frame's tenths shrunk by 10 px; a 5x5-10x10
        # grid with a 32 px margin (0.1.2) straddled them, the walk changed their colour and its grid gate gave 0.
        for folder in samples:
            layout = GridLayout(**Solution.model_validate(load_record(folder).solution).layout)
            assert (layout.rows, layout.cols) == (10, 10)
            for k in range(10):
                x0, x1 = k * 512 // 10 + 10, (k + 1) * 512 // 10 - 10
                assert layout.cell_at(x0, x0) == layout.cell_at(x1, x1) == (k, k)

    def test_ground_truth_path_is_a_valid_shortest_path(self, samples):
        for folder in samples:
            solution = Solution.model_validate(load_record(folder).solution)
            path, obstacles = solution.path, set(solution.obstacles)
            assert path[0] == solution.start and path[-1] == solution.goal
            assert not obstacles & set(path)
            assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in zip(path, path[1:], strict=False))
            best = shortest_path(path[0], path[-1], grid_neighbours(solution.layout["rows"], solution.layout["cols"],
                                                                    obstacles))
            assert len(path) == len(best)

    def test_another_shortest_route_is_declared_and_scores_high(self, samples, tmp_path):
        routes = 0
        for folder in samples:
            made = recreate(folder, self.params)
            solution = made.sample.solution
            for name, source in declared(made.generator, made.sample, "alternatives").items():
                routes += 1
                assert score_frames(folder, list(source()), tmp_path, f"{folder.name}-{name}.mp4").value >= 0.95
            if solution.shortest_paths == 1:  # the instance has no other route to offer
                assert not declared(made.generator, made.sample, "alternatives")
        assert routes, "no sample offered another shortest route"

    def test_detour_scores_below_the_optimum(self, samples, tmp_path):
        folder = samples[0]
        solution = Solution.model_validate(load_record(folder).solution)
        # Step back and forth once on the way: two extra steps, still legal.
        detour = solution.path[:2] + [solution.path[0]] + solution.path[1:]
        world = GridWorld(GridLayout(**solution.layout), fills={solution.start: START_COLOR, solution.goal: GOAL_COLOR},
                          crosses={cell: (0, 0, 0) for cell in solution.obstacles})
        frames = list(held(world.walk(detour, world.agent_sprite(solution.agent_color), 6)[2], 6))
        result = score_frames(folder, frames, tmp_path)
        assert 0.5 < result.value < 0.98, result
        assert result.parts["efficiency"] == pytest.approx(solution.optimal_steps / (solution.optimal_steps + 2))


def test_path_through_an_obstacle_scores_below_half():
    # Hand-made instance: a 5x5 grid whose straight route from (0,0) to (0,4) is blocked at (0,2).
    judged = judge_walk([(0, 0), (0, 1), (0, 2), (0, 3), (0, 4)], (0, 0), (0, 4), {(0, 2)}, optimal_steps=6)
    assert judged.value < 0.5 and judged.parts["obstacle_free"] == 0


def test_two_cell_jump_over_an_obstacle_is_not_bridged():
    bridged = bridge_short_jumps([(0, 0), (0, 2)], blocked={(0, 1)})
    assert bridged == [(0, 0), (0, 2)]
    assert judge_walk(bridged, (0, 0), (0, 2), {(0, 1)}, optimal_steps=4).parts["continuity"] == 0
