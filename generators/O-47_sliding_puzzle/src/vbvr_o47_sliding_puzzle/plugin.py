"""Registers task O-47 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-47_sliding_puzzle",
    title="Sliding puzzle",
    category=Category.ABSTRACTION,
    description=(
        "A scrambled sliding-tile puzzle (2×2, 3×3 or 4×4, one empty space) is solved: numbered tiles slide one "
        "at a time into the empty space until they read in order with the empty space at the bottom right, "
        "using as few moves as possible."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-47's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o47_sliding_puzzle.generator:SlidingPuzzleGenerator",
        scorer_path="vbvr_o47_sliding_puzzle.scorer:score",
    )
