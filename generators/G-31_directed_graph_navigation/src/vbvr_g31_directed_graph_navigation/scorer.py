"""G-31 scorer: find the agent in every frame, read off the nodes it visits, judge each move.

The video is read at 12 frames a second whatever its own rate (so every window is in seconds). Per
frame the agent is where its colour is densest (``vbvr_core.families.gridwalk.track.densest_points``, a
window the agent's size; noise never gets dense enough). A frame within 0.8 node radii of a node puts the
agent *on* that node; the collapsed sequence of nodes is the route. Each move between consecutive nodes
must follow an arrow in its direction (a move against an arrow or between unjoined nodes is illegal);
frames between two nodes must lie along the edge joining them.

value = start · target (ends there and stays for the last 1/6 s) · legal moves / moves · efficiency
(optimal / moves) · on-edge share (below 0.8 it multiplies in) · 0.3 if any move goes against an arrow.
"""

from __future__ import annotations

import math
from itertools import pairwise

from vbvr_core.contract import Point, SampleRef, Score
from vbvr_core.families.gridwalk.judge import TAIL_SECONDS
from vbvr_core.families.gridwalk.track import densest_points
from vbvr_core.judge.credit import efficiency
from vbvr_core.judge.track import collapse
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import JUDGE_FPS, VideoReader
from vbvr_core.plane import point_segment_distance

from vbvr_g31_directed_graph_navigation.generator import Solution

WRONG_WAY_PENALTY = 0.3
ON_NODE = 0.8  # node radii from a node's centre within which the agent stands on it


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-31 against the sample's graph, start and target."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "no frames")
    scale = clip.frames.shape[2] / 512
    nodes = [(x * scale, y * scale) for x, y in solution.graph["nodes"]]
    edges = {tuple(edge) for edge in solution.graph["edges"]}
    radius = solution.node_radius * scale
    positions = densest_points(clip.frames, solution.agent_color, max(3, int(radius * ON_NODE)), 70.0, 0.35)
    if not any(positions):
        return Score.zero("the agent is never visible", visible=0.0)
    on_node = [node_at(point, nodes, radius) for point in positions]
    route = collapse(on_node)
    if not route:
        return Score.zero("the agent is never on a node", visible=1.0)
    moves = list(pairwise(route))
    legal = sum(move in edges for move in moves)
    wrong_way = sum((b, a) in edges and (a, b) not in edges for a, b in moves)
    tail = [node for node in on_node[-max(1, round(TAIL_SECONDS * JUDGE_FPS)):] if node is not None]
    on_edge = on_edge_share(positions, on_node, nodes, radius)
    verdict = Verdict()
    verdict.part("start", route[0] == solution.start, unless=f"starts on node {route[0]}, not the start {solution.start}")
    verdict.part("target", route[-1] == solution.target and all(node == solution.target for node in tail),
                 unless=f"ends on node {route[-1]}, not the target {solution.target}")
    verdict.part("legality", legal / len(moves) if moves else 0.0,
                 unless=f"{len(moves) - legal} of {len(moves)} moves follow no arrow ({wrong_way} against one)"
                 if moves else "the agent never moves between nodes")
    verdict.part("efficiency", efficiency(solution.optimal_hops, len(moves)),
                 unless=f"{len(moves)} moves where {solution.optimal_hops} suffice" if moves else None)
    verdict.part("on_edge", on_edge / 0.8, unless=f"only {on_edge:.0%} of in-between frames lie on an edge")
    verdict.factor(WRONG_WAY_PENALTY, when=wrong_way > 0, reason=f"{wrong_way} moves against an arrow")
    verdict.note("wrong_way", wrong_way)
    verdict.note("visible", sum(point is not None for point in positions) / len(positions))
    return verdict.score(ok=f"shortest route of {len(moves)} moves along the arrows")


def node_at(point: Point | None, nodes: list[Point], radius: float) -> int | None:
    """The node whose centre lies within ``ON_NODE`` radii of ``point``, or None."""
    if point is None:
        return None
    distance, nearest = min((math.dist(point, node), k) for k, node in enumerate(nodes))
    return nearest if distance <= ON_NODE * radius else None


def on_edge_share(positions: list[Point | None], on_node: list[int | None], nodes: list[Point], radius: float) -> float:
    """Share of frames between two visited nodes whose agent lies within a node radius of the segment joining them."""
    visits = [(k, node) for k, node in enumerate(on_node) if node is not None]
    gaps = [point_segment_distance(point, nodes[a], nodes[b]) for (k0, a), (k1, b) in pairwise(visits) if a != b
            for point in positions[k0 + 1 : k1] if point is not None]
    return sum(gap <= radius for gap in gaps) / len(gaps) if gaps else 1.0
