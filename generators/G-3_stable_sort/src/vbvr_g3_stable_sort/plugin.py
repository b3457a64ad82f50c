"""Declares task G-3 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-3_stable_sort",
    title="Stable sort",
    category=Category.PERCEPTION,
    description=(
        "A row of coloured shapes is moved into a new row below, sorted by the stated key "
        "(shape kind in a stated order, or size); shapes with equal keys keep their original left-to-right order."
    ),
    generator="vbvr_g3_stable_sort.generator:StableSortGenerator",
    scorer="vbvr_g3_stable_sort.scorer:score",
)
