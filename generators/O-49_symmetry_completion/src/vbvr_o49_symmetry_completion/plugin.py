"""Declares task O-49 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-49_symmetry_completion",
    title="Symmetry completion",
    category=Category.ABSTRACTION,
    description=(
        "A square grid pattern with a marked mirror axis: one half is complete, cells of the other half are "
        "hidden (grey, with a question mark). Each hidden cell is filled with the colour of its mirror image "
        "across the axis, white where that cell is empty, so the whole pattern becomes symmetric."
    ),
    generator="vbvr_o49_symmetry_completion.generator:SymmetryCompletionGenerator",
    scorer="vbvr_core.families.fill_in.judge:score_completion",
    process_required=False,  # the answer is the completed pattern; the order of the fills is not asked for
)
