"""Declares task G-193 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-193_draw_next_sized_shape",
    title="Draw the next shape of a size pattern",
    category=Category.ABSTRACTION,
    description=(
        "A row of identical shapes whose sizes repeat a pattern (large, medium, small, ...) ends in an empty "
        "dashed box; the shape that continues the pattern — same kind and colour, the size the pattern calls "
        "for — grows in the box, and nothing else changes. Only the answer is asked for, so the process is "
        "not required."
    ),
    generator="vbvr_g193_draw_next_sized_shape.generator:DrawNextSizedShapeGenerator",
    scorer="vbvr_g193_draw_next_sized_shape.scorer:score",
    process_required=False,
)
