"""Declares task G-194 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-194_construct_concentric_ring",
    title="Construct concentric rings",
    category=Category.TRANSFORMATION,
    description=(
        "Two rings of different sizes and colours lie apart (or crossing) on a light canvas; both slide in "
        "straight lines, at the same time, until their centres meet at the centre of the image, forming "
        "concentric rings; their sizes and colours do not change."
    ),
    generator="vbvr_g194_construct_concentric_ring.generator:ConstructConcentricRingGenerator",
    scorer="vbvr_g194_construct_concentric_ring.scorer:score",
)
