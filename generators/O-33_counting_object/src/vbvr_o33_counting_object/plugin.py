"""Declares task O-33 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-33_counting_object",
    title="Counting objects",
    category=Category.PERCEPTION,
    description=(
        "A scene of shapes; the objects of the asked kind (or all of them) are counted one by one and the total "
        "is shown as 'Count: N' in a box at the bottom. Only the total is judged strictly, so the process "
        "(highlighting each object in turn) is not required."
    ),
    generator="vbvr_o33_counting_object.generator:CountingGenerator",
    scorer="vbvr_o33_counting_object.scorer:score",
    process_required=False,
)
