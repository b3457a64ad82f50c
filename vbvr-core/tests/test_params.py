"""Drawing a task's parameters from their declared fields does not depend on what other tasks declared."""

from __future__ import annotations

import typing
from typing import Annotated, Literal

import numpy as np
from vbvr_core.contract import TaskParams, Uniform


class _Declared(TaskParams):
    kind: Annotated[Literal["circle", "square", "triangle", "diamond", "star"], Uniform()] = "circle"


class _SameValuesOtherOrder(TaskParams):
    kind: Annotated[Literal["circle", "square", "triangle", "star", "diamond"], Uniform()] = "circle"


def test_a_literal_keeps_its_own_order_when_another_task_declared_the_same_values_in_another_order():
    # typing caches Annotated[...] by equal arguments and Literals of the same values are equal in any order:
    # with draw markers equal by value the second class was handed the first one's Literal (G-193 and O-11).
    assert typing.get_args(_Declared.model_fields["kind"].annotation) == ("circle", "square", "triangle", "diamond",
                                                                         "star")
    assert typing.get_args(_SameValuesOtherOrder.model_fields["kind"].annotation) == ("circle", "square", "triangle",
                                                                                     "star", "diamond")
    draws = [(_Declared.draw(np.random.default_rng(seed), 0).kind,
              _SameValuesOtherOrder.draw(np.random.default_rng(seed), 0).kind) for seed in range(40)]
    assert any(first != second for first, second in draws)  # the same index picks each class's own value
