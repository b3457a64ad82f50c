"""Registers task G-174 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-174_arrange_circles_by_circumference",
    title="Arrange circles by circumference",
    category=Category.PERCEPTION,
    description=(
        "Circles of different sizes and colours lie scattered; they move, unchanged, onto one horizontal "
        "line centred in the image, ordered left to right from the largest circumference to the smallest."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-174's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g174_arrange_circles_by_circumference.generator:ArrangeCirclesGenerator",
        scorer_path="vbvr_g174_arrange_circles_by_circumference.scorer:score",
    )
