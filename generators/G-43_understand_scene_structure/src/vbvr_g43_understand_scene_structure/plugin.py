"""Declares task G-43 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-43_understand_scene_structure",
    title="Understand scene structure",
    category=Category.PERCEPTION,
    description=(
        "A furnished floor plan without labels; the room of the kind the prompt names (told by its furniture) "
        "gets a green rectangular box traced just inside its walls, and nothing else changes."
    ),
    generator="vbvr_g43_understand_scene_structure.generator:SceneStructureGenerator",
    scorer="vbvr_g43_understand_scene_structure.scorer:score",
    process_required=False,
)
