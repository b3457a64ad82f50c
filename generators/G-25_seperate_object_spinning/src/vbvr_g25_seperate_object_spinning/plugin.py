"""Declares task G-25 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-25_seperate_object_spinning",
    title="Separate objects, spinning first",
    category=Category.TRANSFORMATION,
    description=(
        "Tilted coloured pieces on the left each turn in place until they match the orientation of their dashed "
        "outline on the right, then all slide straight to the right, without passing through one another, into "
        "their outlines."
    ),
    generator="vbvr_g25_seperate_object_spinning.generator:SeperateObjectSpinningGenerator",
    scorer="vbvr_core.families.placement.judge:score_turn_then_slide",
)
