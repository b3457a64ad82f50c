"""Declares task G-167 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-167_select_longest_polygon_side",
    title="Select the longest side of a polygon",
    category=Category.PERCEPTION,
    description=(
        "A convex polygon is outlined on a light canvas with one side longer than every other; a red circle is "
        "drawn, stroke by stroke, centred on that side's midpoint, and nothing else changes. Only the answer is "
        "asked for, so the process is not required."
    ),
    generator="vbvr_g167_select_longest_polygon_side.generator:LongestSideGenerator",
    scorer="vbvr_g167_select_longest_polygon_side.scorer:score",
    process_required=False,
)
