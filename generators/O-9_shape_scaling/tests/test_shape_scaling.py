"""O-9 specifications: the solver applies the rule, trivial draws are rejected, near misses score below the
answer, and the checks every task shares (vbvr_core.testing.shape_rules)."""

from __future__ import annotations

from vbvr_core.testing.shape_rules import ShapeRulesContract


class TestContract(ShapeRulesContract):
    key = "O-9_shape_scaling"
    step_kinds = ("scale",)
    near_misses = True
