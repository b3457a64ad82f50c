"""Registers task G-3 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-3_stable_sort",
    title="Stable sort",
    category=Category.PERCEPTION,
    description=(
        "A row of coloured shapes is moved into a new row below, sorted by the stated key "
        "(shape kind in a stated order, or size); shapes with equal keys keep their original left-to-right order."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-3's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g3_stable_sort.generator:StableSortGenerator",
        scorer_path="vbvr_g3_stable_sort.scorer:score",
    )
