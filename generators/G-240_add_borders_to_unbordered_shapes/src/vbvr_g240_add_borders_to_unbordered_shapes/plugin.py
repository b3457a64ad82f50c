"""Declares task G-240 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-240_add_borders_to_unbordered_shapes",
    title="Add borders to the unbordered shapes",
    category=Category.TRANSFORMATION,
    description=(
        "Coloured filled shapes lie apart on a light canvas, some outlined in black and some not; a black border "
        "is traced, stroke by stroke, around each shape that had none, and nothing else changes. Only the "
        "answer is asked for, so the process is not required."
    ),
    generator="vbvr_g240_add_borders_to_unbordered_shapes.generator:AddBordersToUnborderedShapesGenerator",
    scorer="vbvr_g240_add_borders_to_unbordered_shapes.scorer:score",
    process_required=False,
)
