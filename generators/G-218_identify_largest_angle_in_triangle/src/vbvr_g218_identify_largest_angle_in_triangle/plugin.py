"""Registers task G-218 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-218_identify_largest_angle_in_triangle",
    title="Identify the largest angle in a triangle",
    category=Category.PERCEPTION,
    description=(
        "A triangle is shown; its largest interior angle gets marked with a red circle drawn around that "
        "vertex, and nothing else changes. Only the answer is asked for, so the process is not required."
    ),
    process_required=False,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-218's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g218_identify_largest_angle_in_triangle.generator:LargestAngleGenerator",
        scorer_path="vbvr_g218_identify_largest_angle_in_triangle.scorer:score",
    )
