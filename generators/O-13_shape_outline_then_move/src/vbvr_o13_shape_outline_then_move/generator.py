"""O-13 shape_outline_then_move: A → B changes the style (filled ↔ outline), B → C moves the shape up or down; E
is D in the other style, F is E moved by the same distance.

Parameters → draw → solve → render → prompt (the shape-rules family does the shared work,
:mod:`vbvr_core.families.shape_rules`): the example and question shapes (two different kinds, one colour, size
and style), the rule's arguments; the solver applies the steps (style then move) to both shapes; instances
whose shapes would not fit their slots or would be too small to read (an outline's hole too small) are
rejected; the video fills the answer slots one after another, each step played out in its slot.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Uniform
from vbvr_core.families.shape_rules.task import MoveParams, ShapeRuleGenerator, ShapeRuleParams, StyleParams

from vbvr_o13_shape_outline_then_move.plugin import TASK


class Params(ShapeRuleParams, StyleParams, MoveParams):
    """O-13_shape_outline_then_move's parameter space: the shared shapes and pace, and the arguments of its
    steps."""

    radius: Annotated[float, Uniform(26, 36, digits=1)] = Field(
        30.0, ge=14, le=60, description="nominal radius (px) of both shapes")


class ShapeOutlineThenMoveGenerator(ShapeRuleGenerator, task=TASK, params=Params):
    """Shows the example's change (style then move) and applies it, step by step, to the question shape."""

    steps = ("style", "move")
    prompt = (
        "This is a two-step visual analogy: in the top row, shape A first changes between a filled shape and an "
        "outline (B) and then moves up or down (C). In the bottom row, apply the same two steps to shape D in "
        "the same order: in place of the first question mark show a copy of D gradually emptying into an "
        "outline like B's (or filling in), then in place of the second question mark show a copy of that "
        "result sliding up or down by the same distance. Do not change anything else in the image."
    )
