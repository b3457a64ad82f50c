"""G-167 specifications: the longest-side solver, the polygon, and the scorer on right, wrong and restyled marks."""

from __future__ import annotations

import pytest
from vbvr_core.families.geometry_marks.draw import segment_sweep
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g167_select_longest_polygon_side.generator import (
    MIN_SIDE,
    LongestSideGenerator,
    Solution,
    interior_angles,
    is_convex,
    longest_side,
)

KEY = "G-167_select_longest_polygon_side"


def test_the_longest_side_must_beat_the_runner_up_by_the_ratio():
    corners = [(0.0, 0.0), (300.0, 0.0), (150.0, 200.0)]  # sides 300, 250, 250
    assert longest_side(corners, 1.15) == (0, 1)
    with pytest.raises(Reject, match="ambiguous"):
        longest_side(corners, 1.25)
    with pytest.raises(Reject, match="ambiguous"):
        longest_side([(0.0, 0.0), (200.0, 0.0), (200.0, 200.0), (0.0, 200.0)], 1.05)  # a square


def test_polygons_are_convex_with_clear_corners_and_a_unique_longest_side():
    for seed in range(6):
        s = first_accepted_sample(LongestSideGenerator, seed, {"difficulty": seed % 3})
        sol, ratio = s.solution, s.params.min_ratio
        assert is_convex(sol.corners) and max(interior_angles(sol.corners)) <= 160
        others = [length for k, length in enumerate(sol.lengths) if k != sol.longest]
        assert min(sol.lengths) >= MIN_SIDE and sol.lengths[sol.longest] >= ratio * max(others) - 0.05
        assert sol.lengths[sol.runner_up] == max(others)


def _marked(folder, points, radius=15.0, frames=5):
    """The first frame held, red rings drawn around ``points`` in turn, then held 0.25 s (tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    out, base = [first] * 3, first
    for point in points:
        out += list(ring_sweep(base, point, radius, frames, width=4))
        base = out[-1]
    return out + [base] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_the_runner_up_or_a_corner_marked_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        runner = score_frames(samples[0], _marked(samples[0], [s.midpoints[s.runner_up]]), tmp_path, "a.mp4")
        assert runner.value == 0 and runner.parts["selection"] == 0
        corner = score_frames(samples[0], _marked(samples[0], [s.corners[s.longest]]), tmp_path, "b.mp4")
        assert corner.value == 0

    def test_two_sides_marked_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        both = _marked(samples[0], [s.midpoints[s.longest], s.midpoints[s.runner_up]])
        assert score_frames(samples[0], both, tmp_path).value == 0

    def test_the_longest_side_traced_in_red_scores_high(self, samples, tmp_path):
        s = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        start, end = s.corners[s.longest], s.corners[(s.longest + 1) % len(s.corners)]
        sweep = list(segment_sweep(first, start, end, 5, width=s.line_width + 4))
        result = score_frames(samples[0], [first] * 3 + sweep + sweep[-1:] * 6, tmp_path)
        assert result.value >= 0.9, result.reason
