"""The fill-in judge judges the answer, not our pixels: offsets, blur, codec quality and colour drift (issue 15).

Measured before this judge: O-45 and O-56 with the right answer shifted 4 px scored 0; under Gaussian blur
σ 1.5, 0.26 and 0.63; O-45 at CRF 35, 0.83; 12 % darker with a 5 % channel gain, 0.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from vbvr_core.families.fill_in.draw import nudged_answer
from vbvr_core.judge.run import score_video
from vbvr_core.media.video import read_video, write_video
from vbvr_core.pipeline.sample_io import FINAL_FRAME, FIRST_FRAME, VIDEO, load_record, read_png
from vbvr_core.testing.helpers import make_samples

TASKS = ["O-45_sequence_completion", "O-56_raven"]


@pytest.fixture(scope="module", params=TASKS)
def sample(request, tmp_path_factory):
    return make_samples(request.param, tmp_path_factory.mktemp(request.param), count=1, seed=3)[0]


def _truth(sample):
    return read_video(sample / VIDEO, size=512).frames


def _score(sample, frames, tmp_path, **options):
    write_video(tmp_path / "probe.mp4", frames, **options)
    return score_video(sample, tmp_path / "probe.mp4").value


@pytest.mark.parametrize("dx, dy", [(4, 4), (-4, 0), (0, 5)])
def test_the_right_answer_a_few_pixels_off_scores_high(sample, tmp_path, dx, dy):
    first, final = read_png(sample / FIRST_FRAME), read_png(sample / FINAL_FRAME)
    box = tuple(load_record(sample).solution["target_box"])
    frames = [first] * 12 + [nudged_answer(final, box, dx, dy)] * 24
    assert _score(sample, frames, tmp_path) >= 0.9


def test_a_blurred_rendering_scores_high(sample, tmp_path):
    frames = [cv2.GaussianBlur(frame, (0, 0), 1.5) for frame in _truth(sample)]
    assert _score(sample, frames, tmp_path) >= 0.9


def test_a_heavily_compressed_rendering_scores_high(sample, tmp_path):
    assert _score(sample, list(_truth(sample)), tmp_path, crf=35) >= 0.9


@pytest.mark.parametrize("gain", [(0.88 * 1.05, 0.88, 0.88 * 0.95), (1.12 * 0.95, 1.12, 1.12 * 1.05)])
def test_a_darker_or_brighter_tinted_rendering_scores_high(sample, tmp_path, gain):
    frames = [np.clip(frame * np.asarray(gain), 0, 255).astype(np.uint8) for frame in _truth(sample)]
    assert _score(sample, frames, tmp_path) >= 0.9


def test_an_answer_far_off_its_box_still_fails(sample, tmp_path):
    first, final = read_png(sample / FIRST_FRAME), read_png(sample / FINAL_FRAME)
    left, top, right, bottom = load_record(sample).solution["target_box"]
    far = nudged_answer(final, (left, top, right, bottom), (right - left) // 2, (bottom - top) // 2)
    assert _score(sample, [first] * 12 + [far] * 24, tmp_path) < 0.5
