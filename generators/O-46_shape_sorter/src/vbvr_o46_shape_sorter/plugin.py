"""Declares task O-46 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-46_shape_sorter",
    title="Shape sorter",
    category=Category.TRANSFORMATION,
    description=(
        "Coloured shape cards on the left slide one at a time, in the order the prompt names them, along "
        "straight paths into the grey outlines of their own shapes on the right, until every outline is filled."
    ),
    generator="vbvr_o46_shape_sorter.generator:ShapeSorterGenerator",
    scorer="vbvr_o46_shape_sorter.scorer:score",
)
