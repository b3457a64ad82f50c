"""O-39 specifications: the maze and solver, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.media.video import held
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.pipeline.seeds import rng
from vbvr_core.solve.maze import add_loops, perfect_maze, room_cells, wall_cells
from vbvr_core.solve.search import count_shortest_paths, grid_neighbours, shortest_path
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import make_samples, score_frames
from vbvr_o39_maze.generator import MazeGenerator, MazeScene, _is_tree

KEY = "O-39_maze"


def test_perfect_maze_is_a_tree_reaching_every_room():
    grid = perfect_maze(rng(5), 6, 6)
    assert grid.shape == (13, 13) and _is_tree(grid)
    assert len(room_cells(grid)) == 36 and not grid[0].any() and not grid[:, -1].any()


def test_maze_with_loops_is_not_a_tree():
    grid = add_loops(rng(5), perfect_maze(rng(5), 6, 6), 4)
    assert not _is_tree(grid)


def test_solver_follows_the_corridor_of_a_hand_made_maze():
    # 5x5 block grid, rooms at odd coordinates; the passage between (1,1) and (1,3) is closed,
    # so the only route goes down, across and up.
    grid = np.zeros((5, 5), dtype=bool)
    for cell in [(1, 1), (2, 1), (3, 1), (3, 2), (3, 3), (2, 3), (1, 3)]:
        grid[cell] = True
    assert _is_tree(grid)
    neighbours = grid_neighbours(5, 5, set(wall_cells(grid)))
    assert shortest_path((1, 1), (1, 3), neighbours) == [(1, 1), (2, 1), (3, 1), (3, 2), (3, 3), (2, 3), (1, 3)]
    assert count_shortest_paths((1, 1), (1, 3), neighbours) == 1


def test_maze_with_a_loop_is_rejected_as_ambiguous():
    generator = MazeGenerator(1, {"rooms": 5})
    sample = generator.generate()
    sample.solution["tree"] = False
    assert any("ambiguous" in problem for problem in generator.validate(sample))


def test_start_on_a_wall_is_rejected_as_occlusion():
    generator = MazeGenerator(2, {"rooms": 5})
    sample = generator.generate()
    sample.solution["walls"].append(sample.solution["start"])
    assert any("occlusion" in problem for problem in generator.validate(sample))


def test_route_longer_than_the_bound_is_rejected():
    generator = MazeGenerator(3, {"rooms": 8, "max_route": 12, "min_route": 6})
    sample = generator.generate()
    assert sample.solution["optimal_steps"] <= 12 or any("outside" in p for p in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="rooms"):
        MazeGenerator(0, {"rooms": 30})


def test_generator_rejects_unknown_parameter():
    with pytest.raises(ValueError, match="unknown parameter"):
        MazeGenerator(0, {"walls": "red"})


class TestContract(SampleContract):
    key = KEY
    seed = 2  # its first sample is a short video: the noise baseline's encode dominates the run


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return make_samples(KEY, tmp_path_factory.mktemp("o39"), count=3, seed=7)


def test_ground_truth_videos_last_at_most_140_frames(samples):
    assert all(load_record(folder).video.frames <= 140 for folder in samples)


def _solution(folder):
    return json.loads((folder / "metadata.json").read_text())["solution"]


def test_ground_truth_route_is_the_unique_corridor_route(samples):
    for folder in samples:
        solution = _solution(folder)
        walls = {tuple(cell) for cell in solution["walls"]}
        path = [tuple(cell) for cell in solution["path"]]
        assert not walls & set(path) and solution["routes"] == 1
        assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in zip(path, path[1:], strict=False))


def _walk_frames(folder, cells):
    solution = _solution(folder)
    scene = MazeScene(
        GridLayout(**solution["layout"]),
        [tuple(c) for c in solution["walls"]],
        tuple(solution["goal"]),
        (255, 255, 255),
        tuple(solution["trail_color"]),
    )
    return list(held(scene.frames(cells, 3), 6))


def test_walk_through_walls_scores_below_half(samples, tmp_path):
    folder = samples[0]
    solution = _solution(folder)
    (r0, c0), (r1, c1) = solution["start"], solution["goal"]
    straight = [(r, c0) for r in range(r0, r1, 1 if r1 > r0 else -1)]
    straight += [(r1, c) for c in range(c0, c1 + (1 if c1 >= c0 else -1), 1 if c1 >= c0 else -1)]
    assert {tuple(c) for c in solution["walls"]} & set(straight)
    result = score_frames(folder, _walk_frames(folder, straight), tmp_path)
    assert result.value < 0.5 and result.parts["obstacle_free"] == 0


def test_dead_end_excursion_costs_efficiency(samples, tmp_path):
    folder = samples[0]
    solution = _solution(folder)
    path = [tuple(cell) for cell in solution["path"]]
    walls = {tuple(cell) for cell in solution["walls"]}
    rows = solution["layout"]["rows"]
    for index, cell in enumerate(path[:-1]):
        side = [n for n in grid_neighbours(rows, rows, walls)(cell) if n not in path]
        if side:
            walk = path[: index + 1] + [side[0], cell] + path[index + 1 :]
            break
    result = score_frames(folder, _walk_frames(folder, walk), tmp_path)
    assert 0.5 < result.value < 0.98 and result.parts["obstacle_free"] == 1


def test_drawn_instances_are_diverse():
    hashes = {MazeGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30


def test_two_cell_hops_are_bridged_only_over_open_floor():
    from vbvr_core.families.gridwalk.track import bridge_short_jumps

    walls = {(1, 2), (2, 1)}
    assert bridge_short_jumps([(1, 1), None, (1, 3)], {(0, 0)}) == [(1, 1), None, (1, 2), (1, 3)]
    assert bridge_short_jumps([(1, 1), (1, 3)], walls) == [(1, 1), (1, 3)]  # the middle is a wall
    assert bridge_short_jumps([(1, 1), (2, 2)], {(2, 1)}) == [(1, 1), (1, 2), (2, 2)]  # round the open corner
    assert bridge_short_jumps([(1, 1), (2, 2)], walls) == [(1, 1), (2, 2)]
    assert bridge_short_jumps([(1, 1), (1, 4)], set()) == [(1, 1), (1, 4)]  # three cells: a jump


def test_centre_tracker_sees_the_agent_between_cells_and_ignores_noise(samples):
    from vbvr_core.families.gridwalk.track import agent_cells_by_centre
    from vbvr_core.media.video import VideoClip
    from vbvr_core.pipeline.seeds import rng as make_rng

    solution = _solution(samples[0])
    layout = GridLayout(**solution["layout"])
    path = [tuple(cell) for cell in solution["path"]]
    frames = np.stack(_walk_frames(samples[0], path[:3]))[:, ::2, ::2]
    cells = agent_cells_by_centre(VideoClip(frames=frames, fps=24.0), layout, solution["agent_color"])
    assert None not in cells and set(cells) == set(path[:3])
    noise = make_rng(1).integers(0, 256, (4, 256, 256, 3), dtype=np.uint8)
    assert agent_cells_by_centre(VideoClip(frames=noise, fps=24.0), layout, solution["agent_color"]) == [None] * 4
