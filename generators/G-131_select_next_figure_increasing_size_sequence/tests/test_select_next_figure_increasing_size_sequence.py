"""G-131 specifications: the growing rule's solver, rejection of ambiguous candidates, near misses, and the
checks every task shares."""

from __future__ import annotations

import pytest
from vbvr_core.families.sequence_choice.rules import choose, predict_next
from vbvr_core.testing.sequence_choice import SequenceChoiceContract


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


class TestContract(SequenceChoiceContract):
    key = "G-131_select_next_figure_increasing_size_sequence"
