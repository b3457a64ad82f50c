"""Declares task G-160 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-160_circle_largest_numerical_value",
    title="Circle the largest numerical value",
    category=Category.KNOWLEDGE,
    description=(
        "Several numbers (integers, decimals, negatives; in different sizes) are printed on a white canvas; "
        "the one with the largest value gets a red circle drawn around it, and nothing else changes. Only the "
        "answer is asked for, so the process is not required."
    ),
    generator="vbvr_g160_circle_largest_numerical_value.generator:LargestNumberGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
