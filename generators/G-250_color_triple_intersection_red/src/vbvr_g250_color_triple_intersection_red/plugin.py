"""Declares task G-250 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-250_color_triple_intersection_red",
    title="Paint the triple intersection red",
    category=Category.PERCEPTION,
    description=(
        "Three overlapping outlined circles form a Venn diagram on a light canvas; the region inside all three "
        "circles is painted red, swept across from left to right, and no other region changes. Only the "
        "answer is asked for, so the process is not required."
    ),
    generator="vbvr_g250_color_triple_intersection_red.generator:TripleIntersectionGenerator",
    scorer="vbvr_g250_color_triple_intersection_red.scorer:score",
    process_required=False,
)
