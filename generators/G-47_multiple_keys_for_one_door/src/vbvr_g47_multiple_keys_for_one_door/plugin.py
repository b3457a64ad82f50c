"""Declares task G-47 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-47_multiple_keys_for_one_door",
    title="Multiple keys for one door",
    category=Category.SPATIALITY,
    description=(
        "A maze with a green round agent, several coloured diamond keys and one brown door; the agent walks "
        "cell by cell, collecting every key, then reaches the door, by a shortest such route."
    ),
    generator="vbvr_g47_multiple_keys_for_one_door.generator:MultipleKeysGenerator",
    scorer="vbvr_g47_multiple_keys_for_one_door.scorer:score",
)
