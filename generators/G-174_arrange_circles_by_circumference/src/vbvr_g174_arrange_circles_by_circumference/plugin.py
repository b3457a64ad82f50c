"""Declares task G-174 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-174_arrange_circles_by_circumference",
    title="Arrange circles by circumference",
    category=Category.PERCEPTION,
    description=(
        "Circles of different sizes and colours lie scattered; they move, unchanged, onto one horizontal "
        "line centred in the image, ordered left to right from the largest circumference to the smallest."
    ),
    generator="vbvr_g174_arrange_circles_by_circumference.generator:ArrangeCirclesGenerator",
    scorer="vbvr_core.families.arrangement.judge:score_row",
)
