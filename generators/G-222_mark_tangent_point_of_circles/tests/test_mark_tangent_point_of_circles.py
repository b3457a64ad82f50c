"""G-222 specifications: the touching-pair solver, the layout, and the scorer on right, wrong and restyled marks."""

from __future__ import annotations

import math

import pytest
from vbvr_core.families.marking.draw import MARK_RED, ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g222_mark_tangent_point_of_circles.generator import (
    MARK_BLACK,
    Solution,
    TangentPointGenerator,
    closest_point,
    touching_pair,
)

KEY = "G-222_mark_tangent_point_of_circles"


def test_the_tangent_point_divides_the_centres_by_the_radii():
    assert closest_point((0.0, 0.0), 30.0, (80.0, 0.0), 50.0) == pytest.approx((30.0, 0.0))


def test_the_touching_pair_is_found_and_none_or_two_are_rejected():
    assert touching_pair([(0.0, 0.0), (300.0, 0.0), (80.0, 0.0)], [30.0, 40.0, 50.0]) == (0, 2)
    with pytest.raises(Reject, match="ambiguous"):
        touching_pair([(0.0, 0.0), (300.0, 0.0)], [30.0, 40.0])
    with pytest.raises(Reject, match="ambiguous"):
        touching_pair([(0.0, 0.0), (80.0, 0.0), (170.0, 0.0)], [30.0, 50.0, 40.0])


def test_only_the_pair_touches_and_every_other_gap_is_wide():
    for seed in range(9):
        sample = first_accepted_sample(TangentPointGenerator, seed, {"difficulty": seed % 3})
        s, gap = sample.solution, sample.params.min_gap
        for i in range(len(s.centers)):
            for j in range(i + 1, len(s.centers)):
                d = math.dist(s.centers[i], s.centers[j]) - s.radii[i] - s.radii[j]
                assert abs(d) < 0.5 if (i, j) == tuple(sorted(s.pair)) else d >= gap - 0.05


def _marked(folder, point, radius=11.0, color=MARK_BLACK, frames=6):
    """The first frame held 0.25 s, a ring drawn around ``point``, then held 0.25 s (short: tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, point, radius, frames, color=color, width=5))
    return [first] * 6 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_marks_off_the_point_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        centre = s.centers[s.pair[0]]
        result = score_frames(samples[0], _marked(samples[0], centre), tmp_path)
        assert result.value == 0 and result.parts["on_point"] == 0

    def test_two_points_marked_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        frames = _marked(samples[0], s.tangent)
        both = ring_image(frames[-1], s.centers[s.pair[1]], 11.0, color=MARK_BLACK, width=5)
        assert score_frames(samples[0], frames + [both] * 6, tmp_path).value == 0

    def test_a_red_dot_a_little_off_the_point_scores_high(self, samples, tmp_path):
        s = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        dot = ring_image(first, (s.tangent[0] + 8, s.tangent[1] - 6), 5.0, color=MARK_RED, width=6)
        assert score_frames(samples[0], [first] * 6 + [dot] * 6, tmp_path).value >= 0.85

    def test_a_big_ring_round_the_pair_scores_low(self, samples, tmp_path):
        s = self.solution(samples[0])
        assert score_frames(samples[0], _marked(samples[0], s.tangent, radius=90.0), tmp_path).value <= 0.1

    def test_a_half_drawn_ring_scores_low(self, samples, tmp_path):
        """Issue 18: the freeze shortcut, the ring sweep held about half-way (an open arc), scored 0.917."""
        for folder in samples:
            s = self.solution(folder)
            first = read_png(folder / "first_frame.png")
            for extent in (120.0, 140.0, 180.0):
                arc = ring_image(first, s.tangent, s.mark_radius, color=MARK_BLACK, width=5, extent=extent)
                half = ring_image(first, s.tangent, s.mark_radius, color=MARK_BLACK, width=5, extent=extent / 2)
                result = score_frames(folder, [first] * 6 + [half] * 2 + [arc] * 6, tmp_path)
                assert result.value <= 0.1, (folder.name, extent, result.parts)
