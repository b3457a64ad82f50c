"""O-12 specifications: the solver applies the rule, trivial draws are rejected, near misses score below the
answer, and the checks every task shares (vbvr_core.testing.shape_rules)."""

from __future__ import annotations

from vbvr_core.testing.shape_rules import ShapeRulesContract


class TestContract(ShapeRulesContract):
    key = "O-12_shape_color_then_scale"
    step_kinds = ("color", "scale")
    near_misses = ("steps_swapped", "second_step_skipped")
