"""G-135 specifications: the alternating rule's solver, rejection of ambiguous candidates, near misses, and
the checks every task shares."""

from __future__ import annotations

import pytest
from vbvr_core.families.sequence_choice.rules import choose, predict_next, sequence_radii
from vbvr_core.testing.sequence_choice import SequenceChoiceContract


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


class TestContract(SequenceChoiceContract):
    key = "G-135_select_next_figure_small_large_alternating_sequence"
