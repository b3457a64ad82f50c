"""Declares task O-85 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-85_2d_object_rotation",
    title="2-D object rotation",
    category=Category.TRANSFORMATION,
    description=(
        "Each 2-D shape turns about its own centre by the stated angle in the stated direction (clockwise or "
        "counterclockwise), at a steady pace, without moving."
    ),
    generator="vbvr_o85_2d_object_rotation.generator:ObjectRotationGenerator",
    scorer="vbvr_o85_2d_object_rotation.scorer:score",
)
