"""Declares task G-9 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-9_identify_objects_in_region",
    title="Identify the objects of one kind in one region",
    category=Category.PERCEPTION,
    description=(
        "Grey lines split a light canvas into halves or quarters with coloured shapes of several kinds in each; a "
        "green square border is drawn, side by side, around each shape of the asked kind in the asked region in "
        "turn, and nothing else changes. Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g9_identify_objects_in_region.generator:RegionObjectsGenerator",
    scorer="vbvr_g9_identify_objects_in_region.scorer:score",
    process_required=False,
)
