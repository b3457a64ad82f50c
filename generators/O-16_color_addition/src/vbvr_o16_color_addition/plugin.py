"""Declares task O-16 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-16_color_addition",
    title="Additive colour mixing of two balls",
    category=Category.PERCEPTION,
    description=(
        "Two balls of different colours glide toward each other at the same speed and merge into one ball at "
        "their midpoint; their overlap, and at the end the whole merged ball, shows the additive (light) "
        "mixture of the two colours."
    ),
    generator="vbvr_o16_color_addition.generator:ColorAdditionGenerator",
    scorer="vbvr_o16_color_addition.scorer:score",
)
