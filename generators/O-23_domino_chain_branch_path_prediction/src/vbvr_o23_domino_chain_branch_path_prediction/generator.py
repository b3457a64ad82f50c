"""O-23 domino_chain_branch_path_prediction: push the START domino of a Y-shaped chain and show what falls.

Parameters → draw → solve → render → prompt:

- seen from above, a trunk of ``trunk`` dominoes (the last one a wide fork domino) splits into two branches of
  ``branch_a`` and ``branch_b`` dominoes that turn away from each other by ``spread`` degrees each; dominoes
  stand ``spacing`` domino lengths apart (± 6 %); in ``blocked`` of the branches one spacing is a gap of
  ``gap`` domino lengths, clearly too wide for the falling domino to reach across;
- the whole Y is turned by ``heading`` degrees and centred; a green arrow labelled START pushes domino 0;
- the solution is the chain rule of :mod:`vbvr_core.families.dominoes.chain` (a falling domino knocks every
  domino standing within its length in front of it): breadth first from START, each knocked domino falling
  three frames after its knocker; the dominoes past a gap stay standing;
- a layout that leaves the canvas, where dominoes or the arrow overlap, where a domino stands near the edge
  of another's reach (ambiguous), or where a domino's ground is too small to see is rejected and redrawn.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Sample, Strata, TaskParams, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_arrow, draw_text, new_canvas, text_size, to_frame
from vbvr_core.families.dominoes.chain import KNOCK_FRAMES, THICKNESS, Domino, Fall, ambiguous_pairs, depth
from vbvr_core.families.dominoes.judge import footprint
from vbvr_core.families.dominoes.scene import ChainSolution
from vbvr_core.families.dominoes.task import ChainGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_o23_domino_chain_branch_path_prediction.plugin import TASK

HEIGHT = 54.0  # a domino's length: how far it reaches when it falls (px)
WIDTH = 26.0
FORK_OFFSET = 16.0  # the branches' first dominoes stand this far to each side of the trunk's line
MARGIN = 20
ARROW_COLOR = PALETTE["green"]
LABEL, LABEL_SIZE = "START", 16
TEXT_COLOR = (40, 40, 40)


class Params(TaskParams):
    """O-23's parameter space: longer chains, any heading and two blocked branches as the difficulty grows."""

    trunk: Annotated[int, Strata((3, 4), (3, 5), (4, 6))] = Field(
        4, ge=3, le=6, description="dominoes in the trunk, the fork domino included")
    branch_a: Annotated[int, Strata((3, 5), (4, 6), (4, 7))] = Field(
        5, ge=3, le=8, description="dominoes in the first branch")
    branch_b: Annotated[int, Strata((3, 5), (4, 6), (4, 7))] = Field(
        5, ge=3, le=8, description="dominoes in the second branch")
    spread: Annotated[int, Uniform(30, 55)] = Field(
        40, ge=25, le=60, description="how far each branch turns away from the trunk's heading (degrees)")
    spacing: Annotated[float, Uniform(0.56, 0.68, digits=2)] = Field(
        0.62, ge=0.5, le=0.72, description="distance between neighbouring dominoes, in domino lengths")
    blocked: Annotated[Literal["none", "a", "b", "both"], Strata(("none", "a", "b"), ("none", "a", "b", "both"),
                                                                 ("a", "b", "both"))] = Field(
        "a", description="which branches hold a gap the chain cannot cross")
    gap: Annotated[float, Strata((1.9, 2.4), (1.7, 2.2), (1.55, 1.9), digits=2)] = Field(
        2.0, ge=1.5, le=2.8, description="width of a gap, in domino lengths")
    heading: Annotated[int, Strata((0, 1), (0, 3), (0, 23))] = Field(
        0, ge=0, le=23, description="the trunk's heading in steps of 15 degrees (clockwise from pointing right)")
    background: BackgroundIndex = 0

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """Easy and medium headings are the sides of the picture: index k stands for k · 180° (easy) or k · 90°
        (medium); they are stored as 15-degree steps."""
        if "heading" in fixed:
            return values
        step = {0: 12, 1: 6}.get(values["difficulty"], 1)
        return {**values, "heading": values["heading"] * step % 24}


class Solution(ChainSolution):
    """The dominoes (x, y, facing angle, width), how long each lies, and the fall schedule the scorer checks."""


