"""Declares task G-206 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-206_identify_pentagons",
    title="Identify the pentagon",
    category=Category.PERCEPTION,
    description=(
        "Several polygons (triangles, quadrilaterals, hexagons, heptagons; regular or irregular, filled or "
        "outlined) and exactly one pentagon lie on a light canvas; a red ring is drawn around the pentagon, "
        "and nothing else changes. Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g206_identify_pentagons.generator:PentagonGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
