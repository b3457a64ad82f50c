"""Declares task G-18 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-18_grid_shortest_path",
    title="Grid: shortest path",
    category=Category.SPATIALITY,
    description=(
        "A round agent on the green start cell of an open grid walks between 4-neighbouring cells to the "
        "red goal cell along a shortest path (as many steps as the grid distance)."
    ),
    generator="vbvr_g18_grid_shortest_path.generator:GridShortestPathGenerator",
    scorer="vbvr_core.families.gridwalk.scoring:score_plain_walk",
)
