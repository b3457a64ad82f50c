"""Declares task G-248 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-248_mark_asymmetrical_shape",
    title="Mark the asymmetrical shape",
    category=Category.PERCEPTION,
    description=(
        "Several filled shapes lie on a light canvas, all mirror-symmetric but one; a red ring is drawn, "
        "stroke by stroke, around the one with no line of symmetry, and nothing else changes. Only the answer "
        "is asked for, so the process is not required."
    ),
    generator="vbvr_g248_mark_asymmetrical_shape.generator:AsymmetricalShapeGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
