"""Declares task G-219 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-219_select_leftmost_shape",
    title="Select the leftmost shape",
    category=Category.SPATIALITY,
    description=(
        "Several shapes of one form, each in its own colour, are scattered over a light canvas; a red ring is "
        "drawn around the shape that lies farthest to the left, and nothing else changes. Only the answer is "
        "asked for, so the process is not required."
    ),
    generator="vbvr_g219_select_leftmost_shape.generator:SelectLeftmostShapeGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
