"""Declares task G-31 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-31_directed_graph_navigation",
    title="Directed graph navigation",
    category=Category.SPATIALITY,
    description=(
        "Nodes joined by arrows; a triangular agent travels from the green start node to the red target node "
        "along edges, only in their direction, by a route with the fewest moves."
    ),
    generator="vbvr_g31_directed_graph_navigation.generator:DirectedGraphGenerator",
    scorer="vbvr_g31_directed_graph_navigation.scorer:score",
)
