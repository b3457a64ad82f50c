"""Declares task O-6 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-6_2d_geometric_transformation",
    title="2-D rotation about a point",
    category=Category.TRANSFORMATION,
    description=(
        "A coloured shape turns rigidly about a marked point (not its own centre) by the stated angle and "
        "direction, at a steady pace, sweeping around the point until it lies on the dashed target outline."
    ),
    generator="vbvr_o6_2d_geometric_transformation.generator:GeometricTransformationGenerator",
    scorer="vbvr_o6_2d_geometric_transformation.scorer:score",
)
