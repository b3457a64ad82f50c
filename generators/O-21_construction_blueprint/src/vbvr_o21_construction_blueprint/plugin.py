"""Declares task O-21 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-21_construction_blueprint",
    title="Construction blueprint",
    category=Category.ABSTRACTION,
    description=(
        "Of four coloured block pieces below a grey block wall, the one whose shape fits the red-outlined gap "
        "slides straight up into the gap and fills it; the other three stay where they are."
    ),
    generator="vbvr_o21_construction_blueprint.generator:ConstructionBlueprintGenerator",
    scorer="vbvr_o21_construction_blueprint.scorer:score",
)
