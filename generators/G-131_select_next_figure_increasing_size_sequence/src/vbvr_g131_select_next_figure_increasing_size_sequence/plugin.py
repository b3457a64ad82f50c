"""Declares task G-131 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-131_select_next_figure_increasing_size_sequence",
    title="Select the next figure of an increasing-size sequence",
    category=Category.ABSTRACTION,
    description=(
        "A row of figures of one kind grows in size by a constant factor, with a '?' where the next one "
        "belongs; below it, candidate figures. A red ring is drawn around the candidate that continues the "
        "sequence (the same kind, one step larger), and nothing else changes. Only the answer is asked for, "
        "so the process is not required."
    ),
    generator="vbvr_g131_select_next_figure_increasing_size_sequence.generator:IncreasingSizeSequenceGenerator",
    scorer="vbvr_core.families.sequence_choice.judge:score_choice",
    process_required=False,
)
