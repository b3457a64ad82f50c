"""O-13 specifications: the solver applies the rule, trivial draws are rejected, near misses score below the
answer, and the checks every task shares (vbvr_core.testing.shape_rules)."""

from __future__ import annotations

import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.shape_rules import ShapeRulesContract
from vbvr_o13_shape_outline_then_move.generator import ShapeOutlineThenMoveGenerator

SHORT = {"step_frames": 12}  # shorter videos keep the file's tests cheap


def test_an_outline_whose_hole_would_be_too_small_is_rejected():
    with pytest.raises(Reject, match="illegible"):
        ShapeOutlineThenMoveGenerator(2, {"example_kind": "circle", "question_kind": "star", "radius": 20.0, "stroke": 8}).generate()


class TestContract(ShapeRulesContract):
    key = "O-13_shape_outline_then_move"
    step_kinds = ("style", "move")
    near_misses = ("second_step_skipped",)
    params = SHORT
    solver_seeds = 3
