"""G-221 specifications: nesting and the innermost solver, rejections, and the scorer on right, wrong and other outlines."""

from __future__ import annotations

import pytest
from vbvr_core.families.outline.draw import OUTLINE_BLUE, outline_image, square_polygon, trace_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g221_outline_innermost_square.generator import (
    OutlineInnermostSquareGenerator,
    Solution,
    contains,
    innermost,
)

KEY = "G-221_outline_innermost_square"


def test_the_innermost_is_the_square_every_other_contains():
    assert innermost([(256.0, 256.0), (250.0, 262.0), (240.0, 270.0)], [200.0, 120.0, 40.0]) == 2


def test_squares_that_are_not_nested_are_rejected():
    with pytest.raises(Reject, match="not nested"):
        innermost([(100.0, 100.0), (400.0, 400.0)], [60.0, 40.0])


def test_too_many_squares_for_the_canvas_are_rejected():
    with pytest.raises(Reject, match="cluttered"):
        OutlineInnermostSquareGenerator(0, {"num_squares": 8, "min_gap": 48, "inner_half": 80}).generate()


def test_nests_keep_their_gaps_at_every_difficulty():
    for seed in range(12):
        try:
            generator = OutlineInnermostSquareGenerator(seed, {"difficulty": seed % 3})
            solution = generator.generate().solution
        except Reject:
            continue
        for outer, inner in zip(solution.halves, solution.halves[1:], strict=False):
            assert outer > inner
        pairs = list(zip(solution.centers, solution.halves, strict=True))
        for outer, inner in zip(pairs, pairs[1:], strict=False):
            assert contains(outer, inner, gap=generator.params.min_gap - 0.2)
        assert solution.target == len(solution.halves) - 1
        next_out = (solution.centers[-2], solution.halves[-2])
        assert 0 < solution.tolerance <= 10
        assert contains(next_out, (solution.centers[-1], solution.halves[-1]), gap=solution.tolerance / 0.45 - 0.3)


def _traced(folder, polygon, frames=14, width=6):
    """The first frame held 0.5 s, ``polygon`` traced in blue, then held 0.5 s."""
    first = read_png(folder / "first_frame.png")
    sweep = list(trace_sweep(first, polygon, frames, OUTLINE_BLUE, width))
    return [first] * 12 + sweep + sweep[-1:] * 12


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_the_next_square_out_outlined_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        k = solution.target - 1
        result = score_frames(samples[0], _traced(samples[0], square_polygon(solution.centers[k], solution.halves[k])), tmp_path)
        assert result.value == 0 and result.parts["follows"] == 0

    def test_two_squares_outlined_score_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        frames = _traced(samples[0], square_polygon(solution.centers[solution.target], solution.halves[solution.target]))
        both = outline_image(frames[-1], square_polygon(solution.centers[0], solution.halves[0]), OUTLINE_BLUE, 6)
        assert score_frames(samples[0], frames + [both] * 12, tmp_path).value == 0

    def test_half_an_outline_scores_low(self, samples, tmp_path):
        solution = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        half = outline_image(first, square_polygon(solution.centers[solution.target], solution.halves[solution.target]),
                             OUTLINE_BLUE, 6, fraction=0.5)
        assert score_frames(samples[0], [first] * 12 + [half] * 12, tmp_path).value <= 0.1
