"""Declares task G-273 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-273_high_density_liquid",
    title="High density liquid",
    category=Category.KNOWLEDGE,
    description=(
        "Two identical yellow blocks float in two containers of different liquids; the block that sinks less "
        "deep floats in the denser liquid, and a red rectangle is drawn around it while nothing else changes. "
        "Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g273_high_density_liquid.generator:HighDensityLiquidGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
