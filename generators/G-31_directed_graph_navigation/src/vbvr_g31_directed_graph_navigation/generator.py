"""G-31 directed_graph_navigation: travel along arrows from the green node to the red node in fewest moves.

Parameters → draw → solve → render → prompt:

- a connected graph on a jittered ``lattice_rows``×``lattice_cols`` lattice (:func:`lattice_graph`),
  ``missing`` slots empty, each lattice edge kept with probability ``density`` and pointing one way;
  edges join lattice neighbours (and at most one diagonal per lattice square), so no edge passes through a
  node and no two edges cross; :func:`layout_problems` re-checks both on the drawn geometry;
- start (green) and target (red) are a pair whose directed hop distance is at least ``min_hops``,
  with exactly one shortest directed route; on harder strata ignoring the arrows must give a
  shorter (wrong) route, so the directions matter;
- BFS (``vbvr_core.solve.search``) finds the route; the video slides the blue triangle along each edge.

Official convention (VBVR-EvalKit's evaluator, see the README): the agent is always blue and nothing
else in the picture is blue; start green, target red.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Annotated, Any

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    Sprite,
    Stage,
    draw_arrow,
    draw_disc,
    interpolate_points,
    new_canvas,
    regular_polygon,
    to_frame,
)
from vbvr_core.families.gridwalk.task import tracks_sample
from vbvr_core.families.rotation.draw import polygon_sprite
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import point_segment_distance, segments_cross
from vbvr_core.solve.graphs import Edge, connecting_edges, neighbour_table
from vbvr_core.solve.search import bfs_distances, count_shortest_paths, shortest_path

from vbvr_g31_directed_graph_navigation.plugin import TASK

START_COLOR = PALETTE["green"]
TARGET_COLOR = PALETTE["red"]
AGENT_COLOR = PALETTE["blue"]
NODE_FILLS = [(255, 255, 255), (225, 225, 225), (250, 240, 200)]
EDGE_COLORS = [(60, 60, 60), (40, 40, 40), (90, 90, 90)]
GRAPH_DRAWS = 8


@dataclass(frozen=True)
class DirectedGraph:
    """Node centres (canvas pixels) and directed edges (source, target) between node indices."""

    nodes: list[Point]
    edges: list[Edge]

    def successors(self) -> Callable[[int], Iterable[int]]:
        """Neighbour function along edge directions (sorted, so searches are deterministic)."""
        return neighbour_table(len(self.nodes), self.edges)

    def undirected(self) -> Callable[[int], Iterable[int]]:
        """Neighbour function ignoring edge directions (sorted)."""
        return neighbour_table(len(self.nodes), self.edges, directed=False)

    def to_dict(self) -> dict:
        """JSON-able form for the sample's solution."""
        return {"nodes": [[round(x, 2), round(y, 2)] for x, y in self.nodes], "edges": [list(e) for e in self.edges]}


def lattice_graph(
    rng: np.random.Generator,
    rows: int,
    cols: int,
    missing: int,
    density: float,
    diagonal_share: float,
    size: int = 512,
    margin: int = 64,
    jitter: float = 0.12,
) -> DirectedGraph:
    """A connected directed graph on a ``rows``×``cols`` jittered lattice with ``missing`` slots left empty.

    Each lattice edge is kept with probability ``density`` (edges are added back until the graph is
    connected when directions are ignored); each kept edge points one way, chosen at random.
    """
    step_x = (size - 2 * margin) / (cols - 1)
    step_y = (size - 2 * margin) / (rows - 1)
    slots = [(r, c) for r in range(rows) for c in range(cols)]
    dropped = {slots[int(k)] for k in rng.choice(len(slots), size=missing, replace=False)}
    kept = [slot for slot in slots if slot not in dropped]
    index = {slot: k for k, slot in enumerate(kept)}
    nodes = [
        (
            margin + c * step_x + rng.uniform(-jitter, jitter) * step_x,
            margin + r * step_y + rng.uniform(-jitter, jitter) * step_y,
        )
        for r, c in kept
    ]
    candidates: list[Edge] = []
    for r, c in kept:  # right, down, and sometimes one diagonal of the square below-right
        pairs = [((r, c), (r, c + 1)), ((r, c), (r + 1, c))]
        if rng.random() < diagonal_share:
            pairs.append(((r, c), (r + 1, c + 1)) if rng.random() < 0.5 else ((r, c + 1), (r + 1, c)))
        candidates += [(index[a], index[b]) for a, b in pairs if a in index and b in index]
    chosen = connecting_edges(len(nodes), [edge for edge in candidates if rng.random() < density], candidates)
    edges = [(a, b) if rng.random() < 0.5 else (b, a) for a, b in chosen]
    return DirectedGraph(nodes, sorted(edges))


def layout_problems(graph: DirectedGraph, radius: float, clearance: float = 10.0) -> list[str]:
    """Clutter in the drawing: nodes too close, an edge grazing a node it does not join, crossing edges."""
    nodes = graph.nodes
    problems = [f"cluttered: two nodes are {math.dist(a, b):.0f}px apart (< {3 * radius:.0f})"
                for a, b in combinations(nodes, 2) if math.dist(a, b) < 3 * radius]
    problems += [f"occlusion: edge {a}->{b} passes over node {k}" for a, b in graph.edges for k, node in enumerate(nodes)
                 if k not in (a, b) and point_segment_distance(node, nodes[a], nodes[b]) < radius + clearance]
    problems += [f"cluttered: edges {a}->{b} and {c}->{d} cross" for (a, b), (c, d) in combinations(graph.edges, 2)
                 if len({a, b, c, d}) == 4 and segments_cross(nodes[a], nodes[b], nodes[c], nodes[d])]
    return problems


