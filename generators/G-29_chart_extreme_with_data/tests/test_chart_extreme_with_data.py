"""G-29 specifications: the value draw, rejections, and the scorer on right, wrong and other-style marks."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.pipeline.seeds import rng
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g29_chart_extreme_with_data.generator import (
    Solution,
    draw_values,
    extreme_index,
    rectangle_sweep,
)

KEY = "G-29_chart_extreme_with_data"


@pytest.mark.parametrize("extreme", ["max", "min"])
def test_the_extreme_beats_the_runner_up_by_the_gap(extreme):
    for seed in range(20):
        values = draw_values(rng(seed), 7, extreme, 2, 70)
        ordered = sorted(values, reverse=extreme == "max")
        assert abs(ordered[0] - ordered[1]) == 2 and max(values) == 70
        assert values[extreme_index(values, extreme)] == ordered[0]


def test_a_tie_is_rejected():
    with pytest.raises(Reject, match="ambiguous"):
        extreme_index([40, 12, 40], "max")


def test_no_room_for_the_values_is_rejected():
    with pytest.raises(Reject, match="no room"):
        draw_values(rng(0), 9, "max", 28, 34)


def _framed(folder, box):
    """The first frame held ¼ s, a rectangle traced round ``box``, then held ½ s."""
    first = read_png(folder / "first_frame.png")
    sweep = list(rectangle_sweep(first, box, 8, 5))
    return [first] * 6 + sweep + sweep[-1:] * 12


def _box(solution: Solution, index: int, pad: float = 6.0):
    left, top, right, bottom = solution.bars[index]
    return (left - pad, top - 30, right + pad, bottom + pad)


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_the_target_holds_the_extreme(self, samples):
        for folder in samples:
            solution = self.solution(folder)
            best = max(solution.values) if solution.extreme == "max" else min(solution.values)
            assert solution.values[solution.target] == best and solution.values.count(best) == 1

    def test_the_runner_up_framed_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        values = np.asarray(solution.values) * (1 if solution.extreme == "max" else -1)
        runner = int(np.argsort(values)[::-1][1])
        result = score_frames(samples[0], _framed(samples[0], _box(solution, runner)), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_bars_framed_at_once_score_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        other = (solution.target + 1) % len(solution.values)
        frames = _framed(samples[0], _box(solution, solution.target))
        both = list(rectangle_sweep(frames[-1], _box(solution, other), 1, 5))[-1]
        assert score_frames(samples[0], frames[:-6] + [both] * 12, tmp_path).value == 0

    @pytest.mark.parametrize("style", ["fill", "ellipse"])
    def test_other_clear_marks_of_the_right_bar_score_high(self, samples, tmp_path, style):
        solution = self.solution(samples[0])
        left, top, right, bottom = solution.bars[solution.target]
        first = read_png(samples[0] / "first_frame.png")
        image = Image.fromarray(first.copy())
        draw = ImageDraw.Draw(image)
        if style == "fill":
            draw.rectangle((left, top, right, bottom), fill=(230, 20, 20))
        else:
            draw.ellipse((left - 10, top - 40, right + 10, bottom + 12), outline=(210, 40, 30), width=3)
        final = np.asarray(image)
        assert score_frames(samples[0], [first] * 6 + [final] * 12, tmp_path).value >= 0.85

    def test_an_open_stroke_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        left, top, right, bottom = solution.bars[solution.target]
        first = read_png(samples[0] / "first_frame.png")
        image = Image.fromarray(first.copy())
        ImageDraw.Draw(image).line([(left - 6, top - 30), (left - 6, bottom + 6), (right + 6, bottom + 6)],
                                   fill=(225, 25, 25), width=5)
        assert score_frames(samples[0], [first] * 6 + [np.asarray(image)] * 12, tmp_path).value == 0
