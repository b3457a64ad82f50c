"""Declares task G-134 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-134_select_next_figure_large_small_alternating_sequence",
    title="Select the next figure of a large-small alternating sequence",
    category=Category.ABSTRACTION,
    description=(
        "A row of figures of one kind alternates between a large and a small size, starting large, with a '?' "
        "where the next one belongs; below it, candidate figures. A red ring is drawn around the candidate that "
        "continues the alternation (the same kind, in the size that comes next), and nothing else changes. Only "
        "the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g134_select_next_figure_large_small_alternating_sequence.generator:LargeSmallAlternatingGenerator",
    scorer="vbvr_core.families.sequence_choice.judge:score_choice",
    process_required=False,
)
