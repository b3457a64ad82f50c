"""Declares task G-212 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-212_find_incorrect_arrow_direction",
    title="Find the arrow pointing the wrong way",
    category=Category.PERCEPTION,
    description=(
        "Arrows on a grid all point one way, or arrows around a circle all point the same way round, except one "
        "that is reversed or turned a quarter turn; a red ring is drawn, stroke by stroke, around that arrow, and "
        "nothing else changes. Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g212_find_incorrect_arrow_direction.generator:WrongArrowGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
