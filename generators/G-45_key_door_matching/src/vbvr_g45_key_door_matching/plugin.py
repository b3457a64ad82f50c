"""Declares task G-45 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-45_key_door_matching",
    title="Key and door matching",
    category=Category.SPATIALITY,
    description=(
        "A maze with a green round agent, coloured diamond keys and a hollow door of one key's colour; the "
        "agent walks cell by cell to the key of the door's colour, never touching another key, then into the "
        "door, by a shortest such route."
    ),
    generator="vbvr_g45_key_door_matching.generator:KeyDoorMatchingGenerator",
    scorer="vbvr_g45_key_door_matching.scorer:score",
)
