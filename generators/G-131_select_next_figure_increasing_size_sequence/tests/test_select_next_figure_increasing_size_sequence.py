"""G-131 specifications: the growing rule's solver, rejection of ambiguous candidates, near misses, and the
checks every task shares."""

from __future__ import annotations

import itertools

import pytest
from vbvr_core.families.sequence_choice.rules import choose, predict_next
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import read_png
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g131_select_next_figure_increasing_size_sequence.generator import IncreasingSizeSequenceGenerator, Solution

KEY = "G-131_select_next_figure_increasing_size_sequence"
GENERATOR = IncreasingSizeSequenceGenerator


def test_the_next_figure_grows_by_the_last_factor():
    assert predict_next("increasing", [10.0, 13.0, 16.9]) == pytest.approx(21.97)


def test_the_solver_picks_the_same_kind_one_step_on_not_the_largest():
    shown = [10.0, 13.0, 16.9]
    candidates = [("square", 28.56), ("triangle", 21.97), ("square", 21.97), ("square", 16.9)]
    assert choose("increasing", "square", shown, candidates) == 2


def test_a_second_candidate_close_in_size_makes_the_instance_ambiguous():
    with pytest.raises(ValueError, match="too close"):
        choose("increasing", "circle", [10.0, 13.0, 16.9], [("circle", 21.97), ("circle", 24.0), ("star", 21.97)])
    with pytest.raises(ValueError, match="0 candidates"):
        choose("increasing", "circle", [10.0, 13.0, 16.9], [("circle", 28.0), ("star", 21.97)])


def test_every_sample_offers_one_step_too_far_and_the_right_size_in_another_kind():
    for seed in range(40):
        generator = GENERATOR(seed)
        try:
            solution = Solution.model_validate(generator.generate().solution)
        except Reject:
            continue
        answer = solution.candidate_radii[solution.target]
        kinds_and_sizes = list(zip(solution.candidate_kinds, solution.candidate_radii, strict=True))
        assert any(kind == solution.kind and radius > answer * 1.1 for kind, radius in kinds_and_sizes)
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
