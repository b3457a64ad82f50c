"""Declares task G-218 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-218_identify_largest_angle_in_triangle",
    title="Identify the largest angle in a triangle",
    category=Category.PERCEPTION,
    description=(
        "A triangle is shown; its largest interior angle gets marked with a red circle drawn around that "
        "vertex, and nothing else changes. Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g218_identify_largest_angle_in_triangle.generator:LargestAngleGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
