"""G-206 identify_pentagons: ring the one polygon with five sides.

Parameters → draw → solve → render → prompt:

- ``num_polygons`` polygons, exactly one of them a pentagon; the others have 3, 4, 6 or 7 sides, drawn
  from a set that grows closer to five with the difficulty (``distractors``);
- each polygon is regular or, with ``irregularity`` > 0, has its corners pushed in or out and turned a
  little; a polygon with a corner too flat to see (interior angle over 155°), too sharp (under 25°), a side
  too short or a dent (not convex) is redrawn, so every corner can be counted;
- filled in colour or outlined in a dark stroke (``filled``), scattered so that a ring around any one of
  them touches no other; crowded layouts are rejected;
- the solver counts each drawn polygon's corners and takes the one with five; the video draws a red ring
  around it, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, new_canvas, to_frame
from vbvr_core.families.marking.task import RingMarkGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g206_identify_pentagons.plugin import TASK

# The side counts of the other polygons, by the ``distractors`` setting.
DISTRACTOR_SIDES = {"far": (3, 4), "all": (3, 4, 6, 7), "near": (4, 6)}
# Colours far from the red of the mark (no red, orange or pink); dark enough to read as a shape or a stroke.
COLORS = ("green", "blue", "purple", "cyan", "brown", "gray", "black")
MAX_INTERIOR, MIN_INTERIOR = math.radians(155), math.radians(25)
MIN_SIDE_SHARE = 0.4  # every side at least this share of the polygon's radius
RING_PADDING = 8
GAP = 6
STROKE = 4


class Params(TaskParams):
    """G-206's parameter space: more polygons, side counts nearer five and irregular corners as the difficulty grows."""

    num_polygons: Annotated[int, Strata((3, 4), (4, 6), (5, 7))] = Field(
        4, ge=3, le=8, description="how many polygons are shown (one of them the pentagon)")
    distractors: Annotated[Literal["far", "all", "near"], Strata(("far",), ("all",), ("all", "near"))] = Field(
        "all", description="side counts of the other polygons: far (3, 4), all (3, 4, 6, 7) or near (4, 6)")
    irregularity: Annotated[float, Strata(0.0, (0.0, 0.15), (0.1, 0.25), digits=2)] = Field(
        0.0, ge=0.0, le=0.3, description="how far corners are pushed in/out (share of the radius) and turned")
    filled: Annotated[bool, Strata(0.7, 0.5, 0.3)] = Field(True, description="polygons filled instead of outlined")
    min_radius: Annotated[int, Uniform(28, 34)] = Field(30, ge=24, le=40, description="smallest polygon radius, pixels")
    max_radius: Annotated[int, Uniform(lambda v: v["min_radius"] + 10, 54)] = Field(
        50, ge=34, le=64, description="largest polygon radius, pixels")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(12, 16)] = Field(
        14, ge=8, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The polygons (corner points, side count, centre), the ring radius around each, and the pentagon's index."""

    corners: list[list[Point]]
    sides: list[int]
    centers: list[Point]
    ring_radii: list[float]
    target: int


def interior_angles(corners: list[Point]) -> list[float] | None:
    """The interior angles (radians) of a polygon given clockwise or counter-clockwise, or None when it has a dent."""
    points = np.asarray(corners, dtype=np.float64)
    before, after = np.roll(points, 1, axis=0) - points, np.roll(points, -1, axis=0) - points
    outgoing, incoming = np.roll(points, -1, axis=0) - points, points - np.roll(points, 1, axis=0)
    turns = outgoing[:, 0] * incoming[:, 1] - outgoing[:, 1] * incoming[:, 0]  # z of the 2-D cross product
    if not (np.all(turns > 0) or np.all(turns < 0)):
        return None
    cosines = (before * after).sum(axis=1) / (np.linalg.norm(before, axis=1) * np.linalg.norm(after, axis=1))
    return [float(a) for a in np.arccos(np.clip(cosines, -1.0, 1.0))]


def corner_problem(corners: list[Point], radius: float) -> str | None:
    """Why the corners of a polygon of ``radius`` cannot all be counted by eye, or None when they can."""
    angles = interior_angles(corners)
    if angles is None:
        return "it has a dent (not convex)"
    if max(angles) > MAX_INTERIOR:
        return f"a corner of {math.degrees(max(angles)):.0f}° is too flat to see"
    if min(angles) < MIN_INTERIOR:
        return f"a corner of {math.degrees(min(angles)):.0f}° is too sharp"
    sides = np.linalg.norm(np.diff(np.asarray(corners + corners[:1]), axis=0), axis=1)
    if sides.min() < MIN_SIDE_SHARE * radius:
        return f"a side of {sides.min():.0f} px is too short"
    return None


def pentagon_index(sides: list[int]) -> int:
    """The index of the single pentagon; ``Reject`` when there is none or more than one."""
    found = [k for k, count in enumerate(sides) if count == 5]
    if len(found) != 1:
        raise Reject(f"ambiguous: {len(found)} pentagons among side counts {sides}")
    return found[0]


class PentagonGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters polygons of several side counts, exactly one with five, and rings the pentagon."""

    def _corners(self, sides: int, radius: float) -> list[Point]:
        """Corners of a polygon with ``sides`` around the origin, regular or pushed about by ``irregularity``."""
        p, rng = self.params, self.rng
        rotation = float(rng.uniform(0, 2 * math.pi))
        for _ in range(30):
            corners = []
            for k in range(sides):
                angle = rotation + 2 * math.pi * k / sides + float(rng.uniform(-1, 1)) * p.irregularity * math.pi / sides
                reach = radius * (1 + float(rng.uniform(-1, 1)) * p.irregularity)
                corners.append((reach * math.cos(angle), reach * math.sin(angle)))
            if corner_problem(corners, radius) is None:
                return corners
        raise Reject(f"illegible: no {sides}-sided polygon with countable corners in 30 draws")

    def generate(self) -> Sample:
        """Draw the side counts, shapes and layout, paint the polygons, and ring the pentagon."""
        p, rng = self.params, self.rng
        choices = DISTRACTOR_SIDES[p.distractors]
        sides = [5] + [int(choices[int(rng.integers(0, len(choices)))]) for _ in range(p.num_polygons - 1)]
        sides = [sides[int(k)] for k in rng.permutation(len(sides))]
        radii = [float(rng.uniform(p.min_radius, max(p.min_radius, p.max_radius))) for _ in sides]
        shapes = [self._corners(count, radius) for count, radius in zip(sides, radii, strict=True)]
        ring_radii = [round(max(math.hypot(x, y) for x, y in shape) + STROKE + RING_PADDING, 1) for shape in shapes]
        centers = self.rings_apart(ring_radii, GAP, 8, what="polygons")
        corners = [[(round(cx + x, 2), round(cy + y, 2)) for x, y in shape]
                   for shape, (cx, cy) in zip(shapes, centers, strict=True)]
        colors = [PALETTE[COLORS[int(rng.integers(0, len(COLORS)))]] for _ in sides]
        target = pentagon_index([len(shape) for shape in corners])  # every corner is countable (corner_problem)

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for shape, color in zip(corners, colors, strict=True):
            if p.filled:
                draw.polygon(shape, fill=color)
            else:
                draw.polygon(shape, outline=color, width=STROKE)
        first = to_frame(canvas)
        prompt = (
            "Several polygons are shown. Find the pentagon, the polygon with exactly five sides, and mark it by "
            "drawing a red circle around it. Mark only the pentagon and do not change anything else in the image."
        )
        solution = Solution(corners=corners, sides=sides, centers=centers, ring_radii=ring_radii, target=target)
        return self.ringed_sample(first, prompt, solution)

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The polygon whose side count is nearest five."""
        others = [k for k in range(len(solution.sides)) if k != solution.target]
        return {"nearest_side_count_ringed": min(others, key=lambda k: (abs(solution.sides[k] - 5), k))}
