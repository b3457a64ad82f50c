"""G-136 specifications: the region solver, the layout, and the scorer on right, wrong and restyled marks."""

from __future__ import annotations

import math

import pytest
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g136_locate_point_in_overlapping_area.generator import (
    OverlapDotsGenerator,
    Params,
    Solution,
    contains,
    outline_distance,
    overlap_dots,
    region_of,
)

KEY = "G-136_locate_point_in_overlapping_area"
SQUARE = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)]
SHIFTED = [(60.0, 0.0), (160.0, 0.0), (160.0, 100.0), (60.0, 100.0)]


def test_regions_and_the_overlap_are_read_from_the_polygons():
    assert contains(SQUARE, (50.0, 50.0)) and not contains(SQUARE, (150.0, 50.0))
    assert outline_distance(SQUARE, (50.0, 20.0)) == pytest.approx(20.0)
    assert [region_of((SQUARE, SHIFTED), p) for p in [(200.0, 50.0), (30.0, 50.0), (130.0, 50.0), (80.0, 50.0)]] \
        == [0, 1, 2, 3]
    assert overlap_dots((SQUARE, SHIFTED), [(30.0, 50.0), (80.0, 50.0)], 10.0) == [1]
    with pytest.raises(Reject, match="outline"):
        overlap_dots((SQUARE, SHIFTED), [(62.0, 50.0)], 10.0)


def test_two_dots_must_lie_outside_the_overlap():
    with pytest.raises(ValueError, match="at least two"):
        Params(num_dots=4, num_inside=3)


def test_dots_keep_off_the_outlines_and_apart():
    for seed in range(6):
        s = first_accepted_sample(OverlapDotsGenerator, seed, {"difficulty": seed % 3})
        sol, margin = s.solution, s.params.margin
        assert len(sol.inside) == s.params.num_inside
        for k, dot in enumerate(sol.dots):
            assert min(outline_distance(shape, dot) for shape in sol.shapes) >= margin - 0.1
            assert (region_of(sol.shapes, dot) == 3) == (k in sol.inside)
            assert all(math.dist(dot, other) >= 55.9 for other in sol.dots[k + 1:])


def _marked(folder, points, radius=13.0, frames=5):
    """The first frame held, red rings drawn around ``points`` in turn, then held 0.25 s (tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    out, base = [first] * 3, first
    for point in points:
        out += list(ring_sweep(base, point, radius, frames, width=4))
        base = out[-1]
    return out + [base] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 1, "num_inside": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_one_overlap_dot_missed_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        result = score_frames(samples[0], _marked(samples[0], [s.dots[s.inside[0]]]), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_a_dot_in_one_shape_marked_too_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        single = next(k for k in range(len(s.dots)) if region_of(s.shapes, s.dots[k]) in (1, 2))
        points = [s.dots[k] for k in s.inside] + [s.dots[single]]
        assert score_frames(samples[0], _marked(samples[0], points), tmp_path).value == 0
