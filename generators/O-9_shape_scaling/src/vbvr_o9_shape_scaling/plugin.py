"""Declares task O-9 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-9_shape_scaling",
    title="Apply the example's change of size to a new shape",
    category=Category.ABSTRACTION,
    description=(
        "A visual analogy in a 2×2 grid: shape A becomes shape B by a change of size (larger or smaller by a "
        "factor); shape C is followed by a '?'. The '?' gives way to a copy of C that grows or shrinks "
        "smoothly by the same factor, keeping its kind, colour and place; nothing else changes."
    ),
    generator="vbvr_o9_shape_scaling.generator:ShapeScalingGenerator",
    scorer="vbvr_core.families.shape_rules.judge:score_rules",
)
