"""G-47 specifications: the key-collecting solver, determinism, validation and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.media.video import held
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.solve.search import grid_neighbours, shortest_path
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import make_samples, score_frames
from vbvr_g47_multiple_keys_for_one_door.generator import KeyScene, MultipleKeysGenerator
from vbvr_g47_multiple_keys_for_one_door.solver import key_order, key_route

KEY = "G-47_multiple_keys_for_one_door"


def test_solver_fetches_a_key_behind_the_start_before_the_door():
    # A 1x7 corridor: key at column 0, agent at 2, second key at 4, door at 6.
    floor = grid_neighbours(1, 7, set())
    route, count = key_route(floor, (0, 2), [(0, 0), (0, 4)], (0, 6))
    assert route == [(0, 2), (0, 1), (0, 0), (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6)]
    assert count == 1 and key_order(route, [(0, 0), (0, 4)]) == [0, 1]


def test_solver_never_walks_through_the_locked_door():
    # The only way to the key passes the door cell: unsolvable.
    floor = grid_neighbours(1, 5, set())
    route, count = key_route(floor, (0, 0), [(0, 4), (0, 3)], (0, 2))
    assert route is None and count == 0


def test_solver_picks_the_cheaper_key_order():
    # Open 3x5 grid: start (1,0), keys (0,4) and (2,1), door (1,2). Optimal: near key first.
    floor = grid_neighbours(3, 5, set())
    route, _ = key_route(floor, (1, 0), [(0, 4), (2, 1)], (1, 2))
    assert key_order(route, [(0, 4), (2, 1)]) == [1, 0] and len(route) - 1 == 2 + 5 + 3


def test_unsolvable_instance_is_rejected():
    generator = MultipleKeysGenerator(1, {"rooms": 4})
    sample = generator.generate()
    sample.solution["path"] = None
    assert any("unsolvable" in problem for problem in generator.validate(sample))


def test_keys_on_the_direct_route_are_rejected_as_trivial():
    generator = MultipleKeysGenerator(2, {"rooms": 4})
    sample = generator.generate()
    sample.solution["direct_steps"] = sample.solution["optimal_steps"]
    assert any("trivial" in problem for problem in generator.validate(sample))


def test_neighbouring_pieces_are_rejected_as_clutter():
    generator = MultipleKeysGenerator(3, {"rooms": 5})
    sample = generator.generate()
    door = sample.solution["door"]
    sample.solution["keys"][0] = [door[0], door[1] + 1]
    assert any("cluttered" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="keys"):
        MultipleKeysGenerator(0, {"keys": 9})


class TestContract(SampleContract):
    key = KEY
    seed = 6  # its first sample is a short video: the noise baseline's encode dominates the run


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return make_samples(KEY, tmp_path_factory.mktemp("g47"), count=3, seed=7)


def test_ground_truth_videos_last_at_most_140_frames(samples):
    assert all(load_record(folder).video.frames <= 140 for folder in samples)


def _solution(folder):
    return json.loads((folder / "metadata.json").read_text())["solution"]


def test_ground_truth_collects_every_key_by_a_shortest_route(samples):
    for folder in samples:
        solution = _solution(folder)
        walls = {tuple(cell) for cell in solution["walls"]}
        rows = solution["layout"]["rows"]
        keys = [tuple(cell) for cell in solution["keys"]]
        route, _ = key_route(
            grid_neighbours(rows, rows, walls), tuple(solution["start"]), keys, tuple(solution["door"])
        )
        assert len(route) == len(solution["path"]) and sorted(solution["key_order"]) == list(range(len(keys)))


def _walk_frames(folder, cells):
    solution = _solution(folder)
    scene = KeyScene(
        GridLayout(**solution["layout"]),
        [tuple(c) for c in solution["walls"]],
        tuple(solution["door"]),
        (255, 255, 255),
        [tuple(c) for c in solution["keys"]],
        [(250, 210, 20)] * len(solution["keys"]),
    )
    return list(held(scene.frames(cells, 3), 6))


def test_walk_straight_to_the_door_skipping_keys_scores_low(samples, tmp_path):
    folder = samples[0]
    solution = _solution(folder)
    rows = solution["layout"]["rows"]
    direct = shortest_path(
        tuple(solution["start"]),
        tuple(solution["door"]),
        grid_neighbours(rows, rows, {tuple(c) for c in solution["walls"]}),
    )
    result = score_frames(folder, _walk_frames(folder, direct), tmp_path)
    assert result.value <= 0.25 and result.parts["keys"] < 1


def test_walk_through_a_wall_scores_below_half(samples, tmp_path):
    folder = samples[1]
    solution = _solution(folder)
    path = [tuple(cell) for cell in solution["path"]]
    walls = {tuple(cell) for cell in solution["walls"]}
    # Replace the first two-cell corridor step by a step through the wall beside it, then back.
    for index, cell in enumerate(path[:-1]):
        beside = [(cell[0] + dr, cell[1] + dc) for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))]
        wall = next((b for b in beside if b in walls), None)
        if wall:
            walk = path[: index + 1] + [wall, cell] + path[index + 1 :]
            break
    result = score_frames(folder, _walk_frames(folder, walk), tmp_path)
    assert result.value < 0.5 and result.parts["obstacle_free"] == 0


def test_drawn_instances_are_diverse():
    hashes = {MultipleKeysGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(20)}
    assert len(hashes) == 20


def test_frames_are_uint8_rgb_512():
    frame = next(iter(MultipleKeysGenerator(3).generate().trajectory()))
    assert frame.shape == (512, 512, 3) and frame.dtype == np.uint8
