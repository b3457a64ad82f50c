"""Declares task G-161 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-161_mark_second_largest_shape",
    title="Mark the second largest shape",
    category=Category.PERCEPTION,
    description=(
        "Several filled shapes of different areas (circles and regular polygons) lie on a light canvas; a red "
        "ring is drawn around the shape with the second largest area, and nothing else changes. Only the "
        "answer is asked for, so the process is not required."
    ),
    generator="vbvr_g161_mark_second_largest_shape.generator:SecondLargestShapeGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
