"""Declares task G-223 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-223_highlight_horizontal_lines",
    title="Highlight the horizontal lines",
    category=Category.PERCEPTION,
    description=(
        "Straight line segments of several orientations lie on a light canvas; a black circle is drawn, stroke by "
        "stroke, around the midpoint of every horizontal segment and of no other, and nothing else changes. "
        "Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g223_highlight_horizontal_lines.generator:HorizontalLinesGenerator",
    scorer="vbvr_g223_highlight_horizontal_lines.scorer:score",
    process_required=False,
)
