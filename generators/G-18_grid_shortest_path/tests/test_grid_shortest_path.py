"""G-18 specifications: the solver, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.pipeline.seeds import rng
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g18_grid_shortest_path.generator import GridShortestPathGenerator, monotone_path

KEY = "G-18_grid_shortest_path"


def test_monotone_path_is_a_shortest_route():
    path = monotone_path((4, 0), (1, 3), rng(3))
    assert path[0] == (4, 0) and path[-1] == (1, 3) and len(path) == 7
    assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in zip(path, path[1:], strict=False))


def test_monotone_paths_differ_between_seeds():
    assert len({tuple(monotone_path((0, 0), (3, 3), rng(seed))) for seed in range(30)}) > 5


def test_trivial_instance_is_rejected():
    generator = GridShortestPathGenerator(1, {"rows": 5, "cols": 5})
    sample = generator.generate()
    sample.solution["goal"] = sample.solution["path"][1]
    sample.solution["optimal_steps"] = 1
    assert any("trivial" in problem for problem in generator.validate(sample))


def test_detouring_ground_truth_is_rejected():
    generator = GridShortestPathGenerator(2, {"rows": 6, "cols": 6})
    sample = generator.generate()
    path = sample.solution["path"]
    sample.solution["path"] = path[:2] + [path[0]] + path[1:]
    assert any("not a shortest route" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="rows"):
        GridShortestPathGenerator(0, {"rows": 40})


def test_generator_rejects_unknown_parameter():
    with pytest.raises(ValueError, match="unknown parameter"):
        GridShortestPathGenerator(0, {"colour": "red"})


class TestContract(SampleContract):
    key = KEY
    count = 3


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=3, seed=7)


def test_ground_truth_videos_last_at_most_130_frames(samples):
    assert all(load_record(folder).video.frames <= 130 for folder in samples)


def _walk_video(folder, cells):
    """Render the sample's scene with the agent walking through ``cells`` (for near-miss videos)."""
    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    world = GridWorld(
        GridLayout(**solution["layout"]),
        fills={tuple(solution["start"]): (30, 170, 60), tuple(solution["goal"]): (240, 110, 170)},
    )
    return list(world.walk(cells, world.agent_sprite(tuple(solution["agent_color"])), 6)[2])


def test_detour_scores_below_the_optimum(samples, tmp_path):
    folder = samples[0]
    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    path = [tuple(cell) for cell in solution["path"]]
    detour = path[:2] + [path[0]] + path[1:]
    result = score_frames(folder, _walk_video(folder, detour), tmp_path)
    assert 0.5 < result.value < 0.98
    assert result.parts["efficiency"] == pytest.approx(solution["optimal_steps"] / (solution["optimal_steps"] + 2))


def test_walk_that_stops_short_of_the_goal_scores_zero(samples, tmp_path):
    folder = samples[1]
    path = [tuple(cell) for cell in json.loads((folder / "metadata.json").read_text())["solution"]["path"]]
    result = score_frames(folder, _walk_video(folder, path[:-1]), tmp_path)
    assert result.value == 0 and result.parts["goal"] == 0


def test_diagonal_jump_breaks_continuity():
    judged = judge_walk([(0, 0), (1, 1), (2, 1), (2, 2)], (0, 0), (2, 2), set(), optimal_steps=4)
    assert judged.parts["continuity"] < 1 and judged.value < 0.98


def test_drawn_instances_are_diverse():
    hashes = {GridShortestPathGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(40)}
    assert len(hashes) == 40


def test_frames_are_uint8_rgb_512():
    frame = next(iter(GridShortestPathGenerator(3).generate().trajectory()))
    assert frame.shape == (512, 512, 3) and frame.dtype == np.uint8
