"""G-147 specifications: the corner-count solver, the parameter checks, and the scorer on right and wrong marks."""

from __future__ import annotations

import math

import pydantic
import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g147_identify_unique_figure_in_uniform_set.generator import (
    Params,
    Solution,
    UniqueFigureGenerator,
    odd_sides,
    unique_one,
)

KEY = "G-147_identify_unique_figure_in_uniform_set"


def test_the_unique_corner_count_is_found():
    assert unique_one([5, 5, 6, 5, 5]) == 2


@pytest.mark.parametrize("sides", [[5, 5, 5, 5], [5, 6, 6, 5], [5, 6, 7, 5, 5], [5, 6]])
def test_no_several_or_too_few_unique_figures_are_rejected(sides):
    with pytest.raises(Reject, match="ambiguous"):
        unique_one(sides)


def test_the_odd_corner_count_stays_within_three_to_eight():
    assert odd_sides(7, 2, upward=True) == 5
    assert odd_sides(3, 1, upward=False) == 4
    with pytest.raises(Reject):
        odd_sides(5, 4, upward=True)


def test_an_array_too_small_for_a_uniform_set_is_refused():
    with pytest.raises(pydantic.ValidationError, match="rows × cols"):
        Params(rows=2, cols=2)


def test_every_figure_but_the_target_is_the_same_and_rings_stay_apart():
    for seed in range(9):
        s = UniqueFigureGenerator(seed, {"difficulty": seed % 3}).generate().solution
        assert {n for k, n in enumerate(s.sides) if k != s.target} == {s.sides[0] if s.target else s.sides[1]}
        assert all(math.dist(a, b) > 2 * s.ring_radius for i, a in enumerate(s.centers) for b in s.centers[i + 1:])


def _ringed(folder, center, radius, frames=6):
    """The first frame held 0.25 s, a ring drawn around ``center``, then held 0.25 s (short: tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 6 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_a_ring_on_a_neighbour_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        wrong = min((k for k in range(len(s.sides)) if k != s.target),
                    key=lambda k: math.dist(s.centers[k], s.centers[s.target]))
        result = score_frames(samples[0], _ringed(samples[0], s.centers[wrong], s.ring_radius), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_figures_marked_at_once_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        other = (s.target + 1) % len(s.sides)
        frames = _ringed(samples[0], s.centers[s.target], s.ring_radius)
        both = ring_image(frames[-1], s.centers[other], s.ring_radius)
        assert score_frames(samples[0], frames + [both] * 6, tmp_path).value == 0

    def test_a_dot_on_the_unique_figure_scores_high(self, samples, tmp_path):
        s = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        dot = ring_image(first, s.centers[s.target], s.ring_radius * 0.2, width=int(s.ring_radius * 0.2) + 1)
        assert score_frames(samples[0], [first] * 6 + [dot] * 6, tmp_path).value >= 0.85