class Params(TaskParams):
    """G-31's parameter space: the lattice, its gaps and the route length grow with the difficulty stratum."""

    lattice_rows: Annotated[int, Strata(3, (3, 4), 4)] = Field(3, ge=3, le=4, description="rows of node slots")
    lattice_cols: int = Field(3, ge=3, le=4, description="columns of node slots; drawn so that the lattice is "
                                                         "3×3 (easy), 3×4 or 4×3 (medium), 4×4 (hard)")
    missing: Annotated[int, Strata((0, 1), (0, 2), (1, 3))] = Field(0, ge=0, le=3, description="node slots left empty")
    density: Annotated[float, Uniform(0.6, 0.9)] = Field(
        0.75, ge=0.5, le=0.95, description="probability that a lattice edge is drawn")
    diagonal_share: Annotated[float, Uniform(0.2, 0.6)] = Field(
        0.4, ge=0.0, le=0.7, description="probability of a diagonal edge per lattice square")
    min_hops: Annotated[int, Strata(3, 3, 4)] = Field(3, ge=2, le=6, description="least number of moves from start to target")
    directions_matter: bool = Field(True, description="ignoring the arrows must give a shorter, wrong route; "
                                                      "drawn as difficulty > 0")
    node_radius: Annotated[int, Uniform(18, 26)] = Field(22, ge=16, le=28, description="node radius in pixels")
    node_fill: Annotated[int, Uniform(0, len(NODE_FILLS) - 1)] = Field(
        0, ge=0, le=len(NODE_FILLS) - 1, description="fill colour index of ordinary nodes")
    edge_color: Annotated[int, Uniform(0, len(EDGE_COLORS) - 1)] = Field(
        0, ge=0, le=len(EDGE_COLORS) - 1, description="arrow colour index")
    background: BackgroundIndex = 0
    frames_per_hop: Annotated[int, Uniform(8, 12)] = Field(10, ge=8, le=14, description="video frames per move along one edge")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """A medium lattice is 3×4 or 4×3, the others square; arrows matter from the medium stratum on."""
        rows, medium = values["lattice_rows"], values["difficulty"] == 1
        return {"lattice_cols": 7 - rows if medium else rows, "directions_matter": values["difficulty"] > 0, **values}


class Solution(TaskSolution):
    """The graph (node centres in canvas pixels, directed edges), start, target and the unique shortest route."""

    graph: dict[str, list]
    start: int
    target: int
    path: list[int]
    optimal_hops: int
    node_radius: int
    agent_color: tuple[int, int, int]


class DirectedGraphGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a directed lattice graph, a start and a target, and the unique shortest directed route."""

    def _endpoints(self, graph: DirectedGraph) -> tuple[int, int] | None:
        """A (start, target) pair at least ``min_hops`` apart with a unique shortest route, or None when the
        graph has none; :class:`Reject` when arrows must matter and ignoring them never shortens the route."""
        p = self.params
        successors, undirected = graph.successors(), graph.undirected()
        good, fair = [], []
        for start in range(len(graph.nodes)):
            unguided = bfs_distances(start, undirected)  # hops when the arrows are ignored
            for target, hops in bfs_distances(start, successors).items():
                if hops < p.min_hops or count_shortest_paths(start, target, successors) != 1:
                    continue
                fair.append((start, target))
                if unguided[target] < hops:
                    good.append((start, target))
        if fair and p.directions_matter and not good:
            raise Reject("arrows do not matter: ignoring them gives no shorter route")
        pool = good if p.directions_matter else fair
        return pool[int(self.rng.integers(0, len(pool)))] if pool else None

    def generate(self) -> Sample:
        """Build the graph, pick the endpoints, solve with BFS, render the agent's trip."""
        p = self.params
        for _ in range(GRAPH_DRAWS):  # a sparse graph may have no far-enough pair: draw another
            graph = lattice_graph(self.rng, p.lattice_rows, p.lattice_cols, p.missing, p.density, p.diagonal_share)
            endpoints = self._endpoints(graph)
            if endpoints:
                break
        else:
            raise Reject(f"no start and target {p.min_hops} moves apart with a unique shortest route")
        problems = layout_problems(graph, p.node_radius)
        if problems:
            raise Reject(problems[0])
        start, target = endpoints
        route = shortest_path(start, target, graph.successors())
        stage, agent = graph_scene(graph, start, target, p)
        points = interpolate_points([graph.nodes[k] for k in route], p.frames_per_hop)
        prompt = (
            f"The picture shows {len(graph.nodes)} round nodes joined by arrows. A blue triangle stands "
            "on the green node; the red node is the target. Move the triangle from node to node along the arrows, "
            "only in the direction each arrow points, until it reaches the red node, using as few moves as "
            "possible and showing every move."
        )
        solution = Solution(graph=graph.to_dict(), start=start, target=target, path=route,
                            optimal_hops=len(route) - 1, node_radius=p.node_radius, agent_color=AGENT_COLOR)
        return tracks_sample(stage, [(agent, points)], prompt=prompt, solution=solution, params=p)


def graph_scene(graph: DirectedGraph, start: int, target: int, p: Params) -> tuple[Stage, Sprite]:
    """The graph drawn once (arrows, then nodes on top) as the stage, and the triangular agent sprite."""
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
    triangle = regular_polygon((0, radius * 0.1), radius * 0.72, 3)
    return Stage(to_frame(canvas)), polygon_sprite(triangle, int(2 * radius), AGENT_COLOR, (20, 20, 20), width=2)
