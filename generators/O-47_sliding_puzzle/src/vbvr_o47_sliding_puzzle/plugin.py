"""Declares task O-47 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-47_sliding_puzzle",
    title="Sliding puzzle",
    category=Category.ABSTRACTION,
    description=(
        "A scrambled sliding-tile puzzle (2×2, 3×3 or 4×4, one empty space) is solved: numbered tiles slide one "
        "at a time into the empty space until they read in order with the empty space at the bottom right, "
        "using as few moves as possible."
    ),
    generator="vbvr_o47_sliding_puzzle.generator:SlidingPuzzleGenerator",
    scorer="vbvr_o47_sliding_puzzle.scorer:score",
)