def _unit(degrees: float) -> np.ndarray:
    return np.array([math.cos(math.radians(degrees)), math.sin(math.radians(degrees))])


class Layout:
    """The Y's dominoes in order: trunk (START first, fork last), then branch a, then branch b."""

    def __init__(self, dominoes: list[Domino], trunk: int, branches: list[list[int]], gaps: dict[int, int],
                 arrow: tuple[np.ndarray, np.ndarray], label: tuple[float, float]):
        self.dominoes, self.trunk, self.branches, self.gaps = dominoes, trunk, branches, gaps
        self.arrow, self.label = arrow, label


def build_layout(p: Params, rng: np.random.Generator) -> Layout:
    """Place the Y in local coordinates (trunk along +x), turn it to the heading and centre it on the canvas."""
    def step() -> float:
        return p.spacing * HEIGHT * float(rng.uniform(0.94, 1.06))

    points: list[np.ndarray] = []
    x = 0.0
    for _ in range(p.trunk):
        points.append(np.array([x, 0.0]))
        x += step()
    fork = points[-1]
    gaps: dict[int, int] = {}
    branches: list[list[int]] = []
    for side, (count, name) in ((-1, (p.branch_a, "a")), (1, (p.branch_b, "b"))):
        position = fork + np.array([step(), side * FORK_OFFSET])
        gap_at = int(rng.integers(1, count - 1)) if p.blocked in (name, "both") else -1
        members = []
        for k in range(count):
            members.append(len(points))
            points.append(position)
            heading = side * p.spread * min(1.0, (k + 1) / 3)
            position = position + _unit(heading) * (p.gap * HEIGHT if k + 1 == gap_at else step())
        if gap_at > 0:
            gaps[len(branches)] = members[gap_at - 1]
        branches.append(members)
    angles = [0.0] * p.trunk
    for members in branches:
        for k, index in enumerate(members):
            following = members[k + 1] if k + 1 < len(members) else None
            if following is None:
                angles.append(angles[-1])
            else:
                delta = points[following] - points[index]
                angles.append(math.degrees(math.atan2(delta[1], delta[0])))
    widths = [WIDTH] * len(points)
    widths[p.trunk - 1] = 2 * FORK_OFFSET + WIDTH
    turn = 15.0 * p.heading
    rotation = np.array([[math.cos(math.radians(turn)), -math.sin(math.radians(turn))],
                         [math.sin(math.radians(turn)), math.cos(math.radians(turn))]])
    placed = [rotation @ point for point in points]
    arrow_tail = rotation @ np.array([-THICKNESS / 2 - 50.0, 0.0])
    arrow_head = rotation @ np.array([-THICKNESS / 2 - 12.0, 0.0])
    corners = [np.array(c) for point, angle, width in zip(placed, angles, widths, strict=True)
               for c in Domino(float(point[0]), float(point[1]), angle + turn, width).tile(HEIGHT)]
    back = _unit(turn + 180)
    label_width, label_height = text_size(LABEL, LABEL_SIZE, bold=True)
    reach = abs(back[0]) * label_width / 2 + abs(back[1]) * label_height / 2 + 8
    label_centre = arrow_tail + back * reach
    half = np.array([label_width / 2 + 4, label_height / 2 + 4])
    corners += [arrow_tail, arrow_head, label_centre - half, label_centre + half]
    low, high = np.min(corners, axis=0), np.max(corners, axis=0)
    if np.any(high - low > FRAME_SIZE - 2 * MARGIN - 16):
        raise Reject(f"out of bounds: the Y spans {high - low} px, more than the canvas holds")
    shift = (FRAME_SIZE - (high - low)) / 2 - low + rng.uniform(-8, 8, size=2)
    dominoes = [Domino(round(float(point[0] + shift[0]), 1), round(float(point[1] + shift[1]), 1),
                       round((angle + turn) % 360, 2), width)
                for point, angle, width in zip(placed, angles, widths, strict=True)]
    tail, head = arrow_tail + shift, arrow_head + shift
    label = (float(label_centre[0] + shift[0]), float(label_centre[1] + shift[1]))
    return Layout(dominoes, p.trunk, branches, gaps, (tail, head), label)


