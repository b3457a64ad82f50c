"""Declares task O-43 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-43_object_subtraction",
    title="Object subtraction: remove what the rule names",
    category=Category.ABSTRACTION,
    description=(
        "Coloured shapes on white; every object the prompt's rule names (a colour, a shape, or both) fades out, "
        "one at a time, while every other object stays exactly as it was."
    ),
    generator="vbvr_o43_object_subtraction.generator:ObjectSubtractionGenerator",
    scorer="vbvr_o43_object_subtraction.scorer:score",
)
