"""G-138 specifications: the solver, the generator's rejections, and the scorer on right, wrong and other marks."""

from __future__ import annotations

from collections import Counter

import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g138_spot_unique_non_repeated_color.generator import Solution, UniqueColorGenerator, unique_colour_shape

KEY = "G-138_spot_unique_non_repeated_color"


def test_the_unique_colour_is_found_and_ties_are_rejected():
    assert unique_colour_shape(["blue", "green", "blue", "cyan", "green"]) == 3
    with pytest.raises(Reject, match="ambiguous"):
        unique_colour_shape(["blue", "green", "blue", "cyan"])
    with pytest.raises(Reject, match="ambiguous"):
        unique_colour_shape(["blue", "blue", "cyan", "cyan"])


def test_solution_rings_the_only_shape_of_its_colour():
    for seed in range(9):
        solution = UniqueColorGenerator(seed, {"difficulty": seed % 3}).generate().solution
        counts = Counter(solution.colors)
        assert counts[solution.colors[solution.target]] == 1
        assert sorted(counts.values())[1] >= 2


def _ringed(folder, center, radius, frames=12):
    """The first frame held 0.5 s, a ring drawn around ``center``, then held 0.5 s."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 12 + sweep + sweep[-1:] * 12


class TestContract(SampleContract):
    key = KEY
    params = {"num_repeated": 2, "copies": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_a_repeated_colour_ringed_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        wrong = (solution.target + 1) % len(solution.colors)
        result = score_frames(samples[0], _ringed(samples[0], solution.centers[wrong], solution.ring_radii[wrong]),
                              tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    @pytest.mark.parametrize("style", ["dot", "thin_outline"])
    def test_other_clear_marks_of_the_right_shape_score_high(self, samples, tmp_path, style):
        solution = self.solution(samples[0])
        center, radius = solution.centers[solution.target], solution.ring_radii[solution.target]
        first = read_png(samples[0] / "first_frame.png")
        if style == "dot":
            final = ring_image(first, center, radius * 0.3, width=int(radius * 0.3) + 1)
        else:
            final = ring_image(first, center, radius, color=(200, 40, 30), width=2)
        assert score_frames(samples[0], [first] * 12 + [final] * 12, tmp_path).value >= 0.85
