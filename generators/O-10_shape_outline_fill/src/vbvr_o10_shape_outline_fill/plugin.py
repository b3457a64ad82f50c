"""Declares task O-10 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-10_shape_outline_fill",
    title="Apply the example's change between filled and outline to a new shape",
    category=Category.ABSTRACTION,
    description=(
        "A visual analogy: A → B on top, C → ? below, where B is A turned from filled into an outline (or from "
        "an outline into a filled shape). The '?' gives way to a copy of C whose inside empties from the centre "
        "out (or fills in) until it has B's style; its kind, colour, size and place stay the same."
    ),
    generator="vbvr_o10_shape_outline_fill.generator:ShapeOutlineFillGenerator",
    scorer="vbvr_core.families.shape_rules.judge:score_rules",
)
