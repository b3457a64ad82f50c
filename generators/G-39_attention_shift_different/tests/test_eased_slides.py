"""G-39 regression (0.2.0): an eased slide, fast in the middle, is shown through its whole path; a slide shown in
jumps is not."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.judge.variants import legitimate_variants
from vbvr_core.media.video import read_video
from vbvr_core.testing.contract import contract_samples
from vbvr_core.testing.helpers import score_frames

KEY = "G-39_attention_shift_different"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    # seed 7, sample 0: eased once more, its slide moved 0.21 of the way between two 12 fps frames (0.81 before)
    return contract_samples(tmp_path_factory, KEY, count=1, seed=7)[0]


def test_eased_ground_truth_is_shown_sliding_all_the_way(sample, tmp_path):
    truth = read_video(sample / "ground_truth.mp4", size=512).frames
    eased = list(legitimate_variants(truth)["ease"].frames())
    result = score_frames(sample, eased, tmp_path, "ease.mp4")
    assert result.parts["slide"] == 1 and result.value >= 0.98, result.reason


@pytest.mark.parametrize(("places", "passed"), [((0.5,), 0.2), ((0.3, 0.7), 0.4), ((0.1, 0.5, 0.9), 0.6)])
def test_a_box_that_jumps_between_a_few_places_is_not_shown_sliding(sample, tmp_path, places, passed):
    made = recreate(sample)
    generator, s = made.generator, made.sample.solution
    scene = generator._scene(s)

    def box_at(share: float) -> np.ndarray:
        return list(generator._slide(scene, s, share))[-1]

    start, end = box_at(0.0), box_at(1.0)
    # each place held one 12 fps frame (two video frames): jumps of 0.4 or more pass only the places seen
    frames = [start] * 6 + [frame for share in places for frame in [box_at(share)] * 2] + [end] * 6
    result = score_frames(sample, frames, tmp_path, "jumps.mp4")
    assert result.parts["slide"] == pytest.approx(0.05 + 0.95 * passed), result.reason
