"""Registers task O-49 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-49_symmetry_completion",
    title="Symmetry completion",
    category=Category.ABSTRACTION,
    description=(
        "A square grid pattern with a marked mirror axis: one half is complete, cells of the other half are "
        "hidden (grey, with a question mark). Each hidden cell is filled with the colour of its mirror image "
        "across the axis, white where that cell is empty, so the whole pattern becomes symmetric."
    ),
    # The answer is the completed pattern; the order in which cells are filled is not asked for.
    process_required=False,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-49's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o49_symmetry_completion.generator:SymmetryCompletionGenerator",
        scorer_path="vbvr_o49_symmetry_completion.scorer:score",
    )
