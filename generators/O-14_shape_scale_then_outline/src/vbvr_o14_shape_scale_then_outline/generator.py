"""O-14 shape_scale_then_outline: A → B changes the size, B → C the style (filled ↔ outline); E is D resized by
the same factor, F is E in the other style.

Parameters → draw → solve → render → prompt (the shape-rules family does the shared work,
:mod:`vbvr_core.families.shape_rules`): the example and question shapes (two different kinds, one colour, size
and style), the rule's arguments; the solver applies the steps (scale then style) to both shapes; instances
whose shapes would not fit their slots or would be too small to read (an outline's hole too small) are
rejected; the video fills the answer slots one after another, each step played out in its slot.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Strata, Uniform
from vbvr_core.families.shape_rules.task import ScaleParams, ShapeRuleGenerator, ShapeRuleParams, StyleParams

from vbvr_o14_shape_scale_then_outline.plugin import TASK


class Params(ShapeRuleParams, ScaleParams, StyleParams):
    """O-14_shape_scale_then_outline's parameter space: the shared shapes and pace, and the arguments of its
    steps."""

    radius: Annotated[float, Uniform(26, 34, digits=1)] = Field(
        30.0, ge=14, le=60, description="nominal radius (px) of both shapes before the scale step")
    factor: Annotated[float, Strata((1.55, 1.7), (1.45, 1.55), (1.35, 1.45), digits=2)] = Field(
        1.5, ge=1.3, le=2.0, description="how many times larger (or smaller) the scaled shape is")


class ShapeScaleThenOutlineGenerator(ShapeRuleGenerator, task=TASK, params=Params):
    """Shows the example's change (scale then style) and applies it, step by step, to the question shape."""

    steps = ("scale", "style")
    prompt = (
        "This is a two-step visual analogy: in the top row, shape A first changes size (B) and then changes "
        "between a filled shape and an outline (C). In the bottom row, apply the same two steps to shape D in "
        "the same order: in place of the first question mark show a copy of D growing or shrinking by the same "
        "factor, then in place of the second question mark show a copy of that result gradually emptying into "
        "an outline like C's (or filling in). Do not change anything else in the image."
    )
