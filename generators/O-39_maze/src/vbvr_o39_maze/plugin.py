"""Registers task O-39 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-39_maze",
    title="Maze",
    category=Category.SPATIALITY,
    description=(
        "A perfect maze of black wall cells and white corridor cells; a green marker walks cell by cell from "
        "its start to the red flag along the maze's unique route, leaving a trail, never entering a wall."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-39's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o39_maze.generator:MazeGenerator",
        scorer_path="vbvr_o39_maze.scorer:score",
    )
