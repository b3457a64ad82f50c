"""O-58 specifications: the row after the deletion, the colours drawn, the ground truth under variation, near misses."""

from __future__ import annotations

import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.media.video import read_video
from vbvr_core.pipeline.sample_io import VIDEO
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o58_symbol_delete.generator import SymbolDeleteGenerator


def test_later_symbols_take_one_slot_left_and_the_earlier_ones_stay():
    solution = SymbolDeleteGenerator(5, {"length": 5, "position": 2}).generate().solution
    assert solution.final_row == solution.row[:1] + solution.row[2:]
    assert solution.final_xs == solution.xs[:-1]


def test_deleted_colour_is_unique_and_the_prompt_states_the_position():
    for seed in range(8):
        sample = SymbolDeleteGenerator(seed, {"length": 9}).generate()
        colors = [color for _, color in sample.solution.row]
        assert colors.count(colors[sample.solution.position - 1]) == 1
    assert "the 3rd symbol from the left" in SymbolDeleteGenerator(0, {"length": 5, "position": 3}).generate().prompt
    assert "the last symbol" in SymbolDeleteGenerator(0, {"length": 5, "position": 5}).generate().prompt


def test_position_beyond_the_row_is_refused():
    with pytest.raises(ValueError, match="position"):
        SymbolDeleteGenerator(0, {"length": 3, "position": 4})


class TestContract(SampleContract):
    key = "O-58_symbol_delete"
    count = 2
    seed = 0

    def test_near_misses_score_low(self, samples, tmp_path):
        recreated = recreate(samples[0])
        for name, frames in recreated.generator.near_misses(recreated.sample).items():
            result = score_frames(samples[0], list(frames()), tmp_path, f"{name}.mp4")
            assert result.value <= 0.25 and result.parts["end"] <= 0.25, name

    def test_ground_truth_resized_and_blurred_scores_high(self, samples, tmp_path):
        import cv2

        for folder in samples[:1]:
            truth = read_video(folder / VIDEO, size=512).frames
            frames = [cv2.resize(cv2.GaussianBlur(frame, (0, 0), 1.5), (832, 480), interpolation=cv2.INTER_AREA)
                      for frame in truth]
            assert score_frames(folder, frames, tmp_path, f"{folder.name}.mp4").value >= 0.9

    def test_ground_truth_at_8_fps_scores_high(self, samples, tmp_path):
        from vbvr_core.judge.run import score_video
        from vbvr_core.media.video import write_video

        for folder in samples[:1]:
            video = tmp_path / f"{folder.name}-8fps.mp4"
            write_video(video, read_video(folder / VIDEO, size=512).frames[::3], fps=8)
            assert score_video(folder, video).value >= 0.9
