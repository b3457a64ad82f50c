"""Declares task G-15 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-15_grid_avoid_obstacles",
    title="Grid: avoid obstacles",
    category=Category.SPATIALITY,
    description=(
        "A yellow agent on a blue start cell walks between 4-neighbouring cells to the red goal cell "
        "along a shortest path, never entering a cell marked with a black X."
    ),
    generator="vbvr_g15_grid_avoid_obstacles.generator:GridAvoidObstaclesGenerator",
    scorer="vbvr_core.families.gridwalk.scoring:score_plain_walk",
)
