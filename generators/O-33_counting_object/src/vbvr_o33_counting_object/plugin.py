"""Registers task O-33 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-33_counting_object",
    title="Counting objects",
    category=Category.PERCEPTION,
    description=(
        "A scene of shapes; the objects of the asked kind (or all of them) are counted one by one and the total "
        "is shown as 'Count: N' in a box at the bottom. Only the total is judged strictly, so the process "
        "(highlighting each object in turn) is not required."
    ),
    process_required=False,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-33's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o33_counting_object.generator:CountingGenerator",
        scorer_path="vbvr_o33_counting_object.scorer:score",
    )
