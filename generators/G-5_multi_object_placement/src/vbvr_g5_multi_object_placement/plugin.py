"""Declares task G-5 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-5_multi_object_placement",
    title="Multi-object placement",
    category=Category.PERCEPTION,
    description=(
        "Coloured objects and star markers lie scattered; one at a time, each object slides in a straight line "
        "onto the star of its own colour, unchanged, while the stars stay where they are."
    ),
    generator="vbvr_g5_multi_object_placement.generator:MultiObjectPlacementGenerator",
    scorer="vbvr_g5_multi_object_placement.scorer:score",
)
