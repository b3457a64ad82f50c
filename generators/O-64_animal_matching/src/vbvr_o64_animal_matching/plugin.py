"""Declares task O-64 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-64_animal_matching",
    title="Animal matching",
    category=Category.TRANSFORMATION,
    description=(
        "Cartoon animal faces on the left slide one at a time, in the order the prompt names them, along straight "
        "paths into the grey outlines of their own silhouettes on the right, each centred in its outline."
    ),
    generator="vbvr_o64_animal_matching.generator:AnimalMatchingGenerator",
    scorer="vbvr_o64_animal_matching.scorer:score",
)
