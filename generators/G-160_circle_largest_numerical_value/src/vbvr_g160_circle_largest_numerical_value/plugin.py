"""Registers task G-160 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-160_circle_largest_numerical_value",
    title="Circle the largest numerical value",
    category=Category.KNOWLEDGE,
    description=(
        "Several numbers (integers, decimals, negatives; in different sizes) are printed on a white canvas; "
        "the one with the largest value gets a red circle drawn around it, and nothing else changes. Only the "
        "answer is asked for, so the process is not required."
    ),
    process_required=False,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-160's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g160_circle_largest_numerical_value.generator:LargestNumberGenerator",
        scorer_path="vbvr_g160_circle_largest_numerical_value.scorer:score",
    )
