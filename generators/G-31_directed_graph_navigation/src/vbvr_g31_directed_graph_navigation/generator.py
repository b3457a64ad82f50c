"""G-31 directed_graph_navigation: travel along arrows from the green node to the red node in fewest moves.

Parameters → draw → solve → render → prompt:

- a connected graph on a jittered ``lattice_rows``×``lattice_cols`` lattice (``graph.lattice_graph``),
  ``missing`` slots empty, each lattice edge kept with probability ``density`` and pointing one way;
- start (green) and target (red) are a pair whose directed hop distance is at least ``min_hops``,
  with exactly one shortest directed route; on harder strata ignoring the arrows must give a
  shorter (wrong) route, so the directions matter;
- BFS (``vbvr_core.solve.search``) finds the route; the video slides the blue triangle along each edge.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import (
    PALETTE,
    Sprite,
    Stage,
    draw_arrow,
    draw_disc,
    interpolate_points,
    new_canvas,
    regular_polygon,
    to_frame,
)
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.solve.search import bfs_distances, count_shortest_paths, shortest_path

from vbvr_g31_directed_graph_navigation.graph import DirectedGraph, hop_distance, lattice_graph, layout_problems
from vbvr_g31_directed_graph_navigation.plugin import INFO

START_COLOR = PALETTE["green"]
TARGET_COLOR = PALETTE["red"]
NODE_FILLS = [(255, 255, 255), (225, 225, 225), (250, 240, 200)]
EDGE_COLORS = [(60, 60, 60), (40, 40, 40), (90, 90, 90)]
BACKGROUNDS = [(255, 255, 255), (250, 248, 240), (240, 244, 248)]
AGENT_COLORS = ("blue", "purple", "orange")
# Difficulty strata: (lattice shapes, missing nodes range, min hops).
GRAPH_DRAWS = 8
STRATA = {0: ([(3, 3)], (0, 1), 3), 1: ([(3, 4), (4, 3)], (0, 2), 3), 2: ([(4, 4)], (1, 3), 4)}


class Params(TaskParams):
    """G-31's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    lattice_rows: int = Field(3, ge=3, le=4, description="rows of node slots")
    lattice_cols: int = Field(3, ge=3, le=4, description="columns of node slots")
    missing: int = Field(0, ge=0, le=3, description="node slots left empty")
    density: float = Field(0.75, ge=0.5, le=0.95, description="probability that a lattice edge is drawn")
    diagonal_share: float = Field(0.4, ge=0.0, le=0.7, description="probability of a diagonal edge per lattice square")
    min_hops: int = Field(3, ge=2, le=6, description="least number of moves from start to target")
    directions_matter: bool = Field(True, description="ignoring the arrows must give a shorter, wrong route")
    node_radius: int = Field(22, ge=16, le=28, description="node radius in pixels")
    node_fill: int = Field(0, ge=0, le=len(NODE_FILLS) - 1, description="fill colour index of ordinary nodes")
    edge_color: int = Field(0, ge=0, le=len(EDGE_COLORS) - 1, description="arrow colour index")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    agent_color: Literal["blue", "purple", "orange"] = Field("blue", description="colour of the triangular agent")
    frames_per_hop: int = Field(10, ge=8, le=14, description="video frames per move along one edge")


