"""Declares task G-41 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-41_grid_highest_cost",
    title="Grid: highest-cost shortest route",
    category=Category.ABSTRACTION,
    description=(
        "A yellow agent on the green start cell of a grid whose cells show costs walks, one cell at a time, to "
        "the red goal along the shortest route whose cells' costs add up to the highest total."
    ),
    generator="vbvr_g41_grid_highest_cost.generator:GridHighestCostGenerator",
    scorer="vbvr_g41_grid_highest_cost.scorer:score",
)
