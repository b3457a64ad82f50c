"""O-11 shape_color_then_move: A → B changes the colour, B → C moves it vertically; E is D recoloured, F is E moved the same way.

Parameters → draw → solve → render → prompt (the shape-rules family does the shared work,
:mod:`vbvr_core.families.shape_rules`): the example and question shapes (two different kinds, one colour and
size), the rule's arguments; the solver applies the steps (color then move) to both shapes; instances whose shapes
would not fit their slots, would be too small to read, or whose colour change is too slight are rejected; the
video fills the answer slot(s) one after another, each step played out in its slot.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Uniform
from vbvr_core.families.shape_rules.task import ColorParams, MoveParams, ShapeRuleGenerator, ShapeRuleParams

from vbvr_o11_shape_color_then_move.plugin import TASK


class Params(ShapeRuleParams, ColorParams, MoveParams):
    """O-11_shape_color_then_move's parameter space: the shared shapes and pace, and the arguments of its step(s)."""

    radius: Annotated[float, Uniform(24, 36, digits=1)] = Field(
        30.0, ge=14, le=60, description="nominal radius (px) of both shapes")


class ShapeColorThenMoveGenerator(ShapeRuleGenerator, task=TASK, params=Params):
    """Shows the example's change (color then move) and applies it, step by step, to the question shape."""

    steps = ("color", "move")
    prompt = (
        "This is a two-step visual analogy: in the top row, shape A first changes colour (B) and then moves "
        "up or down (C). In the bottom row, apply the same two steps to shape D in the same order: in place "
        "of the first question mark show a copy of D changing to the new colour, then in place of the second "
        "question mark show a copy of that result sliding the same way and the same distance as from B to C. "
        "Do not change anything else in the image."
    )