class DirectedGraphGenerator(BaseGenerator):
    """Draws a directed lattice graph, a start and a target, and the unique shortest directed route."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Lattice, gaps and route length from the stratum; density, colours and pace uniformly."""
        shapes, (miss_lo, miss_hi), min_hops = STRATA[difficulty]
        rows, cols = shapes[int(rng.integers(0, len(shapes)))]
        return {
            "lattice_rows": rows,
            "lattice_cols": cols,
            "missing": int(rng.integers(miss_lo, miss_hi + 1)),
            "density": round(float(rng.uniform(0.6, 0.9)), 3),
            "diagonal_share": round(float(rng.uniform(0.2, 0.6)), 3),
            "min_hops": min_hops,
            "directions_matter": difficulty > 0,
            "node_radius": int(rng.integers(18, 27)),
            "node_fill": int(rng.integers(0, len(NODE_FILLS))),
            "edge_color": int(rng.integers(0, len(EDGE_COLORS))),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "agent_color": AGENT_COLORS[int(rng.integers(0, len(AGENT_COLORS)))],
            "frames_per_hop": int(rng.integers(8, 13)),
        }

    def _endpoints(self, graph: DirectedGraph) -> tuple[int, int] | None:
        """A (start, target) pair far enough apart with a unique shortest route (directions mattering if asked
        and possible), or None when the graph has no such pair."""
        p = self.params
        successors = graph.successors()
        good, fallback = [], []
        for start in range(len(graph.nodes)):
            for target, hops in bfs_distances(start, successors).items():
                if hops < p.min_hops or count_shortest_paths(start, target, successors) != 1:
                    continue
                fallback.append((start, target))
                if hop_distance(graph, start, target, directed=False) < hops:
                    good.append((start, target))
        pool = good if (good and p.directions_matter) else fallback
        return pool[int(self.rng.integers(0, len(pool)))] if pool else None

    def generate(self) -> Sample:
        """Build the graph, pick the endpoints, solve with BFS, render the agent's trip."""
        p = self.params
        for _ in range(GRAPH_DRAWS):  # a sparse graph may have no far-enough pair: draw another
            graph = lattice_graph(self.rng, p.lattice_rows, p.lattice_cols, p.missing, p.density, p.diagonal_share)
            endpoints = self._endpoints(graph)
            if endpoints:
                break
        start, target = endpoints or (0, len(graph.nodes) - 1)
        successors = graph.successors()
        route = shortest_path(start, target, successors)
        scene = GraphScene(graph, start, target, p)
        agent_rgb = PALETTE[p.agent_color]
        points = interpolate_points([graph.nodes[k] for k in (route or [start])], p.frames_per_hop)
        stage = Stage(scene.background)
        prompt = (
            f"The picture shows {len(graph.nodes)} round nodes joined by arrows. A {p.agent_color} triangle stands "
            "on the green node; the red node is the target. Move the triangle from node to node along the arrows, "
            "only in the direction each arrow points, until it reaches the red node, using as few moves as "
            "possible and showing every move."
        )
        solution = {
            "graph": graph.to_dict(),
            "start": start,
            "target": target,
            "path": route,
            "optimal_hops": len(route) - 1 if route else None,
            "shortest_routes": count_shortest_paths(start, target, successors),
            "undirected_hops": hop_distance(graph, start, target, directed=False),
            "node_radius": p.node_radius,
            "agent_color": list(agent_rgb),
            "layout_problems": layout_problems(graph, p.node_radius),
        }
        return Sample(
            first_frame=stage.frame([(scene.agent, points[0])]),
            final_frame=stage.frame([(scene.agent, points[-1])]),
            prompt=prompt,
            trajectory=lambda: stage.frames([(scene.agent, points)]),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject unreachable, short, ambiguous and cluttered instances, and ones where arrows do not matter."""
        problems = super().validate(sample)
        solution, p = sample.solution, sample.params
        if solution["path"] is None:
            return problems + ["unsolvable: the target cannot be reached along the arrows"]
        if solution["optimal_hops"] < p.min_hops:
            problems.append(f"trivial: the target is {solution['optimal_hops']} moves away (< {p.min_hops})")
        if solution["shortest_routes"] != 1:
            problems.append(f"ambiguous: {solution['shortest_routes']} shortest routes")
        if p.directions_matter and solution["undirected_hops"] >= solution["optimal_hops"]:
            problems.append("arrows do not matter: ignoring them gives no shorter route")
        return problems + solution["layout_problems"]


class GraphScene:
    """The graph drawn once (arrows, then nodes on top) and the triangular agent sprite."""

    def __init__(self, graph: DirectedGraph, start: int, target: int, p: Params):
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        radius = p.node_radius
        for a, b in graph.edges:
            draw_arrow(
                draw,
                graph.nodes[a],
                graph.nodes[b],
                EDGE_COLORS[p.edge_color],
                width=3,
                head_length=15,
                head_width=13,
                gap=radius + 3,
            )
        for k, centre in enumerate(graph.nodes):
            fill = START_COLOR if k == start else TARGET_COLOR if k == target else NODE_FILLS[p.node_fill]
            draw_disc(draw, centre, radius, fill=fill, outline=(30, 30, 30), width=3)
        self.background = to_frame(canvas)
        side = int(2 * radius)
        image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        triangle = regular_polygon((side / 2, side / 2 + radius * 0.1), radius * 0.72, 3)
        ImageDraw.Draw(image).polygon(
            triangle, fill=PALETTE[p.agent_color] + (255,), outline=(20, 20, 20, 255), width=2
        )
        self.agent = Sprite.from_image(image)
