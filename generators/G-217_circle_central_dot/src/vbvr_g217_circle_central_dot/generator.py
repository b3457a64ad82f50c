"""G-217 circle_central_dot: circle in red the dot at the centre of an arrangement of black dots.

Parameters → draw → solve → render → prompt:

- black dots of one size in a symmetric arrangement (``pattern``): an odd number in a straight ``line``, an
  odd-by-odd ``grid``, a ``cross`` (four equal arms round a middle dot) or a ``ring`` of dots round one in its
  middle; exactly one dot stands at the arrangement's centre of symmetry;
- in the easy stratum the arrangement is level and (within 24 px) centred on the canvas; from the medium stratum it is turned
  by ``angle`` and shifted by ``offset`` px, so the dot nearest the middle of the picture need not be the central
  one; in the hard stratum a line's or cross's spacing may vary (``uneven``), mirror-symmetric about the centre,
  so the central dot is the middle one by position and by count alike;
- every dot keeps clear of the canvas edge and a red ring around the central dot (1.45 × a dot's radius, as the
  official evaluator expects: 0.8–1.5) stays clear of every other dot;
- the solver takes the dot nearest the centroid of all dots and checks it stands on the centroid and no other dot
  comes close; the video draws the red ring around it, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_disc, new_canvas, to_frame
from vbvr_core.families.geometry_marks.task import PointMarkGenerator, inside_canvas
from vbvr_core.families.marking.task import shuffle_together
from vbvr_core.pipeline.generator import Reject

from vbvr_g217_circle_central_dot.plugin import TASK

RING_SCALE = 1.45  # the red ring's radius, in dot radii (the official evaluator's expected size)
MARK_WIDTH = 5  # with the dot's size, enough red pixels for the official evaluator's 500 at 512 px
EDGE = 14  # px between any dot and the canvas edge
CLEAR = 8  # px between the red ring and any other dot
PATTERNS = ("line", "grid", "cross", "ring")


class Params(TaskParams):
    """G-217's parameter space: more patterns, turned and shifted off the canvas's middle, uneven spacing as it grows."""

    pattern: Annotated[Literal["line", "grid", "cross", "ring"],
                       Strata(("line", "grid"), ("line", "grid", "cross", "ring"), ("line", "grid", "cross", "ring"))] = Field(
        "line", description="the arrangement: a line, an odd-by-odd grid, a four-armed cross, or a ring round a middle dot")
    size: Annotated[int, Strata((1, 2), (1, 3), (2, 3))] = Field(
        2, ge=1, le=5, description="dots on each side of the central one (line, cross, grid); a ring has 3·size+3 dots")
    spacing: Annotated[int, Uniform(56, 68)] = Field(60, ge=40, le=80, description="distance between neighbouring dots, px")
    uneven: Annotated[float, Strata(0.0, 0.0, (0.0, 0.35), digits=2)] = Field(
        0.0, ge=0.0, le=0.5, description="how far each gap of a line or cross varies (mirror-symmetric), share of spacing")
    angle: Annotated[float, Strata(0.0, (0.0, 180.0), (0.0, 180.0), digits=1)] = Field(
        0.0, ge=0.0, le=360.0, description="turn of the whole arrangement, degrees (easy: level, or upright)")
    offset: Annotated[int, Strata((0, 24), (20, 70), (50, 110))] = Field(
        0, ge=0, le=150, description="how far the arrangement's centre is shifted from the canvas's middle, px")
    dot_radius: Annotated[int, Uniform(14, 17)] = Field(15, ge=8, le=18, description="radius of every dot, px")
    background: BackgroundIndex = 0
    mark_frames: Annotated[int, Uniform(16, 20)] = Field(
        18, ge=6, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The dots (centres), their radius, the red ring's radius and the central dot. The marking family's
    ``score_ringed`` judges it with every dot as a candidate and the central dot as the target: the red mark must
    sit on it and take in no other dot."""

    dots: list[Point]
    dot_radius: float
    ring_radius: float
    target: int


def gaps(count: int, spacing: float, uneven: float, rng) -> list[float]:
    """Cumulative distances from the centre of ``count`` dots on one side (mirror-symmetric by construction)."""
    steps = [spacing * (1 + uneven * float(rng.uniform(-1, 1))) for _ in range(count)]
    return list(np.cumsum(steps))


