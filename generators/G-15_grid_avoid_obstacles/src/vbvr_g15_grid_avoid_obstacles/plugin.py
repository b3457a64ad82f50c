"""Registers task G-15 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-15_grid_avoid_obstacles",
    title="Grid: avoid obstacles",
    category=Category.SPATIALITY,
    description=(
        "A yellow agent on a blue start cell walks between 4-neighbouring cells to the red goal cell "
        "along a shortest path, never entering a cell marked with a black X."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-15's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g15_grid_avoid_obstacles.generator:GridAvoidObstaclesGenerator",
        scorer_path="vbvr_g15_grid_avoid_obstacles.scorer:score",
    )
