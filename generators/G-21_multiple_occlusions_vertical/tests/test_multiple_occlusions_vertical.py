"""G-21_multiple_occlusions_vertical specifications: the layout, the sweep, rejections, near misses and the shared
checks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.contract import FPS, FRAME_SIZE
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import held
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample
from vbvr_g21_multiple_occlusions_vertical.generator import MultipleOcclusionsVerticalGenerator, mask_tops
from vbvr_g21_multiple_occlusions_vertical.scorer import mask_rows

KEY = "G-21_multiple_occlusions_vertical"
PARAMS = {"objects": 3, "motion_frames": 24}


def test_the_mask_sweeps_down_at_constant_speed_and_off_the_frame():
    tops = mask_tops(100, 41)
    assert tops[0] == 100 and tops[-1] == FRAME_SIZE and all(b > a for a, b in zip(tops, tops[1:], strict=False))


def test_the_mask_starts_above_a_row_it_spans_and_hides_whole():
    for seed in range(3):
        solution = first_accepted_sample(MultipleOcclusionsVerticalGenerator, seed, {"difficulty": seed}).solution
        tops, bottoms = [b[1] for b in solution.boxes], [b[3] for b in solution.boxes]
        assert solution.mask_top + solution.mask_height < min(tops)
        assert solution.mask_columns[0] < min(b[0] for b in solution.boxes)
        assert solution.mask_columns[1] > max(b[2] for b in solution.boxes)
        assert solution.mask_height > max(bottoms) - min(tops)
        assert len(set(solution.colors)) == len(solution.colors)


def test_a_mask_too_short_to_hide_the_row_is_rejected():
    with pytest.raises(Reject, match="too short|does not fit"):
        MultipleOcclusionsVerticalGenerator(1, {"object_radius": 40, "mask_height": 80}).generate()


def test_a_sweep_that_hides_the_row_in_fewer_than_three_frames_is_rejected():
    """A fast sweep of a short mask hides the row in one frame: an 8-fps rendering (every third frame) may show none."""
    with pytest.raises(Reject, match="hides the whole row in 1 frames"):
        MultipleOcclusionsVerticalGenerator(2, {"motion_frames": 24, "mask_height": 90, "difficulty": 2}).generate()


def test_the_sweep_is_short():
    """28–34 frames of sweep (was 48–64): generation cost grows with frames."""
    for seed in range(3):
        assert 28 <= MultipleOcclusionsVerticalGenerator(seed, {"difficulty": seed}).params.motion_frames <= 34


def test_mask_rows_are_read_where_half_its_columns_are_dark():
    dark = np.zeros((2, 64, 64), bool)
    dark[0, 10:20, 8:40] = True
    assert mask_rows(dark, (8, 40)) == [(10, 19), None]


def test_the_ends_are_held_long_enough_for_an_8_fps_copy():
    # 0.1.3: the start held 6 frames (was 12), the end 12 as before: the scorer reads the last 4 frames, and the last 4
    # of an 8-fps copy (source frames 0, 3, 6, ...) all show the mask gone, whatever the clip's length
    for seed in range(2):
        sample = first_accepted_sample(MultipleOcclusionsVerticalGenerator, seed)
        video = np.stack(list(held(sample.trajectory(), sample.hold_frames)))
        assert sample.hold_frames == 6
        assert all(np.array_equal(frame, video[0]) for frame in video[:7]) and not np.array_equal(video[7], video[0])
        for cut in range(3):  # clips of every length modulo 3
            clip = video[cut:]
            eight = list(retimed(clip, FPS, 8, len(clip) / FPS, lambda t: t))
            assert all(np.array_equal(frame, video[-1]) for frame in eight[-4:])


class TestContract(SampleContract):
    key = KEY
    params = PARAMS
    near_misses = ("object_recoloured_behind_mask",)
