"""Declares task G-138 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-138_spot_unique_non_repeated_color",
    title="Spot the shape of the unrepeated colour",
    category=Category.PERCEPTION,
    description=(
        "Filled shapes lie on a light canvas; every colour is worn by two or more shapes except one, worn by "
        "a single shape. A black ring is drawn around that shape, stroke by stroke, and nothing else changes. "
        "Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g138_spot_unique_non_repeated_color.generator:UniqueColorGenerator",
    scorer="vbvr_g138_spot_unique_non_repeated_color.scorer:score",
    process_required=False,
)
