"""O-14 specifications: the solver applies the rule, trivial draws are rejected, near misses score below the
answer, and the checks every task shares (vbvr_core.testing.shape_rules)."""

from __future__ import annotations

import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.shape_rules import ShapeRulesContract
from vbvr_o14_shape_scale_then_outline.generator import ShapeScaleThenOutlineGenerator

SHORT = {"step_frames": 12}  # shorter videos keep the file's tests cheap


def test_an_outline_whose_hole_would_be_too_small_is_rejected():
    with pytest.raises(Reject, match="illegible"):
        ShapeScaleThenOutlineGenerator(2, {"example_kind": "circle", "question_kind": "star", "radius": 20.0, "stroke": 8}).generate()


class TestContract(ShapeRulesContract):
    key = "O-14_shape_scale_then_outline"
    step_kinds = ("scale", "style")
    near_misses = ("second_step_skipped",)
    params = SHORT
    solver_seeds = 3
