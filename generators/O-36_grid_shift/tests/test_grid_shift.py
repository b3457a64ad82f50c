"""O-36 specifications: shift geometry, parameter checks, the ground truth, near misses and pacing."""

from __future__ import annotations

import pydantic
import pytest
from PIL import ImageDraw
from vbvr_core.draw import GridLayout, Stage, interpolate_points, new_canvas, to_frame
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import held, read_video, write_video
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames, score_video
from vbvr_o36_grid_shift.generator import GridShiftGenerator, Solution, block_sprite, overlap, shifted, starting_cells
from vbvr_o36_grid_shift.scorer import block_interior


def test_shift_moves_every_cell_the_same_way():
    assert shifted([(2, 3), (0, 0)], "right", 2) == [(2, 5), (0, 2)]
    assert shifted([(2, 3)], "up", 0.5) == [(1.5, 3)]


def test_block_interior_sits_inside_its_cell():
    assert block_interior(GridLayout(4, 4, 100, 0, 0), (1, 2)) == (218, 118, 282, 182)


def test_starting_cells_keep_the_shift_inside_the_grid():
    cells = starting_cells(5, "left", 2)
    assert min(c for _, c in cells) == 2 and len(cells) == 15


def test_overlap_is_the_share_of_cells_both_layouts_hold():
    assert overlap([(0, 0), (0, 1)], [(0, 1), (0, 2)]) == pytest.approx(1 / 3)


def test_drawn_counts_are_capped_by_the_grid_but_a_callers_are_checked():
    assert GridShiftGenerator(0, {"grid_size": 4, "difficulty": 2}).params.blocks <= 6
    with pytest.raises(pydantic.ValidationError, match="cluttered"):
        GridShiftGenerator(0, {"grid_size": 4, "blocks": 7})
    with pytest.raises(pydantic.ValidationError, match="steps=3"):
        GridShiftGenerator(0, {"grid_size": 4, "steps": 3})


def slide(folder, direction, steps, lag=0):
    """The sample's blocks sliding ``steps`` cells ``direction``; block k starts ``lag``·k frames late."""
    solution = Solution.model_validate(load_record(folder).solution)
    layout = GridLayout(**solution.layout)
    canvas = new_canvas()
    layout.draw_lines(ImageDraw.Draw(canvas), (51, 51, 51), 1)
    sprite = block_sprite(layout.cell, solution.block_color)
    tracks = []
    for k, cell in enumerate(solution.cells):
        points = interpolate_points([layout.cell_center(shifted([cell], direction, s)[0]) for s in range(steps + 1)], 12)
        tracks.append((sprite, [points[0]] * (lag * k) + points))
    return list(held(Stage(to_frame(canvas)).frames(tracks), 8))


class TestContract(SampleContract):
    key = "O-36_grid_shift"
    count = 3

    def test_ground_truth_targets_are_the_shifted_cells(self, samples):
        for folder in samples:
            solution = Solution.model_validate(load_record(folder).solution)
            moved = shifted(solution.cells, solution.direction, solution.steps)
            assert [tuple(map(int, cell)) for cell in moved] == solution.targets
            assert overlap(solution.cells, solution.targets) <= 0.5 and load_record(folder).video.frames <= 130

    def test_shift_in_the_wrong_direction_scores_low(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[1]).solution)
        opposite = {"up": "down", "down": "up", "left": "right", "right": "left"}[solution.direction]
        assert score_frames(samples[1], slide(samples[1], opposite, solution.steps), tmp_path).value < 0.3

    def test_shift_by_one_step_too_many_loses_the_end_state(self, samples, tmp_path):
        folder = next(f for f in samples if load_record(f).solution["steps"] == 1)
        direction = load_record(folder).solution["direction"]
        result = score_frames(folder, slide(folder, direction, 2), tmp_path)
        assert result.value < 0.3 and result.parts["final_cells"] < 0.3

    def test_blocks_moving_one_after_another_lose_process_credit(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[2]).solution)
        frames = slide(samples[2], solution.direction, solution.steps, lag=12 * solution.steps)
        result = score_frames(samples[2], frames, tmp_path)
        assert result.parts["final_cells"] == 1 and result.parts["rigid_frames"] < 0.8 and result.value < 0.9

    def test_ground_truth_played_at_8_fps_keeps_full_marks(self, samples, tmp_path):
        folder = samples[0]
        truth = read_video(folder / "ground_truth.mp4", size=512).frames
        slow = tmp_path / "fps8.mp4"
        write_video(slow, retimed(truth, 24, 8, len(truth) / 24, lambda t: t), fps=8)
        assert score_video(folder, slow).value >= 0.98
