"""Declares task G-189 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-189_draw_midpoint_perpendicular_line",
    title="Draw the perpendicular from a line's midpoint",
    category=Category.PERCEPTION,
    description=(
        "Two parallel line segments lie on a light canvas; a red line is drawn, stroke by stroke, from the "
        "midpoint of the upper segment perpendicular to both, down to the lower one, and nothing else changes. "
        "Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g189_draw_midpoint_perpendicular_line.generator:DrawMidpointPerpendicularLineGenerator",
    scorer="vbvr_g189_draw_midpoint_perpendicular_line.scorer:score",
    process_required=False,
)
