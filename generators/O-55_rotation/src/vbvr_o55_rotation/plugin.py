"""Declares task O-55 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-55_rotation",
    title="3-D mental rotation",
    category=Category.SPATIALITY,
    description=(
        "The camera circles a structure of light-blue cubes horizontally by 180° the stated way, at a steady "
        "speed and constant height, until it shows the structure from the opposite side; the cubes stay put."
    ),
    generator="vbvr_o55_rotation.generator:RotationGenerator",
    scorer="vbvr_o55_rotation.scorer:score",
)
