"""Registers task O-36 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-36_grid_shift",
    title="Grid shift",
    category=Category.TRANSFORMATION,
    description=(
        "Coloured square blocks on a grid all slide together, one cell per step, by the stated number of "
        "cells in the stated direction (up, down, left or right), staying inside the grid."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-36's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o36_grid_shift.generator:GridShiftGenerator",
        scorer_path="vbvr_o36_grid_shift.scorer:score",
    )
