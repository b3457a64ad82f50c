"""Registers task O-85 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-85_2d_object_rotation",
    title="2-D object rotation",
    category=Category.TRANSFORMATION,
    description=(
        "Each 2-D shape turns about its own centre by the stated angle in the stated direction (clockwise or counterclockwise), at a steady pace, without moving."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-85's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o85_2d_object_rotation.generator:ObjectRotationGenerator",
        scorer_path="vbvr_o85_2d_object_rotation.scorer:score",
    )
