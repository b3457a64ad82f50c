"""O-10 specifications: the solver turns the style, unreadable and trivial draws are rejected, the near miss
scores below the answer, and the checks every task shares."""

from __future__ import annotations

import pytest
from vbvr_core.families.shape_rules.scene import ShapeRuleSolution, apply
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.shape_rules import ShapeRulesContract
from vbvr_o10_shape_outline_fill.generator import ShapeOutlineFillGenerator

KEY = "O-10_shape_outline_fill"
GENERATOR = ShapeOutlineFillGenerator


def _solution(seed: int, **params) -> ShapeRuleSolution:
    return ShapeRuleSolution.model_validate(GENERATOR(seed, params or None).generate().solution)


@pytest.mark.parametrize("start", ["filled", "outline"])
def test_the_answer_is_the_question_shape_in_the_other_style(start):
    solution = _solution(1, start_style=start, example_kind="star", question_kind="triangle")
    assert [step.kind for step in solution.steps] == ["style"]
    a, b, c, d = solution.states
    assert a.filled == c.filled == (start == "filled") and b.filled == d.filled != a.filled
    assert b == apply(solution.steps[0], a) and d == apply(solution.steps[0], c)
    assert (d.kind, d.color, d.radius, d.dy) == (c.kind, c.color, c.radius, c.dy)


def test_an_outline_whose_hole_would_be_too_small_is_rejected():
    with pytest.raises(Reject, match="illegible"):
        _solution(2, example_kind="circle", question_kind="star", radius=20.0, stroke=8)


class TestContract(ShapeRulesContract):
    key = KEY
    step_kinds = ("style",)
    trivial_params = {"example_kind": "square", "question_kind": "square"}
    near_misses = True
