"""G-169 specifications: the crossing solver, the layout, and the scorer on right, wrong and restyled marks."""

from __future__ import annotations

import math

import pytest
from vbvr_core.families.geometry_marks.draw import dot_sweep
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g169_locate_intersection_of_segments.generator import (
    LocateIntersectionOfSegmentsGenerator,
    Params,
    Solution,
    crossing_point,
    find_crossing,
    segment_distance,
)

KEY = "G-169_locate_intersection_of_segments"


def test_the_crossing_point_is_where_both_lines_meet():
    assert crossing_point(((0.0, 0.0), (100.0, 100.0)), ((0.0, 100.0), (100.0, 0.0))) == pytest.approx((50.0, 50.0))
    assert crossing_point(((0.0, 0.0), (40.0, 40.0)), ((0.0, 100.0), (100.0, 0.0))) is None  # stops short
    assert crossing_point(((0.0, 0.0), (100.0, 0.0)), ((0.0, 10.0), (100.0, 10.0))) is None  # parallel


def test_none_or_two_crossings_are_rejected():
    x = [((0.0, 0.0), (100.0, 100.0)), ((0.0, 100.0), (100.0, 0.0))]
    assert find_crossing(x)[0] == (0, 1)
    with pytest.raises(Reject, match="ambiguous"):
        find_crossing([x[0], ((200.0, 0.0), (300.0, 0.0))])
    with pytest.raises(Reject, match="ambiguous"):
        find_crossing([*x, ((0.0, 50.0), (100.0, 60.0))])


def test_a_near_t_needs_a_third_segment():
    with pytest.raises(ValueError, match="third segment"):
        Params(num_segments=2, decoy=True)


def test_only_the_pair_crosses_and_every_other_gap_is_wide():
    for seed in range(6):
        s = first_accepted_sample(LocateIntersectionOfSegmentsGenerator, seed, {"difficulty": seed % 3})
        sol, gap = s.solution, s.params.min_gap
        for i in range(len(sol.segments)):
            for j in range(i + 1, len(sol.segments)):
                d = segment_distance(sol.segments[i], sol.segments[j])
                assert d == 0 if (i, j) == tuple(sorted(sol.pair)) else d >= gap - 0.5
        if sol.decoy_point is not None:
            assert math.dist(sol.decoy_point, sol.crossing) >= 100


def _marked(folder, point, radius=13.0, frames=5):
    """The first frame held, a red ring drawn around ``point``, then held 0.25 s (short: tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, point, radius, frames, width=4))
    return [first] * 3 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_a_mark_on_an_end_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        end = s.segments[s.pair[0]][0]
        result = score_frames(samples[0], _marked(samples[0], end), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_points_marked_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        frames = _marked(samples[0], s.crossing)
        both = ring_image(frames[-1], s.segments[s.pair[1]][1], 13.0, width=4)
        assert score_frames(samples[0], frames[:-3] + [both] * 6, tmp_path).value == 0

    def test_a_red_dot_a_little_off_scores_high(self, samples, tmp_path):
        s = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        dots = list(dot_sweep(first, (s.crossing[0] + 7, s.crossing[1] - 5), 7.0, 4))
        assert score_frames(samples[0], [first] * 3 + dots + dots[-1:] * 6, tmp_path).value >= 0.9

    def test_a_mark_in_the_last_frame_only_does_not_count(self, samples, tmp_path):
        s = self.solution(samples[0])
        frames = _marked(samples[0], s.crossing)
        assert score_frames(samples[0], frames[:1] * 12 + frames[-1:], tmp_path).value == 0

    def test_a_big_ring_round_the_crossing_scores_low(self, samples, tmp_path):
        s = self.solution(samples[0])
        assert score_frames(samples[0], _marked(samples[0], s.crossing, radius=70.0), tmp_path).value <= 0.1

    def test_a_half_drawn_ring_scores_low(self, samples, tmp_path):
        """Issue 18: the freeze shortcut, the ring sweep held about half-way (an open arc), scored 1.0."""
        s = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        for extent in (150.0, 187.0, 220.0):
            arc = ring_image(first, s.crossing, s.mark_radius, width=4, extent=extent)
            half = ring_image(first, s.crossing, s.mark_radius, width=4, extent=extent / 2)
            result = score_frames(samples[0], [first] * 3 + [half] * 2 + [arc] * 6, tmp_path)
            assert result.value <= 0.1, (extent, result.parts)
