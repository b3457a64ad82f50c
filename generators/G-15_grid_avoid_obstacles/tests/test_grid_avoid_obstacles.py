"""G-15 specifications: the solver, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.media.video import read_video
from vbvr_core.solve.search import grid_neighbours, shortest_path
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g15_grid_avoid_obstacles.generator import GridAvoidObstaclesGenerator

KEY = "G-15_grid_avoid_obstacles"


def test_solver_detours_around_a_wall():
    # 3x3 grid, wall in the middle column except the bottom row: the only route goes around.
    blocked = {(0, 1), (1, 1)}
    path = shortest_path((0, 0), (0, 2), grid_neighbours(3, 3, blocked))
    assert path == [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2)]


def test_solver_reports_unreachable_goal():
    assert shortest_path((0, 0), (2, 2), grid_neighbours(3, 3, {(0, 1), (1, 0), (1, 1)})) is None


def test_unsolvable_grid_is_rejected():
    generator = GridAvoidObstaclesGenerator(1, {"rows": 5, "cols": 5})
    sample = generator.generate()
    sample.solution["path"] = None
    assert any("unsolvable" in problem for problem in generator.validate(sample))


def test_obstacle_on_the_start_cell_is_rejected_as_occlusion():
    generator = GridAvoidObstaclesGenerator(2, {"rows": 6, "cols": 6})
    sample = generator.generate()
    sample.solution["obstacles"].append(sample.solution["start"])
    assert any("occlusion" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="rows"):
        GridAvoidObstaclesGenerator(0, {"rows": 40})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def test_ground_truth_path_is_a_valid_shortest_path(samples):
    for folder in samples:
        solution = json.loads((folder / "metadata.json").read_text())["solution"]
        path = [tuple(cell) for cell in solution["path"]]
        obstacles = {tuple(cell) for cell in solution["obstacles"]}
        assert path[0] == tuple(solution["start"]) and path[-1] == tuple(solution["goal"])
        assert not obstacles & set(path)
        assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in zip(path, path[1:], strict=False))
        rows, cols = solution["layout"]["rows"], solution["layout"]["cols"]
        best = shortest_path(path[0], path[-1], grid_neighbours(rows, cols, obstacles))
        assert len(path) == len(best)


def _walk_video(folder, cells):
    """Render the sample's scene with the agent walking through ``cells`` (for near-miss videos)."""
    from vbvr_core.families.gridwalk.draw import GridWorld

    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    layout = GridLayout(**solution["layout"])
    world = GridWorld(layout, fills={tuple(solution["start"]): (40, 90, 220), tuple(solution["goal"]): (220, 30, 30)},
                      crosses={tuple(c): (0, 0, 0) for c in solution["obstacles"]})
    return list(world.walk(cells, world.agent_sprite(tuple(solution["agent_color"])), 6)[2])


def test_path_through_an_obstacle_scores_below_half(tmp_path):
    # Hand-made instance: a 5x5 grid whose straight route from (0,0) to (0,4) is blocked at (0,2).
    judged = judge_walk([(0, 0), (0, 1), (0, 2), (0, 3), (0, 4)], (0, 0), (0, 4), {(0, 2)}, optimal_steps=6)
    assert judged.value < 0.5 and judged.parts["obstacle_free"] == 0


def test_detour_scores_below_the_optimum(samples, tmp_path):
    folder = samples[0]
    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    path = [tuple(cell) for cell in solution["path"]]
    # Step back and forth once on the way: two extra steps, still legal.
    detour = path[:2] + [path[0]] + path[1:]
    result = score_frames(folder, _walk_video(folder, detour), tmp_path)
    assert 0.5 < result.value < 0.98, result
    assert result.parts["efficiency"] == pytest.approx(solution["optimal_steps"] / (solution["optimal_steps"] + 2))


def test_drawn_instances_are_diverse():
    hashes = {GridAvoidObstaclesGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(40)}
    assert len(hashes) == 40


def test_generator_rejects_unknown_parameter():
    with pytest.raises(ValueError, match="unknown parameter"):
        GridAvoidObstaclesGenerator(0, {"colour": "red"})


def test_frames_are_uint8_rgb_512():
    sample = GridAvoidObstaclesGenerator(3).generate()
    frame = next(iter(sample.trajectory()))
    assert frame.shape == (512, 512, 3) and frame.dtype == np.uint8


def test_ground_truth_at_low_frame_rate_and_other_size_still_scores_high(samples, tmp_path):
    from vbvr_core.media.video import write_video

    clip = read_video(samples[0] / "ground_truth.mp4", size=320, fps=8)
    write_video(tmp_path / "low.mp4", list(clip.frames), fps=8)
    from vbvr_core.judge.run import score_video

    assert score_video(samples[0], tmp_path / "low.mp4").value >= 0.98


def test_two_cell_jump_over_an_obstacle_is_not_bridged():
    from vbvr_core.families.gridwalk.track import bridge_short_jumps

    bridged = bridge_short_jumps([(0, 0), (0, 2)], blocked={(0, 1)})
    assert bridged == [(0, 0), (0, 2)]
    assert judge_walk(bridged, (0, 0), (0, 2), {(0, 1)}, optimal_steps=4).parts["continuity"] == 0
