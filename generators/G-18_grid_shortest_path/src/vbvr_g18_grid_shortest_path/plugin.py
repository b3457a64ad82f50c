"""Registers task G-18 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-18_grid_shortest_path",
    title="Grid: shortest path",
    category=Category.SPATIALITY,
    description=(
        "A round agent on the green start cell of an open grid walks between 4-neighbouring cells to the "
        "pink goal cell along a shortest path (as many steps as the grid distance)."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-18's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g18_grid_shortest_path.generator:GridShortestPathGenerator",
        scorer_path="vbvr_g18_grid_shortest_path.scorer:score",
    )
