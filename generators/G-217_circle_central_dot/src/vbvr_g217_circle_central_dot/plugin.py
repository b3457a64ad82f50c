"""Declares task G-217 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-217_circle_central_dot",
    title="Circle the central dot",
    category=Category.KNOWLEDGE,
    description=(
        "Black dots form a symmetric pattern (a line, a grid, a cross or a ring round a middle dot), level and "
        "centred or turned and shifted on a light canvas; a red ring is drawn, stroke by stroke, around the dot at "
        "the pattern's centre, and nothing else changes. Only the answer is asked for, so the process is not "
        "required."
    ),
    generator="vbvr_g217_circle_central_dot.generator:CentralDotGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
