"""Declares task G-136 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-136_locate_point_in_overlapping_area",
    title="Locate the dots in the overlap of two shapes",
    category=Category.PERCEPTION,
    description=(
        "Two tinted, outlined shapes overlap on a light canvas among black dots; a red circle is drawn, stroke by "
        "stroke, around each dot that lies inside both shapes, one after another, and nothing else changes. Only "
        "the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g136_locate_point_in_overlapping_area.generator:OverlapDotsGenerator",
    scorer="vbvr_g136_locate_point_in_overlapping_area.scorer:score",
    process_required=False,
)
