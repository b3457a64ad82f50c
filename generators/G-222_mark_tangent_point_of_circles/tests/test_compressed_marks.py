"""G-222 regression (0.2.0): a black ring that compression notches by a pixel or two is still closed; a ring left
open by 45° or more is not."""

from __future__ import annotations

import pytest
from vbvr_core.families.marking.draw import ring_image
from vbvr_core.media.video import read_video, write_video
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import contract_samples
from vbvr_core.testing.helpers import score_video
from vbvr_g222_mark_tangent_point_of_circles.generator import MARK_BLACK, Solution

KEY = "G-222_mark_tangent_point_of_circles"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    # seed 7, sample 0: at CRF 35 its ring loses a pixel at the top, so its filled body leaked and closed was 0
    return contract_samples(tmp_path_factory, KEY, count=1, seed=7)[0]


def test_ground_truth_at_crf_35_is_a_closed_mark(sample, tmp_path):
    truth = read_video(sample / "ground_truth.mp4", size=512).frames
    path = tmp_path / "crf35.mp4"
    write_video(path, iter(truth), crf=35)
    result = score_video(sample, path)
    assert result.parts["closed"] == 1 and result.value >= 0.98, result.reason


@pytest.mark.parametrize("crf", [None, 35])
@pytest.mark.parametrize("extent", [270.0, 300.0, 315.0])
def test_a_ring_open_by_45_degrees_or_more_is_not_closed(sample, tmp_path, extent, crf):
    s = Solution.model_validate(load_record(sample).solution)
    first = read_png(sample / "first_frame.png")
    part = ring_image(first, s.tangent, s.mark_radius, color=MARK_BLACK, width=5, extent=extent / 2)
    arc = ring_image(first, s.tangent, s.mark_radius, color=MARK_BLACK, width=5, extent=extent)
    path = tmp_path / "arc.mp4"
    write_video(path, [first] * 6 + [part] * 2 + [arc] * 6, **({} if crf is None else {"crf": crf}))
    result = score_video(sample, path)
    assert result.parts["closed"] == 0 and result.value <= 0.1, result.reason
