"""O-9 shape_scaling: A becomes B by a change of size; the answer D is C scaled by the same factor.

Parameters → draw → solve → render → prompt (the shape-rules family does the shared work,
:mod:`vbvr_core.families.shape_rules`): the example and question shapes (two different kinds, one colour and
size), the rule's arguments; the solver applies the steps (scale) to both shapes; instances whose shapes
would not fit their slots, would be too small to read, or whose colour change is too slight are rejected; the
video fills the answer slot(s) one after another, each step played out in its slot.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Uniform
from vbvr_core.families.shape_rules.task import ScaleParams, ShapeRuleGenerator, ShapeRuleParams

from vbvr_o9_shape_scaling.plugin import TASK


class Params(ShapeRuleParams, ScaleParams):
    """O-9_shape_scaling's parameter space: the shared shapes and pace, and the arguments of its step(s)."""

    radius: Annotated[float, Uniform(27, 36, digits=1)] = Field(
        30.0, ge=14, le=60, description="nominal radius (px) of both shapes before the scale step")


class ShapeScalingGenerator(ShapeRuleGenerator, task=TASK, params=Params):
    """Shows the example's change (scale) and applies it, step by step, to the question shape."""

    steps = ("scale",)
    prompt = (
        "This is a visual analogy: in the top row, shape A turns into shape B by changing size. In the bottom "
        "row, apply the same change to shape C: replace the question mark with a copy of C and show it "
        "growing or shrinking smoothly by the same factor as A to B, keeping its shape, colour and place. Do "
        "not change anything else in the image."
    )
