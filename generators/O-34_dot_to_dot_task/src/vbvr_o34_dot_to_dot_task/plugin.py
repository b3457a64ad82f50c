"""Declares task O-34 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-34_dot_to_dot_task",
    title="Connect numbered dots in order",
    category=Category.KNOWLEDGE,
    description=(
        "Numbered coloured dots lie scattered on a white canvas; red straight lines are drawn one at a time, each "
        "growing from one dot to the next in numerical order (1 to 2, 2 to 3, up to the last), and nothing else "
        "changes."
    ),
    generator="vbvr_o34_dot_to_dot_task.generator:DotToDotGenerator",
    scorer="vbvr_o34_dot_to_dot_task.scorer:score",
)
