"""O-5 specifications: the row after the deletion, the colours drawn, the ground truth under variation, near misses."""

from __future__ import annotations

import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.media.video import read_video
from vbvr_core.pipeline.sample_io import VIDEO
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o5_symbol_deletion.generator import COLORS, SymbolDeletionGenerator


def test_new_row_lacks_the_marked_symbol_and_is_centred():
    solution = SymbolDeletionGenerator(5, {"length": 5, "position": 2}).generate().solution
    assert solution.final_row == solution.row[:1] + solution.row[2:]
    assert sum(solution.final_xs) / len(solution.final_xs) == pytest.approx(256.0)
    assert solution.final_xs[1] - solution.final_xs[0] == pytest.approx(solution.spacing)


def test_marked_colour_is_unique_and_never_red_pink_or_yellow():
    from vbvr_core.draw import PALETTE

    allowed = {PALETTE[name] for name in COLORS}
    for seed in range(12):
        solution = SymbolDeletionGenerator(seed, {"length": 9}).generate().solution
        colors = [color for _, color in solution.row]
        marked = colors[solution.position - 1]
        assert colors.count(marked) == 1 and set(colors) <= allowed


def test_position_beyond_the_row_is_refused():
    with pytest.raises(ValueError, match="position"):
        SymbolDeletionGenerator(0, {"length": 3, "position": 4})


class TestContract(SampleContract):
    key = "O-5_symbol_deletion"
    count = 2
    seed = 0

    @pytest.mark.parametrize("miss", ["neighbour_deleted", "gap_left_open"])
    def test_near_misses_score_low(self, samples, tmp_path, miss):
        recreated = recreate(samples[0])
        frames = list(recreated.generator.near_misses(recreated.sample)[miss]())
        result = score_frames(samples[0], frames, tmp_path)
        assert result.value <= 0.25 and result.parts["end"] <= 0.25

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