def layout_problem(layout: Layout, result: Fall) -> str | None:
    """Why the laid-out chain cannot be used (its dominoes' ground is checked by :class:`ChainGenerator`), or None."""
    dominoes = layout.dominoes
    pairs = ambiguous_pairs(dominoes, HEIGHT)
    if pairs:
        return f"ambiguous: dominoes {pairs[0]} stand near the edge of each other's reach"
    taken = np.zeros((FRAME_SIZE, FRAME_SIZE), np.int32)
    for domino, lie in zip(dominoes, result.lies, strict=True):
        taken += footprint(domino, lie, FRAME_SIZE, margin=1)
    if taken.max() > 1:
        return "occlusion: two dominoes overlap"
    if _arrow_hits(layout, taken):
        return "occlusion: the START arrow or label touches a domino or leaves the canvas"
    if depth(result) < 5:
        return "trivial: fewer than five dominoes fall one after another"
    return None


def _label_box(layout: Layout) -> tuple[float, float, float, float]:
    width, height = text_size(LABEL, LABEL_SIZE, bold=True)
    x, y = layout.label
    return x - width / 2 - 4, y - height / 2 - 4, x + width / 2 + 4, y + height / 2 + 4


def _arrow_hits(layout: Layout, taken: np.ndarray) -> bool:
    """Whether the arrow (a thick segment) or the START label overlaps a domino or leaves the canvas."""
    import cv2

    box = _label_box(layout)
    if box[0] < 0 or box[1] < 0 or box[2] > FRAME_SIZE or box[3] > FRAME_SIZE:
        return True
    mask = np.zeros(taken.shape, np.uint8)
    (tx, ty), (hx, hy) = layout.arrow
    cv2.line(mask, (int(tx), int(ty)), (int(hx), int(hy)), 1, thickness=10)
    cv2.rectangle(mask, (int(box[0]), int(box[1])), (int(box[2]), int(box[3])), 1, thickness=-1)
    return bool(((mask > 0) & (taken > 0)).any())


class DominoChainBranchPathPredictionGenerator(ChainGenerator, task=TASK, params=Params, solution=Solution):
    """Lays out the Y, runs the chain reaction and draws it domino by domino."""

    height = HEIGHT

    def lay_out(self) -> Layout:
        """The Y (:func:`build_layout`)."""
        return build_layout(self.params, self.rng)

    problem = staticmethod(layout_problem)

    def prompt(self, layout: Layout) -> str:
        """The rule of the chain, told for a Y."""
        return (
            "Seen from above, blue dominoes stand in a Y: a trunk that splits at the wide fork domino into two "
            "branches. The green arrow pushes the START domino over. A falling domino knocks down every domino "
            "standing within one domino length in front of it and comes to lie flat (red) toward it; a domino "
            "standing farther away than that is not reached, so a chain stops at a wider gap. Show the chain "
            "reaction, one domino falling after another, until no more dominoes fall."
        )

    def floor(self, layout: Layout) -> np.ndarray:
        """The floor with the green push arrow and its START label (the dominoes are painted per frame)."""
        canvas = new_canvas(BACKGROUNDS[self.params.background])
        draw = ImageDraw.Draw(canvas)
        (tx, ty), (hx, hy) = layout.arrow
        draw_arrow(draw, (float(tx), float(ty)), (float(hx), float(hy)), ARROW_COLOR, width=6, head_length=16,
                   head_width=16)
        draw_text(draw, layout.label, LABEL, LABEL_SIZE, fill=TEXT_COLOR, anchor="mm", bold=True)
        return to_frame(canvas)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong chain reactions drawn like the right one: a blocked branch falling through its gap, stopping one
        domino early, or — where nothing blocks — only one branch falling; and the chain stopping at the fork."""
        layout, result, source = self.layout, self.chain.result, self.chain.replay
        misses: dict[str, FrameSource] = {}
        for branch, before in layout.gaps.items():
            members = layout.branches[branch]
            through = list(result.starts)
            position = members.index(before)
            for k, index in enumerate(members[position + 1:], start=1):
                through[index] = result.starts[before] + KNOCK_FRAMES * k
            misses[f"through_gap_{'ab'[branch]}"] = source(through)
            early = list(result.starts)
            early[before] = None
            misses[f"stops_early_{'ab'[branch]}"] = source(early)
        if not layout.gaps:
            only_a = [None if i in layout.branches[1] else s for i, s in enumerate(result.starts)]
            misses["only_branch_a"] = source(only_a)
        trunk_only = [s if i < layout.trunk else None for i, s in enumerate(result.starts)]
        misses["stops_at_fork"] = source(trunk_only)
        return misses
