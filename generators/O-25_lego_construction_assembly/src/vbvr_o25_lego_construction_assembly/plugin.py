"""Declares task O-25 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-25_lego_construction_assembly",
    title="LEGO construction assembly",
    category=Category.SPATIALITY,
    description=(
        "The yellow brick shown in the instruction panel is carried along the arrow to just above its gap in the "
        "top course of the LEGO wall and pressed straight down onto the studs below, never passing through another "
        "brick; the wall stays as it was and the panel and its arrow then fade away."
    ),
    generator="vbvr_o25_lego_construction_assembly.generator:LegoConstructionAssemblyGenerator",
    scorer="vbvr_o25_lego_construction_assembly.scorer:score",
)
