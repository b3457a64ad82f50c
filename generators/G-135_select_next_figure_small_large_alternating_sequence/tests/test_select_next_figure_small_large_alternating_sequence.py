"""G-135 specifications: the alternating rule's solver, rejection of ambiguous candidates, near misses, and
the checks every task shares."""

from __future__ import annotations

import itertools

import pytest
from vbvr_core.families.sequence_choice.rules import choose, predict_next, sequence_radii
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import read_png
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g135_select_next_figure_small_large_alternating_sequence.generator import (
    SmallLargeAlternatingGenerator,
    Solution,
)

KEY = "G-135_select_next_figure_small_large_alternating_sequence"
GENERATOR = SmallLargeAlternatingGenerator


def test_the_sequence_starts_small_and_alternates():
    radii = sequence_radii("small_large", 4, 10.0, 2.0)
    assert radii == [10.0, 20.0, 10.0, 20.0, 10.0]
    assert predict_next("small_large", radii[:-1]) == radii[-1]


def test_the_solver_picks_the_same_kind_in_the_size_two_places_back():
    shown = [10.0, 20.0, 10.0]
    candidates = [("circle", 20.0), ("circle", 10.0), ("star", shown[-2]), ("circle", 14.14)]
    assert choose("small_large", "circle", shown, candidates) == 0


def test_a_second_candidate_close_in_size_makes_the_instance_ambiguous():
    shown = [10.0, 20.0, 10.0]
    with pytest.raises(ValueError, match="too close"):
        choose("small_large", "square", shown, [("square", shown[-2]), ("square", shown[-2] * 1.08), ("star", 20.0)])
    with pytest.raises(ValueError, match="0 candidates"):
        choose("small_large", "square", shown, [("square", shown[-1]), ("star", shown[-2])])


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
