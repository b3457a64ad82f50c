"""O-59 specifications: the inserted row, the instances the generator rejects, the ground truth, variants and near misses."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.judge.ink import ink_map, ink_overlap
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.symbol_row import SymbolRowContract
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


class TestContract(SymbolRowContract):
    key = "O-59_symbol_insert"
    count = 3  # its third sample is one the old absolute-colour slots misread after blur and resizing (0.22)
    end_checked_misses = ("one_place_off",)
    miss_padding = 4
    # Issue 15: one sample in six scored 0.2 after resizing, blur or 832x480 on main at eefdcef (a thin glyph's
    # pixels left the absolute colour window of its slot); samples[2] here scored 0.219 at 832x480.
    variant_sizes = ((832, 480), (256, 256))
    variant_samples = 3
    # The gap opens and the symbol slides in a few frames; at 8 fps the first sample scored 0.683 when three
    # (shift) and four (descent) intermediate states were asked for.
    eight_fps_samples = 3
