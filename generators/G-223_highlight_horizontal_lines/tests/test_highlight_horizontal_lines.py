"""G-223 specifications: the solver, the generator's rejections, and the scorer on every, too few and too many
highlighted lines."""

from __future__ import annotations

import pytest
from vbvr_core.families.marking.draw import ring_image
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g223_highlight_horizontal_lines.generator import (
    HorizontalLinesGenerator,
    Params,
    Solution,
    horizontal_lines,
    midpoint,
    segment_distance,
)

KEY = "G-223_highlight_horizontal_lines"


def test_horizontal_segments_are_found():
    segments = [((10.0, 50.0), (90.0, 50.0)), ((10.0, 80.0), (90.0, 95.0)), ((200.0, 10.0), (200.0, 90.0))]
    assert horizontal_lines(segments) == [0]


def test_segment_distance():
    assert segment_distance(((0.0, 0.0), (10.0, 0.0)), ((0.0, 5.0), (10.0, 5.0))) == pytest.approx(5.0)
    assert segment_distance(((0.0, 0.0), (10.0, 10.0)), ((0.0, 10.0), (10.0, 0.0))) == 0.0


def test_every_line_not_horizontal_is_refused():
    with pytest.raises(ValueError):
        Params(num_lines=3, num_horizontal=3)


def test_solution_rings_exactly_the_horizontal_lines_and_lines_stay_apart():
    for seed in range(9):
        sample = HorizontalLinesGenerator(seed, {"difficulty": seed % 3}).generate()
        solution = sample.solution
        assert sorted(solution.horizontal) == horizontal_lines(solution.segments)
        assert len(solution.horizontal) == sample.params.num_horizontal
        for k, a in enumerate(solution.segments):
            for b in solution.segments[k + 1:]:
                assert segment_distance(a, b) >= 44


def _marked(folder, lines, radius=16.0, width=4):
    """The first frame held 0.5 s, then rings on ``lines``' midpoints, one more every few frames, then held."""
    solution = Solution.model_validate(load_record(folder).solution)
    first = read_png(folder / "first_frame.png")
    frames, frame = [first] * 12, first
    for k in lines:
        frame = ring_image(frame, midpoint(solution.segments[k]), radius, width=width)
        frames += [frame] * 4
    return frames + [frame] * 10


class TestContract(SampleContract):
    key = KEY
    params = {"num_lines": 4, "num_horizontal": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_every_horizontal_line_marked_scores_high_in_another_style(self, samples, tmp_path):
        solution = self.solution(samples[0])
        assert score_frames(samples[0], _marked(samples[0], solution.horizontal, radius=10, width=8),
                            tmp_path).value >= 0.9

    def test_a_missed_or_an_extra_line_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        other = next(k for k in range(len(solution.segments)) if k not in solution.horizontal)
        missed = score_frames(samples[0], _marked(samples[0], solution.horizontal[:-1]), tmp_path)
        extra = score_frames(samples[0], _marked(samples[0], [*solution.horizontal, other]), tmp_path)
        assert missed.value == 0 and extra.value == 0 and extra.parts["selection"] == 0
