"""G-161 specifications: the area solver, the generator's rejections, and the scorer on right, wrong and drifted marks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g161_mark_second_largest_shape.generator import (
    SecondLargestShapeGenerator,
    Solution,
    second_largest,
    shape_area,
)

KEY = "G-161_mark_second_largest_shape"


def test_areas_are_measured_from_the_outline():
    assert shape_area("circle", 10) == pytest.approx(math.pi * 100)
    # A square of nominal radius r has its vertices 1.2 r from the centre: side 1.2 r √2, area 2.88 r².
    assert shape_area("square", 10) == pytest.approx(288.0)


def test_the_second_largest_is_found_whatever_the_order():
    assert second_largest([100.0, 900.0, 400.0, 50.0]) == 2


@pytest.mark.parametrize("areas", [[1000.0, 950.0, 300.0], [1000.0, 500.0, 480.0]])
def test_a_second_largest_too_close_to_a_neighbour_is_rejected(areas):
    with pytest.raises(Reject, match="ambiguous"):
        second_largest(areas)


def test_solution_marks_the_second_largest_area_at_every_difficulty():
    for seed in range(12):
        solution = first_accepted_sample(SecondLargestShapeGenerator, seed, {"difficulty": seed % 3}).solution
        ranked = sorted(solution.areas, reverse=True)
        assert solution.areas[solution.target] == ranked[1]
        assert ranked[0] >= 1.15 * ranked[1] and ranked[1] >= 1.15 * ranked[2]


def test_no_ring_touches_another_shape():
    for seed in range(12):
        solution = first_accepted_sample(SecondLargestShapeGenerator, seed, {"difficulty": 2}).solution
        for k, (x, y) in enumerate(solution.centers):
            for j, (u, v) in enumerate(solution.centers):
                if j != k:
                    assert math.hypot(x - u, y - v) > solution.ring_radii[k] + solution.ring_radii[j]


def test_drawn_instances_are_diverse():
    hashes = {hash(first_accepted_sample(SecondLargestShapeGenerator, 100 * seed).first_frame.tobytes())
              for seed in range(30)}
    assert len(hashes) == 30


def _ringed(folder, center, radius, frames=12):
    """The first frame held 0.5 s, a ring drawn around ``center``, then held 0.5 s."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 12 + sweep + sweep[-1:] * 12


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    @pytest.mark.parametrize("rank", [0, 2])
    def test_ring_on_the_largest_or_third_largest_scores_zero(self, samples, tmp_path, rank):
        solution = self.solution(samples[0])
        wrong = int(np.argsort(solution.areas)[::-1][rank])
        result = score_frames(samples[0], _ringed(samples[0], solution.centers[wrong], solution.ring_radii[wrong]),
                              tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_shapes_marked_at_once_score_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        other = (solution.target + 1) % len(solution.areas)
        frames = _ringed(samples[0], solution.centers[solution.target], solution.ring_radii[solution.target])
        both = ring_image(frames[-1], solution.centers[other], solution.ring_radii[other])
        assert score_frames(samples[0], frames + [both] * 12, tmp_path).value == 0

    @pytest.mark.parametrize("style", ["dot", "thin_outline", "wide_ring"])
    def test_other_clear_marks_of_the_right_shape_score_high(self, samples, tmp_path, style):
        solution = self.solution(samples[0])
        center, radius = solution.centers[solution.target], solution.ring_radii[solution.target]
        first = read_png(samples[0] / "first_frame.png")
        if style == "dot":
            final = ring_image(first, center, radius * 0.2, width=int(radius * 0.2) + 1)
        elif style == "thin_outline":
            final = ring_image(first, center, radius, color=(200, 40, 30), width=2)
        else:
            final = ring_image(first, center, radius * 1.15, width=7)
        assert score_frames(samples[0], [first] * 12 + [final] * 12, tmp_path).value >= 0.85

    def test_a_half_drawn_ring_scores_low(self, samples, tmp_path):
        solution = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        half = ring_image(first, solution.centers[solution.target], solution.ring_radii[solution.target], extent=180.0)
        assert score_frames(samples[0], [first] * 12 + [half] * 12, tmp_path).value <= 0.1
