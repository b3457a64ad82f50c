"""Declares task G-158 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-158_identify_all_hollow_points",
    title="Identify all hollow points",
    category=Category.PERCEPTION,
    description=(
        "Round points lie scattered on a light canvas, some hollow (an outline only) and some solid (filled); a "
        "red circle is drawn, stroke by stroke, around each hollow point in turn, and nothing else changes. Only "
        "the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g158_identify_all_hollow_points.generator:HollowPointsGenerator",
    scorer="vbvr_g158_identify_all_hollow_points.scorer:score",
    process_required=False,
)
