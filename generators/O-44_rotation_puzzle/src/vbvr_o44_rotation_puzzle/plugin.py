"""Declares task O-44 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-44_rotation_puzzle",
    title="Rotation puzzle (pipe loop)",
    category=Category.TRANSFORMATION,
    description=(
        "Tiles of a 2×2 grid, each holding a blue elbow pipe, turn smoothly in place (in steps of 90°) until the "
        "four pipes join into one closed loop; tiles already in place stay as they are."
    ),
    generator="vbvr_o44_rotation_puzzle.generator:RotationPuzzleGenerator",
    scorer="vbvr_o44_rotation_puzzle.scorer:score",
)
