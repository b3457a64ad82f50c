"""G-212 find_incorrect_arrow_direction: circle in red the one arrow that points the wrong way.

Parameters → draw → solve → render → prompt:

- ``num_arrows`` arrows laid out either on a grid (``layout="grid"``: every arrow points in one common
  direction, one of eight) or around a circle (``layout="ring"``: every arrow points the same way round,
  clockwise or anticlockwise, along the circle);
- exactly one arrow breaks the rule: it is reversed, or (``wrong_turn`` 90) turned a quarter turn; from the
  medium stratum each arrow is also tilted a little at random (``jitter``), never enough to be mistaken;
- in the hard stratum (``odd_color``) one arrow that points the right way has its own colour, so the eye's
  first odd-one-out is not the answer;
- arrows are spaced so that a red ring around any one of them takes in no other;
- the solver reads each arrow's direction relative to the rule's direction at its place (the common direction,
  or the circle's tangent), finds the direction most arrows agree with (within 30°, their mean direction), and keeps the arrow that
  disagrees; an instance where that is not exactly one arrow is rejected. The video draws a red ring around it,
  stroke by stroke (the official evaluator looks for one red circle on the reversed arrow).
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_arrow, new_canvas, to_frame
from vbvr_core.families.marking.task import RingMarkGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g212_find_incorrect_arrow_direction.plugin import TASK

# Arrow colours: dark enough for the official evaluator's reading (grey < 150), never red, orange or pink.
COLORS = ("black", "blue", "green", "purple", "brown")
AGREE = 30.0  # degrees: arrows within this of the rule's direction agree with it
RING_PAD = 10  # px between an arrow's tip and the red ring
MARK_WIDTH = 5
GAP = 10  # px between a ring and any other arrow
RING_RADIUS = 165.0  # px: the circle the arrows of a ring layout stand on
HOLD_ENDS = 8


class Params(TaskParams):
    """G-212's parameter space: more arrows, a ring layout, quarter turns, tilt and an odd colour as it grows."""

    layout: Annotated[Literal["grid", "ring"], Strata(("grid",), ("grid", "ring"), ("grid", "ring"))] = Field(
        "grid", description="arrows on a grid pointing one way, or around a circle pointing the same way round")
    num_arrows: Annotated[int, Strata((5, 7), (7, 9), (8, 11))] = Field(
        8, ge=5, le=12, description="how many arrows are shown (one of them wrong)")
    wrong_turn: Annotated[Literal[180, 90], Strata((180,), (180, 90), (180, 90))] = Field(
        180, description="how far the wrong arrow is turned from the rule, degrees (reversed or a quarter turn)")
    jitter: Annotated[float, Strata(0.0, (0.0, 8.0), (6.0, 12.0), digits=1)] = Field(
        0.0, ge=0.0, le=15.0, description="each arrow is tilted at random by up to this many degrees")
    odd_color: Annotated[bool, Strata(0.0, 0.3, 0.6)] = Field(
        False, description="one arrow pointing the right way has a colour of its own")
    length: Annotated[int, Uniform(56, 68)] = Field(62, ge=48, le=76, description="arrow length, px")
    background: BackgroundIndex = 0
    mark_frames: Annotated[int, Uniform(16, 20)] = Field(
        18, ge=6, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The arrows (centre, direction in degrees, clockwise from east on screen), the layout's rule, the ring radius,
    the wrong arrow and the odd-coloured one (or None)."""

    layout: Literal["grid", "ring"]
    centers: list[Point]
    angles: list[float]
    ring_center: Point
    ring_radius: float
    target: int
    odd_colored: int | None


def angle_gap(a: float, b: float) -> float:
    """The unsigned difference of two directions, degrees in [0, 180]."""
    return abs((a - b + 180.0) % 360.0 - 180.0)


def relative_angles(layout: str, centers: list[Point], angles: list[float], ring_center: Point) -> list[float]:
    """Each arrow's direction relative to the layout's frame at its place: as drawn on a grid, or measured from the
    clockwise tangent of the circle through it (screen y down) on a ring."""
    if layout == "grid":
        return list(angles)
    out = []
    for (x, y), angle in zip(centers, angles, strict=True):
        radial = math.degrees(math.atan2(y - ring_center[1], x - ring_center[0]))
        out.append((angle - (radial + 90.0)) % 360.0)
    return out


def wrong_arrow(relative: list[float]) -> int:
    """The one arrow whose (relative) direction disagrees with the direction most arrows share; ``Reject`` when the
    majority is unclear or not exactly one arrow disagrees."""
    support = [sum(angle_gap(a, b) <= AGREE for b in relative) for a in relative]
    seed = relative[int(np.argmax(support))]
    group = np.radians([a for a in relative if angle_gap(a, seed) <= AGREE])
    rule = math.degrees(math.atan2(np.sin(group).mean(), np.cos(group).mean())) % 360.0  # the group's mean direction
    off = [k for k, a in enumerate(relative) if angle_gap(a, rule) > AGREE]
    if len(off) != 1 or max(support) < len(relative) - 1:
        raise Reject(f"ambiguous: {len(off)} arrows disagree with the common direction")
    if angle_gap(relative[off[0]], rule) < 75.0:
        raise Reject("ambiguous: the wrong arrow is turned too little to see")
    return off[0]


class WrongArrowGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Lays out arrows that follow one direction rule but one, and rings the one that breaks it."""

    ring_width = MARK_WIDTH

    def _grid_centers(self, spacing: float) -> list[Point]:
        p, rng = self.params, self.rng
        cells = int(math.floor((512 - 2 * 12) / spacing))
        cols = int(rng.integers(max(2, math.ceil(p.num_arrows / cells)), cells + 1))
        rows = math.ceil(p.num_arrows / cols)
        if rows > cells:
            raise Reject("cluttered: the arrows do not fit on the grid")
        chosen = sorted(int(k) for k in rng.choice(rows * cols, p.num_arrows, replace=False))
        x0 = 256 - (cols - 1) * spacing / 2 + float(rng.uniform(-10, 10))
        y0 = 256 - (rows - 1) * spacing / 2 + float(rng.uniform(-10, 10))
        return [(round(x0 + (k % cols) * spacing, 1), round(y0 + (k // cols) * spacing, 1)) for k in chosen]

    def _ring_centers(self, spacing: float) -> list[Point]:
        p, rng = self.params, self.rng
        step = 2 * math.pi / p.num_arrows
        if 2 * RING_RADIUS * math.sin(step / 2) < spacing:
            raise Reject("cluttered: the arrows do not fit around the circle")
        start = float(rng.uniform(0, step))
        return [(round(256 + RING_RADIUS * math.cos(start + k * step), 1),
                 round(256 + RING_RADIUS * math.sin(start + k * step), 1)) for k in range(p.num_arrows)]

    def generate(self) -> Sample:
        """Lay out the arrows, turn one wrong, find it by the majority rule, and ring it."""
        p, rng = self.params, self.rng
        mark_radius = round(p.length / 2 + RING_PAD, 1)
        spacing = mark_radius + p.length / 2 + GAP + MARK_WIDTH
        centers = self._grid_centers(spacing) if p.layout == "grid" else self._ring_centers(spacing)
        wrong = int(rng.integers(0, len(centers)))
        common = 45.0 * int(rng.integers(0, 8))
        sense = 0.0 if rng.random() < 0.5 else 180.0  # ring: clockwise or anticlockwise
        turn = p.wrong_turn * (1 if rng.random() < 0.5 else -1)
        angles = []
        for k, (x, y) in enumerate(centers):
            if p.layout == "grid":
                base = common
            else:
                base = math.degrees(math.atan2(y - 256, x - 256)) + 90.0 + sense
            tilt = float(rng.uniform(-p.jitter, p.jitter))
            angles.append(round((base + tilt + (turn if k == wrong else 0.0)) % 360.0, 1))
        target = wrong_arrow(relative_angles(p.layout, centers, angles, (256.0, 256.0)))
        names = [COLORS[int(rng.integers(0, len(COLORS)))]] * len(centers)
        odd = None
        if p.odd_color:
            odd = int(rng.choice([k for k in range(len(centers)) if k != target]))
            names[odd] = str(rng.choice([c for c in COLORS if c != names[0]]))

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        half = p.length / 2
        width = max(6, round(p.length / 9))
        for (x, y), angle, name in zip(centers, angles, names, strict=True):
            dx, dy = math.cos(math.radians(angle)) * half, math.sin(math.radians(angle)) * half
            draw_arrow(draw, (x - dx, y - dy), (x + dx, y + dy), PALETTE[name], width=width,
                       head_length=p.length * 0.38, head_width=p.length * 0.4)
        solution = Solution(layout=p.layout, centers=centers, angles=angles, ring_center=(256.0, 256.0),
                            ring_radius=mark_radius, target=target, odd_colored=odd)
        rule = ("All of the arrows but one point in the same direction." if p.layout == "grid" else
                "The arrows stand around a circle, and all of them but one point the same way round it.")
        prompt = (f"Several arrows are shown. {rule} Find the one arrow whose direction is incorrect and mark it by "
                  "drawing a red circle around it. Do not change anything else in the image.")
        return self.ringed_sample(to_frame(canvas), prompt, solution, hold_frames=HOLD_ENDS)

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The wrong arrow's nearest neighbour, and (when there is one) the arrow of its own colour."""
        s = solution
        others = [k for k in range(len(s.centers)) if k != s.target]
        nearest = min(others, key=lambda k: (math.dist(s.centers[k], s.centers[s.target]), k))
        misses = {"neighbour_ringed": nearest}
        if s.odd_colored is not None:
            misses["odd_colour_ringed"] = s.odd_colored
        return misses
