"""Declares task G-168 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-168_identify_nearest_to_square_rectangle",
    title="Identify the rectangle nearest to a square",
    category=Category.PERCEPTION,
    description=(
        "Several filled rectangles of different proportions and sizes lie on a light canvas; a red ring is "
        "drawn, stroke by stroke, around the one whose sides are most nearly equal, and nothing else changes. "
        "Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g168_identify_nearest_to_square_rectangle.generator:NearestSquareGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
