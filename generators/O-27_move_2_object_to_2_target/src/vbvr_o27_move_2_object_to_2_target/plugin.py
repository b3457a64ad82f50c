"""Declares task O-27 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-27_move_2_object_to_2_target",
    title="Move two objects to two targets",
    category=Category.TRANSFORMATION,
    description=(
        "A pink and a blue ball slide at the same time, each in a straight line and without meeting, into the "
        "centre of the dashed ring of its own colour."
    ),
    generator="vbvr_o27_move_2_object_to_2_target.generator:MoveTwoObjectsGenerator",
    scorer="vbvr_o27_move_2_object_to_2_target.scorer:score",
)
