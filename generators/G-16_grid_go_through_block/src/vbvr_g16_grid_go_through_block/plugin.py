"""Declares task G-16 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-16_grid_go_through_block",
    title="Grid: go through the block",
    category=Category.SPATIALITY,
    description=(
        "An orange round agent on an open grid walks between 4-neighbouring cells, passing through every "
        "blue block cell before it reaches the red goal cell, by a shortest such route."
    ),
    generator="vbvr_g16_grid_go_through_block.generator:GridGoThroughBlockGenerator",
    scorer="vbvr_g16_grid_go_through_block.scorer:score",
)
