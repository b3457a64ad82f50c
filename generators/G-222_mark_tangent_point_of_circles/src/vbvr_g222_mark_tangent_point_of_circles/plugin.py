"""Declares task G-222 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-222_mark_tangent_point_of_circles",
    title="Mark the tangent point of two circles",
    category=Category.PERCEPTION,
    description=(
        "Several outlined circles lie on a light canvas and exactly two of them touch from outside; a small "
        "black circle is drawn, stroke by stroke, centred on the point where they touch, and nothing else "
        "changes. Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g222_mark_tangent_point_of_circles.generator:TangentPointGenerator",
    scorer="vbvr_g222_mark_tangent_point_of_circles.scorer:score",
    process_required=False,
)
