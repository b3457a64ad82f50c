"""G-189 specifications: the perpendicular's solver, rejections, and the scorer on right, wrong and half lines."""

from __future__ import annotations

import math

import pytest
from vbvr_core.families.geometry_marks.draw import segment_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g189_draw_midpoint_perpendicular_line.generator import (
    DrawMidpointPerpendicularLineGenerator,
    Solution,
    perpendicular_foot,
    solve,
)

KEY = "G-189_draw_midpoint_perpendicular_line"


def test_the_answer_runs_from_the_upper_midpoint_at_right_angles():
    top = ((100.0, 100.0), (300.0, 200.0))
    bottom = ((60.0, 260.0), (400.0, 430.0))
    midpoint, foot = solve(top, bottom)
    assert midpoint == (200.0, 150.0)
    direction = (top[1][0] - top[0][0], top[1][1] - top[0][1])
    along = (foot[0] - midpoint[0]) * direction[0] + (foot[1] - midpoint[1]) * direction[1]
    assert abs(along) < 1e-6
    assert perpendicular_foot(foot, bottom)[0] == pytest.approx(foot)


def test_a_foot_off_the_lower_segment_is_rejected():
    with pytest.raises(Reject, match="misses the lower segment"):
        solve(((100.0, 100.0), (200.0, 100.0)), ((250.0, 250.0), (450.0, 250.0)))


def test_a_lower_line_too_short_for_its_shift_is_rejected():
    with pytest.raises(Reject, match="cannot shift"):
        DrawMidpointPerpendicularLineGenerator(0, {"bottom_length": 180, "min_shift": 100}).generate()


def test_layouts_keep_the_wrong_midpoint_apart_at_every_difficulty():
    for seed in range(9):
        generator = DrawMidpointPerpendicularLineGenerator(seed, {"difficulty": seed % 3})
        try:
            solution = generator.generate().solution
        except Reject:
            continue
        assert math.dist(solution.foot, solution.bottom_midpoint) >= generator.params.min_shift - 0.1
        assert math.dist(solution.midpoint, solution.foot) == pytest.approx(generator.params.gap, abs=0.1)
        if generator.params.centered:
            assert solution.midpoint[0] == 256.0


def _drawn(folder, start, end, frames=14):
    """The first frame held 0.5 s, a red line drawn from ``start`` to ``end``, then held 0.5 s."""
    first = read_png(folder / "first_frame.png")
    sweep = list(segment_sweep(first, start, end, frames, width=5))
    return [first] * 12 + sweep + sweep[-1:] * 12


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_the_perpendicular_from_the_lower_midpoint_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        up, _ = perpendicular_foot(s.bottom_midpoint, s.top)
        result = score_frames(samples[0], _drawn(samples[0], up, s.bottom_midpoint), tmp_path)
        assert result.value == 0 and result.parts["follows"] == 0

    def test_a_line_stopped_half_way_scores_low(self, samples, tmp_path):
        s = self.solution(samples[0])
        half = ((s.midpoint[0] + s.foot[0]) / 2, (s.midpoint[1] + s.foot[1]) / 2)
        assert score_frames(samples[0], _drawn(samples[0], s.midpoint, half), tmp_path).value <= 0.1

    def test_the_line_drawn_upwards_scores_full(self, samples, tmp_path):
        s = self.solution(samples[0])
        assert score_frames(samples[0], _drawn(samples[0], s.foot, s.midpoint), tmp_path).value >= 0.98
