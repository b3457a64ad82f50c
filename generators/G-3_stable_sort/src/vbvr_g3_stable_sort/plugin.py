"""Declares task G-3 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-3_stable_sort",
    title="Stable sort",
    category=Category.PERCEPTION,
    description=(
        "A row of circles, squares and triangles (one colour per kind) is moved into a new row below, grouped by "
        "kind in a stated order; shapes of the same kind keep their original left-to-right order (a stable sort)."
    ),
    generator="vbvr_g3_stable_sort.generator:StableSortGenerator",
    scorer="vbvr_g3_stable_sort.scorer:score",
)
