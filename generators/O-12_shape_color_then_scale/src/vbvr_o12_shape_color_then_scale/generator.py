"""O-12 shape_color_then_scale: A → B changes the colour, B → C the size; E is D recoloured, F is E resized by the same factor.

Parameters → draw → solve → render → prompt (the shape-rules family does the shared work,
:mod:`vbvr_core.families.shape_rules`): the example and question shapes (two different kinds, one colour and
size), the rule's arguments; the solver applies the steps (color then scale) to both shapes; instances whose shapes
would not fit their slots, would be too small to read, or whose colour change is too slight are rejected; the
video fills the answer slot(s) one after another, each step played out in its slot.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Strata, Uniform
from vbvr_core.families.shape_rules.task import ColorParams, ScaleParams, ShapeRuleGenerator, ShapeRuleParams

from vbvr_o12_shape_color_then_scale.plugin import TASK


class Params(ShapeRuleParams, ColorParams, ScaleParams):
    """O-12_shape_color_then_scale's parameter space: the shared shapes and pace, and the arguments of its step(s)."""

    radius: Annotated[float, Uniform(24, 29, digits=1)] = Field(
        26.0, ge=14, le=60, description="nominal radius (px) of both shapes before the scale step")
    factor: Annotated[float, Strata((1.55, 1.7), (1.45, 1.55), (1.35, 1.45), digits=2)] = Field(
        1.5, ge=1.3, le=2.0, description="how many times larger (or smaller) the scaled shape is")


class ShapeColorThenScaleGenerator(ShapeRuleGenerator, task=TASK, params=Params):
    """Shows the example's change (color then scale) and applies it, step by step, to the question shape."""

    steps = ("color", "scale")
    prompt = (
        "This is a two-step visual analogy: in the top row, shape A first changes colour (B) and then changes "
        "size (C). In the bottom row, apply the same two steps to shape D in the same order: in place of the "
        "first question mark show a copy of D changing to the new colour, then in place of the second "
        "question mark show a copy of that result growing or shrinking by the same factor. Do not change "
        "anything else in the image."
    )
