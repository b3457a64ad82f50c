"""Declares task O-39 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-39_maze",
    title="Maze",
    category=Category.SPATIALITY,
    description=(
        "A perfect maze of black wall cells and white corridor cells; a green marker walks cell by cell from "
        "its start to the red flag along the maze's unique route, leaving a trail, never entering a wall."
    ),
    generator="vbvr_o39_maze.generator:MazeGenerator",
    scorer="vbvr_core.families.gridwalk.scoring:score_plain_walk",
)
