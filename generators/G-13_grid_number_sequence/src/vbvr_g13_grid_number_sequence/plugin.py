"""Declares task G-13 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-13_grid_number_sequence",
    title="Grid: number sequence",
    category=Category.SPATIALITY,
    description=(
        "An orange round agent on an open grid walks between 4-neighbouring cells, visiting the numbered "
        "cells in ascending order (never a number before its turn), then the red goal cell, by a shortest "
        "such route."
    ),
    generator="vbvr_g13_grid_number_sequence.generator:GridNumberSequenceGenerator",
    scorer="vbvr_g13_grid_number_sequence.scorer:score",
)