def pattern_points(pattern: str, size: int, spacing: float, uneven: float, rng) -> list[Point]:
    """The arrangement's dots round the origin, the central dot first."""
    points: list[Point] = [(0.0, 0.0)]
    if pattern in ("line", "cross"):
        reach = gaps(size, spacing, uneven, rng)
        arms = ((1, 0), (-1, 0)) if pattern == "line" else ((1, 0), (-1, 0), (0, 1), (0, -1))
        for dx, dy in arms:
            points += [(dx * r, dy * r) for r in reach]
    elif pattern == "grid":
        side = min(size, 2)  # at most 5 × 5
        points += [(i * spacing, j * spacing) for i in range(-side, side + 1) for j in range(-side, side + 1)
                   if (i, j) != (0, 0)]
    else:
        count = 3 * size + 3
        radius = max(spacing * 1.5, spacing / (2 * math.sin(math.pi / count)))
        points += [(radius * math.cos(2 * math.pi * k / count), radius * math.sin(2 * math.pi * k / count))
                   for k in range(count)]
    return points


def central_dot(dots: list[Point], least_gap: float) -> int:
    """The dot at the arrangement's centre: the one on the centroid of all dots, with no other dot within
    ``least_gap``; ``Reject`` when no dot stands on the centroid."""
    points = np.asarray(dots, dtype=np.float64)
    distance = np.hypot(*(points - points.mean(axis=0)).T)
    order = np.argsort(distance)
    if distance[order[0]] > 2.0 or distance[order[1]] < least_gap:
        raise Reject("ambiguous: no single dot stands at the arrangement's centre")
    return int(order[0])


class CentralDotGenerator(PointMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Lays out a symmetric arrangement of dots and rings its central dot."""

    ring_width = MARK_WIDTH
    hold_frames = 8

    def generate(self) -> Sample:
        """Build the arrangement, turn and shift it, find its central dot, and ring it."""
        p, rng = self.params, self.rng
        local = pattern_points(p.pattern, p.size, p.spacing, p.uneven, rng)
        turn = math.radians(p.angle if p.angle or p.pattern == "ring" else 90.0 * int(rng.integers(0, 2)))
        heading = float(rng.uniform(0, 2 * math.pi))
        cx, cy = 256 + p.offset * math.cos(heading), 256 + p.offset * math.sin(heading)
        cos, sin = math.cos(turn), math.sin(turn)
        placed = [(round(cx + x * cos - y * sin, 1), round(cy + x * sin + y * cos, 1)) for x, y in local]
        (dots,) = shuffle_together(rng, placed)
        if not inside_canvas(dots, EDGE + p.dot_radius):
            raise Reject("out of bounds: a dot leaves the canvas")
        ring_radius = round(RING_SCALE * p.dot_radius, 1)
        target = central_dot(dots, ring_radius + p.dot_radius + CLEAR + MARK_WIDTH)
        others = [math.dist(a, b) for k, a in enumerate(dots) for b in dots[k + 1:]]
        if min(others) < 2 * p.dot_radius + 12:
            raise Reject("cluttered: two dots nearly touch")

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        r = p.dot_radius
        for dot in dots:
            draw_disc(draw, dot, r, PALETTE["black"])
        first = to_frame(canvas)
        solution = Solution(dots=dots, dot_radius=float(r), ring_radius=ring_radius, target=target)
        prompt = (
            "Black dots are arranged in a symmetric pattern. Find the central dot, the one at the centre of the "
            "pattern, and mark it by drawing a red circle around it. Do not change anything else in the image."
        )
        return self.marked_sample(first, prompt, solution, [dots[target]], ring_radius)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct style: the central dot covered by a growing red disc."""
        s = Solution.model_validate(sample.solution)
        return {"red_disc": lambda: self.dots(sample.first_frame, [s.dots[s.target]], s.dot_radius + 3)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Other dots ringed like the right one: the one nearest the canvas's middle (when that is not the central
        dot) and a neighbour of the central dot."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        others = [k for k in range(len(s.dots)) if k != s.target]
        neighbour = min(others, key=lambda k: (math.dist(s.dots[k], s.dots[s.target]), k))
        middle = min(range(len(s.dots)), key=lambda k: (math.dist(s.dots[k], (256.0, 256.0)), k))
        misses: dict[str, FrameSource] = {"neighbour_ringed": lambda: self.rings(first, [s.dots[neighbour]], s.ring_radius)}
        if middle != s.target and middle != neighbour:
            misses["nearest_canvas_middle_ringed"] = lambda: self.rings(first, [s.dots[middle]], s.ring_radius)
        return misses
