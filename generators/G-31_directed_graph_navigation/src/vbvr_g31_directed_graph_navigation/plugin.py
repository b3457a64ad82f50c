"""Registers task G-31 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-31_directed_graph_navigation",
    title="Directed graph navigation",
    category=Category.SPATIALITY,
    description=(
        "Nodes joined by arrows; a triangular agent travels from the green start node to the red target node "
        "along edges, only in their direction, by a route with the fewest moves."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-31's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g31_directed_graph_navigation.generator:DirectedGraphGenerator",
        scorer_path="vbvr_g31_directed_graph_navigation.scorer:score",
    )
