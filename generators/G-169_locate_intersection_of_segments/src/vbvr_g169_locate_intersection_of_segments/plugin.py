"""Declares task G-169 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-169_locate_intersection_of_segments",
    title="Locate the intersection of two segments",
    category=Category.PERCEPTION,
    description=(
        "Straight line segments lie on a light canvas and exactly two of them cross; a red circle is drawn, "
        "stroke by stroke, centred on the point where they cross, and nothing else changes. Only the answer "
        "is asked for, so the process is not required."
    ),
    generator="vbvr_g169_locate_intersection_of_segments.generator:LocateIntersectionOfSegmentsGenerator",
    scorer="vbvr_g169_locate_intersection_of_segments.scorer:score",
    process_required=False,
)
