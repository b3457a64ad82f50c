"""Declares task G-24 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-24_separate_objects_no_spin",
    title="Separate objects without spinning",
    category=Category.TRANSFORMATION,
    description=(
        "A cluster of coloured pieces on the left comes apart: every piece slides straight to the right, without "
        "turning and without passing through another, into the dashed outline of itself on its row."
    ),
    generator="vbvr_g24_separate_objects_no_spin.generator:SeparateObjectsNoSpinGenerator",
    scorer="vbvr_core.families.placement.judge:score_slide",
)
