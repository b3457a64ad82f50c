"""Declares task G-135 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-135_select_next_figure_small_large_alternating_sequence",
    title="Select the next figure of a small-large alternating sequence",
    category=Category.ABSTRACTION,
    description=(
        "A row of figures of one kind alternates between a small and a large size, starting small, with a '?' "
        "where the next one belongs; below it, candidate figures. A red ring is drawn around the candidate that "
        "continues the alternation (the same kind, in the size that comes next), and nothing else changes. Only "
        "the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g135_select_next_figure_small_large_alternating_sequence.generator:SmallLargeAlternatingGenerator",
    scorer="vbvr_core.families.sequence_choice.judge:score_choice",
    process_required=False,
)
