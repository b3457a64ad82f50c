"""Declares task O-65 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-65_animal_size_sorting",
    title="Animal size sorting",
    category=Category.PERCEPTION,
    description=(
        "Scattered cartoon animal faces of different sizes move smoothly into one row on the grey baseline, "
        "sorted from the smallest on the left to the largest on the right, their bottoms on the line."
    ),
    generator="vbvr_o65_animal_size_sorting.generator:AnimalSizeSortingGenerator",
    scorer="vbvr_o65_animal_size_sorting.scorer:score",
)
