"""Declares task O-36 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-36_grid_shift",
    title="Grid shift",
    category=Category.TRANSFORMATION,
    description=(
        "Coloured square blocks on a grid all slide together, one cell per step, by the stated number of "
        "cells in the stated direction (up, down, left or right), staying inside the grid."
    ),
    generator="vbvr_o36_grid_shift.generator:GridShiftGenerator",
    scorer="vbvr_o36_grid_shift.scorer:score",
)
