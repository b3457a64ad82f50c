"""G-134 specifications: the alternating rule's solver, rejection of ambiguous candidates, near misses, and
the checks every task shares."""

from __future__ import annotations

import itertools

import pytest
from vbvr_core.families.sequence_choice.rules import choose, predict_next, sequence_radii
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import read_png
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g134_select_next_figure_large_small_alternating_sequence.generator import (
    LargeSmallAlternatingGenerator,
    Solution,
)

KEY = "G-134_select_next_figure_large_small_alternating_sequence"
GENERATOR = LargeSmallAlternatingGenerator


def test_the_sequence_starts_large_and_alternates():
    radii = sequence_radii("large_small", 4, 10.0, 2.0)
    assert radii == [20.0, 10.0, 20.0, 10.0, 20.0]
    assert predict_next("large_small", radii[:-1]) == radii[-1]


def test_the_solver_picks_the_same_kind_in_the_size_two_places_back():
    shown = [20.0, 10.0, 20.0]
    candidates = [("circle", 20.0), ("circle", 10.0), ("star", shown[-2]), ("circle", 14.14)]
    assert choose("large_small", "circle", shown, candidates) == 1


def test_a_second_candidate_close_in_size_makes_the_instance_ambiguous():
    shown = [20.0, 10.0, 20.0]
    with pytest.raises(ValueError, match="too close"):
        choose("large_small", "square", shown, [("square", shown[-2]), ("square", shown[-2] * 1.08), ("star", 20.0)])
    with pytest.raises(ValueError, match="0 candidates"):
        choose("large_small", "square", shown, [("square", shown[-1]), ("star", shown[-2])])


def test_every_sample_offers_the_other_size_and_the_right_size_in_another_kind():
    for seed in range(40):
        generator = GENERATOR(seed)
        try:
            solution = Solution.model_validate(generator.generate().solution)
        except Reject:
            continue
        answer = solution.candidate_radii[solution.target]
        kinds_and_sizes = list(zip(solution.candidate_kinds, solution.candidate_radii, strict=True))
        assert (solution.kind, solution.sequence_radii[-1]) in kinds_and_sizes
        assert any(kind != solution.kind and radius == answer for kind, radius in kinds_and_sizes)
@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY)[0]


def test_a_ring_drawn_at_once_on_the_answer_keeps_most_credit(sample, tmp_path):
    first, final = read_png(sample / "first_frame.png"), read_png(sample / "final_frame.png")
    assert score_frames(sample, list(itertools.chain([first] * 8, [final] * 12)), tmp_path).value >= 0.85


class TestContract(SampleContract):
    key = KEY
    near_misses = ("wrong_size_ringed", "wrong_kind_ringed")
    near_miss_max = 0.1
