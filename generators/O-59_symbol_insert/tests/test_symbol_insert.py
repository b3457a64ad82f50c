"""O-59 specifications: the inserted row, the instances the generator rejects, the ground truth, variants and near misses."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.judge.ink import ink_map, ink_overlap
from vbvr_core.media.video import read_video
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import VIDEO
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o59_symbol_insert.generator import SymbolInsertGenerator


def test_new_row_has_the_symbol_at_the_stated_place():
    solution = SymbolInsertGenerator(5, {"length": 4, "position": 2}).generate().solution
    assert len(solution.final_row) == 5 and solution.final_row[1] == solution.new_symbol
    assert [solution.final_row[k] for k in (0, 2, 3, 4)] == solution.row


def test_insertion_at_either_end():
    first = SymbolInsertGenerator(1, {"length": 3, "position": 1}).generate().solution
    last = SymbolInsertGenerator(1, {"length": 3, "position": 4}).generate().solution
    assert first.final_row[0] == first.new_symbol and last.final_row[-1] == last.new_symbol


def test_new_colour_already_in_the_row_is_rejected():
    reasons = []
    for seed in range(30):
        try:
            solution = SymbolInsertGenerator(seed, {"length": 8, "position": 3}).generate().solution
        except Reject as rejection:
            reasons.append(str(rejection))
            continue
        assert solution.new_symbol[1] not in [color for _, color in solution.row]
    assert reasons and all(reason.startswith("ambiguous") for reason in reasons)


def test_position_beyond_the_row_is_refused():
    with pytest.raises(ValueError, match="position"):
        SymbolInsertGenerator(0, {"length": 3, "position": 6})


def test_ink_of_a_blurred_thin_stroke_still_overlaps_the_sharp_one():
    import cv2

    background, yellow = np.array([255.0, 255.0, 255.0], np.float32), (250, 210, 20)
    sharp = np.full((40, 40, 3), 255, np.uint8)
    sharp[5:35, 19:21] = yellow  # a 2-pixel stroke
    blurred = cv2.GaussianBlur(sharp, (0, 0), 1.5)
    assert ink_overlap(ink_map(sharp, yellow, background), ink_map(blurred, yellow, background), 1.5) >= 0.6
    # another colour holds no yellow ink
    blue = np.full((40, 40, 3), 255, np.uint8)
    blue[5:35, 19:21] = (40, 90, 220)
    assert ink_map(blue, yellow, background).max() < 0.2


class TestContract(SampleContract):
    key = "O-59_symbol_insert"
    count = 3
    seed = 0  # its third sample is one the old absolute-colour slots misread after blur and resizing (0.22)

    def test_symbol_inserted_one_place_off_scores_low(self, samples, tmp_path):
        recreated = recreate(samples[0])
        frames = list(recreated.generator.near_misses(recreated.sample)["one_place_off"]())
        result = score_frames(samples[0], frames + frames[-1:] * 4, tmp_path)
        assert result.value <= 0.25 and result.parts["end"] <= 0.25

    @pytest.mark.parametrize("size", [(832, 480), (256, 256)])
    def test_ground_truth_resized_or_blurred_scores_high(self, samples, tmp_path, size):
        # Issue 15: one sample in six scored 0.2 after resizing, blur or 832x480 on main at eefdcef (a thin
        # glyph's pixels left the absolute colour window of its slot); samples[2] here scored 0.219 at 832x480.
        import cv2

        for folder in samples:
            truth = read_video(folder / VIDEO, size=512).frames
            frames = [cv2.resize(cv2.GaussianBlur(frame, (0, 0), 1.5), size, interpolation=cv2.INTER_AREA)
                      for frame in truth]
            assert score_frames(folder, frames, tmp_path, f"{folder.name}.mp4").value >= 0.9

    def test_ground_truth_at_8_fps_scores_high(self, samples, tmp_path):
        # The gap opens and the symbol slides in a few frames; at 8 fps the first sample scored 0.683 when
        # three (shift) and four (descent) intermediate states were asked for.
        from vbvr_core.judge.run import score_video
        from vbvr_core.media.video import write_video

        for folder in samples:
            video = tmp_path / f"{folder.name}-8fps.mp4"
            write_video(video, read_video(folder / VIDEO, size=512).frames[::3], fps=8)
            assert score_video(folder, video).value >= 0.9
