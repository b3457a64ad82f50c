"""Declares task O-38 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-38_majority_color",
    title="Recolour every shape to the majority colour",
    category=Category.PERCEPTION,
    description=(
        "Filled shapes in a few colours lie on a light canvas, one colour worn by more shapes than any other; "
        "the shapes of the other colours change, one after another, to that majority colour, while every "
        "shape keeps its place, size and form."
    ),
    generator="vbvr_o38_majority_color.generator:MajorityColorGenerator",
    scorer="vbvr_o38_majority_color.scorer:score",
)
