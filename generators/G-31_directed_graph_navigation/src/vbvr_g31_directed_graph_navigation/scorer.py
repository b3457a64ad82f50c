"""G-31 scorer: find the agent in every frame, read off the nodes it visits, judge each move.

Per frame the agent is where its colour is densest (a box filter the agent's size; noise never gets
dense enough). A frame within 0.8 node radii of a node puts the agent *on* that node; the collapsed
sequence of nodes is the route. Each move between consecutive nodes must follow an arrow in its
direction (a move against an arrow or between unjoined nodes is illegal); frames between two nodes
must lie along the edge joining them.

value = start · target (ends and stays there) · legal moves / moves · efficiency (optimal / moves) ·
on-edge share (below 0.8 it multiplies in) · 0.3 if any move goes against an arrow.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader

from vbvr_g31_directed_graph_navigation.graph import segment_distance

WRONG_WAY_PENALTY = 0.3
MIN_DENSITY = 0.35


def agent_positions(frames: np.ndarray, rgb, side: int) -> list[tuple[float, float] | None]:
    """Per frame, the centre of the densest ``side``-pixel window of the agent's colour (None if too sparse)."""
    masks = color_mask(frames, rgb, 70.0).astype(np.float32)
    out: list[tuple[float, float] | None] = []
    for mask in masks:
        density = cv2.blur(mask, (side, side))
        y, x = np.unravel_index(int(density.argmax()), density.shape)
        out.append((float(x), float(y)) if density[y, x] >= MIN_DENSITY else None)
    return out


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-31 against the sample's graph, start and target."""
    solution = sample.solution
    clip = video.clip()
    scale = clip.frames.shape[2] / 512
    nodes = [(x * scale, y * scale) for x, y in solution["graph"]["nodes"]]
    edges = {tuple(edge) for edge in solution["graph"]["edges"]}
    radius = solution["node_radius"] * scale
    positions = agent_positions(clip.frames, solution["agent_color"], max(3, int(radius * 0.8)))
    if not any(positions):
        return Score.zero("the agent is never visible", visible=0.0)

    def node_at(point):
        if point is None:
            return None
        nearest = min(range(len(nodes)), key=lambda k: math.dist(point, nodes[k]))
        return nearest if math.dist(point, nodes[nearest]) <= 0.8 * radius else None

    on_node = [node_at(point) for point in positions]
    route = collapse(on_node)
    if not route:
        return Score.zero("the agent is never on a node", visible=1.0)
    moves = list(zip(route, route[1:], strict=False))
    legal = sum(1 for move in moves if move in edges)
    wrong_way = sum(1 for a, b in moves if (b, a) in edges and (a, b) not in edges)
    on_edge = _on_edge_share(positions, on_node, nodes, radius)
    starts = 1.0 if route[0] == solution["start"] else 0.0
    tail = [node for node in on_node[-3:] if node is not None]
    ends = 1.0 if route[-1] == solution["target"] and all(n == solution["target"] for n in tail) else 0.0
    legality = legal / len(moves) if moves else 0.0
    efficiency = min(1.0, solution["optimal_hops"] / len(moves)) if moves else 0.0
    value = starts * ends * legality * efficiency * min(1.0, on_edge / 0.8) * (WRONG_WAY_PENALTY if wrong_way else 1.0)
    reasons = []
    if not starts:
        reasons.append(f"starts on node {route[0]}, not the start {solution['start']}")
    if not ends:
        reasons.append(f"ends on node {route[-1]}, not the target {solution['target']}")
    if moves and legal < len(moves):
        reasons.append(f"{len(moves) - legal} of {len(moves)} moves follow no arrow ({wrong_way} against one)")
    if len(moves) > solution["optimal_hops"]:
        reasons.append(f"{len(moves)} moves where {solution['optimal_hops']} suffice")
    if on_edge < 0.8:
        reasons.append(f"only {on_edge:.0%} of in-between frames lie on an edge")
    if not moves:
        reasons.append("the agent never moves between nodes")
    return Score(
        value=value,
        parts={
            "start": starts,
            "target": ends,
            "legality": legality,
            "efficiency": efficiency,
            "on_edge": on_edge,
            "wrong_way": float(wrong_way),
            "visible": sum(p is not None for p in positions) / len(positions),
        },
        reason="; ".join(reasons) or f"shortest route of {len(moves)} moves along the arrows",
    )


def _on_edge_share(positions, on_node, nodes, radius) -> float:
    """Share of frames between two visited nodes whose agent lies within a node radius of the segment joining them."""
    visits = [(k, node) for k, node in enumerate(on_node) if node is not None]
    between, near = 0, 0
    for (k0, a), (k1, b) in zip(visits, visits[1:], strict=False):
        if a == b:
            continue
        for point in positions[k0 + 1 : k1]:
            if point is None:
                continue
            between += 1
            near += segment_distance(point, nodes[a], nodes[b]) <= radius
    return near / between if between else 1.0
