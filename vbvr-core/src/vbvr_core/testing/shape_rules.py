"""The contract checks of the ``shape_rules`` tasks (visual analogies: an example changes by rule steps, the same
steps are applied to a new shape), on top of :class:`~vbvr_core.testing.contract.SampleContract`::

    class TestContract(ShapeRulesContract):
        key = "O-11_shape_color_then_move"
        step_kinds = ("color", "move")
        near_misses = ("steps_swapped", "second_step_skipped")

Adds: on ``solver_seeds`` seeds, the example's shown states are its start after each step and the answers are the
question shape after each step, in order, with the declared step kinds; an example and a question of one shape kind
(``trivial_params``) are rejected as trivial.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from vbvr_core.discovery import get_task
from vbvr_core.families.shape_rules.scene import apply
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract


class ShapeRulesContract(SampleContract):
    """Set ``key`` and ``step_kinds`` (the rule's step kinds in order); ``solver_seeds`` keeps the solver check
    cheap; ``trivial_params`` is a draw whose example and question shapes are of one kind."""

    step_kinds: ClassVar[tuple[str, ...]]
    solver_seeds: ClassVar[int] = 6
    trivial_params: ClassVar[dict[str, Any]] = {"example_kind": "star", "question_kind": "star"}

    def _solution(self, seed: int, params: dict[str, Any] | None):
        generator = get_task(self.key).load_generator()
        return generator.Solution.model_validate(generator(seed, params).generate().solution)

    def test_the_answers_are_the_question_shape_after_the_steps_in_order(self):
        checked = 0
        for seed in range(self.solver_seeds):
            try:
                solution = self._solution(seed, None)
            except Reject:
                continue
            checked += 1
            assert tuple(step.kind for step in solution.steps) == self.step_kinds
            example, shown = solution.states[0], solution.states[1 : 1 + len(solution.steps)]
            for state, step in zip(shown, solution.steps, strict=True):
                example = apply(step, example)
                assert state == example, "the example's shown states are not its start after each step"
            question = solution.states[1 + len(solution.steps)]
            for answer, step in zip(solution.answers, solution.steps, strict=True):
                question = apply(step, question)
                assert solution.states[answer] == question, "an answer is not the question after the steps"
        assert checked, f"every one of {self.solver_seeds} seeds was rejected"

    def test_an_example_and_question_of_one_kind_are_rejected(self):
        with pytest.raises(Reject, match="trivial"):
            self._solution(3, self.trivial_params)
