"""Declares task O-22 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-22_construction_stack",
    title="Construction stack",
    category=Category.TRANSFORMATION,
    description=(
        "Coloured blocks lying on the table are lifted one at a time, bottom block first, and set down on the grey "
        "pad on the left until they form a tower in the same colour order as the pale target tower on the right."
    ),
    generator="vbvr_o22_construction_stack.generator:ConstructionStackGenerator",
    scorer="vbvr_o22_construction_stack.scorer:score",
)
