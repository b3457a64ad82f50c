"""O-36 specifications: shift geometry, determinism, validation and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import ImageDraw
from vbvr_core.draw import GridLayout, Stage, interpolate_points, new_canvas, to_frame
from vbvr_core.media.video import held
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_o36_grid_shift.generator import GridShiftGenerator, _block_sprite
from vbvr_o36_grid_shift.geometry import block_box, shifted

KEY = "O-36_grid_shift"


def test_shift_moves_every_cell_the_same_way():
    assert shifted([(2, 3), (0, 0)], "right", 2) == [(2, 5), (0, 2)]
    assert shifted([(2, 3)], "up", 0.5) == [(1.5, 3)]


def test_block_box_sits_inside_its_cell():
    layout = GridLayout(4, 4, 100, 0, 0)
    assert block_box(layout, (1, 2)) == (208, 108, 292, 192)


def test_starting_cells_keep_the_shift_inside_the_grid():
    generator = GridShiftGenerator(0, {"grid_size": 5, "direction": "left", "steps": 2})
    cells = generator._starting_cells()
    assert min(c for _, c in cells) == 2 and len(cells) == 15


def test_layouts_that_overlap_too_much_are_rejected():
    generator = GridShiftGenerator(1, {"grid_size": 5})
    sample = generator.generate()
    sample.solution["overlap"] = 0.6
    assert any("ambiguous" in problem for problem in generator.validate(sample))


def test_shift_off_the_grid_is_rejected():
    generator = GridShiftGenerator(2, {"grid_size": 5})
    sample = generator.generate()
    sample.solution["targets"][0] = [5, 0]
    assert any("unsolvable" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="steps"):
        GridShiftGenerator(0, {"steps": 7})


class TestContract(SampleContract):
    key = KEY
    count = 3


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=3, seed=7)


def test_ground_truth_videos_last_at_most_130_frames(samples):
    assert all(load_record(folder).video.frames <= 130 for folder in samples)


def _solution(folder):
    return json.loads((folder / "metadata.json").read_text())["solution"]


def test_ground_truth_targets_are_the_shifted_cells(samples):
    for folder in samples:
        solution = _solution(folder)
        moved = shifted([tuple(c) for c in solution["cells"]], solution["direction"], solution["steps"])
        assert [list(map(int, cell)) for cell in moved] == solution["targets"]


def _slide_frames(folder, direction, steps, lag=0):
    """The sample's blocks sliding ``steps`` cells ``direction``; block k starts ``lag``·k frames late."""
    solution = _solution(folder)
    layout = GridLayout(**solution["layout"])
    canvas = new_canvas()
    layout.draw_lines(ImageDraw.Draw(canvas), (51, 51, 51), 1)
    sprite = _block_sprite(layout.cell, tuple(solution["block_color"]))
    tracks = []
    for k, cell in enumerate(solution["cells"]):
        points = interpolate_points(
            [layout.cell_center(shifted([tuple(cell)], direction, s)[0]) for s in range(steps + 1)], 12
        )
        tracks.append((sprite, [points[0]] * (lag * k) + points))
    return list(held(Stage(to_frame(canvas)).frames(tracks), 8))


def test_shift_in_the_wrong_direction_scores_low(samples, tmp_path):
    folder = samples[1]
    solution = _solution(folder)
    opposite = {"up": "down", "down": "up", "left": "right", "right": "left"}[solution["direction"]]
    frames = _slide_frames(folder, opposite, solution["steps"])
    assert score_frames(folder, frames, tmp_path).value < 0.3


def test_shift_by_one_step_too_many_loses_the_end_state(samples, tmp_path):
    folder = next(f for f in samples if _solution(f)["steps"] == 1)
    solution = _solution(folder)
    result = score_frames(folder, _slide_frames(folder, solution["direction"], 2), tmp_path)
    assert result.value < 0.3 and result.parts["final_cells"] < 0.3


def test_blocks_moving_one_after_another_lose_process_credit(samples, tmp_path):
    folder = samples[2]
    solution = _solution(folder)
    frames = _slide_frames(folder, solution["direction"], solution["steps"], lag=12 * solution["steps"])
    result = score_frames(folder, frames, tmp_path)
    assert result.parts["final_cells"] == 1 and result.parts["rigid_frames"] < 0.8 and result.value < 0.9


def test_drawn_instances_are_diverse():
    hashes = {GridShiftGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30


def test_frames_are_uint8_rgb_512():
    frame = next(iter(GridShiftGenerator(3).generate().trajectory()))
    assert frame.shape == (512, 512, 3) and frame.dtype == np.uint8
