"""O-10 shape_outline_fill: A → B turns a filled shape into an outline (or an outline into a filled shape); D is C
turned the same way.

Parameters → draw → solve → render → prompt (the shape-rules family does the shared work,
:mod:`vbvr_core.families.shape_rules`): the example and question shapes (two different kinds, one colour, size
and style), the step's direction; the solver turns both shapes' style; instances whose shapes would not fit
their slots or would be too small to read (an outline's hole too small) are rejected; the video fills the
answer slot: the "?" gives way to a copy of C whose inside empties from the centre out, or fills in.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Strata
from vbvr_core.families.shape_rules.task import ShapeRuleGenerator, ShapeRuleParams, StyleParams

from vbvr_o10_shape_outline_fill.plugin import TASK


class Params(ShapeRuleParams, StyleParams):
    """O-10_shape_outline_fill's parameter space: the shared shapes and pace, and the step's direction; a
    thicker stroke makes an outline read closer to a filled shape (harder)."""

    radius: Annotated[float, Strata((34, 42), (30, 36), (26, 32), digits=1)] = Field(
        30.0, ge=14, le=60, description="nominal radius (px) of both shapes")
    stroke: Annotated[int, Strata((4, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=8, description="stroke width (px) of an outlined shape")


class ShapeOutlineFillGenerator(ShapeRuleGenerator, task=TASK, params=Params):
    """Shows the example's change (filled ↔ outline) and applies it, step by step, to the question shape."""

    steps = ("style",)
    prompt = (
        "This is a visual analogy: in the top row, shape A turns into shape B by changing between a filled "
        "shape and an outline (or the other way round). In the bottom row, apply the same change to shape C: "
        "replace the question mark with a copy of C and show its inside gradually emptying into an outline of "
        "the same width as B's (or filling in), keeping its shape, colour, size and place. Do not change "
        "anything else in the image."
    )
