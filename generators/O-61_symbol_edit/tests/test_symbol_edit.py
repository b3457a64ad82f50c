"""O-61 specifications: the edited row, the colours drawn, the ground truth under variation, near misses."""

from __future__ import annotations

import pytest
from vbvr_core.testing.symbol_row import SymbolRowContract
from vbvr_o61_symbol_edit.generator import SymbolEditGenerator


def solutions(params, seeds=range(40)):
    """The solutions of the draws among ``seeds`` that are not rejected."""
    from vbvr_core.pipeline.generator import Reject

    for seed in seeds:
        try:
            yield SymbolEditGenerator(seed, params).generate().solution
        except Reject:
            continue


def test_a_copy_follows_every_occurrence_and_nothing_else_changes():
    solution = next(solutions({"length": 6, "occurrences": 2}))
    assert len(solution.targets) == 2 and len(solution.final_row) == 8
    assert all(solution.final_row[slot] == solution.target == solution.final_row[slot - 1]
               for slot in solution.copy_slots)
    originals = [s for k, s in enumerate(solution.final_row) if k not in solution.copy_slots]
    assert originals == solution.row


def test_only_the_target_has_the_target_colour():
    for solution in solutions({"length": 7, "occurrences": 3}, range(6)):
        same = [k for k, (_, color) in enumerate(solution.row) if color == solution.target[1]]
        assert same == solution.targets


def test_rows_without_a_followable_moving_symbol_are_rejected():
    from vbvr_core.pipeline.generator import Reject

    reasons, kept = [], 0
    for seed in range(10):
        try:
            solution = SymbolEditGenerator(seed, {"length": 4, "occurrences": 1}).generate().solution
        except Reject as rejection:
            reasons.append(str(rejection))
            continue
        kept += 1
        assert solution.tracked >= 0 and solution.row[solution.tracked] != solution.target
    assert kept and reasons and all(reason.startswith("ambiguous") for reason in reasons)


def test_as_many_occurrences_as_symbols_is_refused():
    with pytest.raises(ValueError, match="occurrences"):
        SymbolEditGenerator(0, {"length": 3, "occurrences": 3})


class TestContract(SymbolRowContract):
    key = "O-61_symbol_edit"
