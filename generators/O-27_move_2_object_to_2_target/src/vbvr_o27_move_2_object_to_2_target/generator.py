"""O-27 move_2_object_to_2_target: slide a pink and a blue ball, together and straight, into the dashed rings of
their own colours.

Parameters → draw → solve → render → prompt:

- a pink ball and a blue ball of radius ``ball_radius`` (the official task's colours), each with a dashed ring of a
  darker shade of its colour, ``RING_GAP`` px wider, ``min_distance`` to ``min_distance + DISTANCE_SPREAD`` px
  away in any direction; balls and rings keep ``SEPARATION`` px clear of each other and of the edges;
- the solution is each ball's straight segment to its ring's centre; the two move at the same time, and their
  closest approach on the way must leave ``SEPARATION`` px between them (else the instance is rejected: nothing
  passes through anything);
- the video slides both balls together, eased, over ``move_frames`` frames.
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Sprite, Stage, ease_in_out, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import shape_sprite, staged_sample
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import share_along

from vbvr_o27_move_2_object_to_2_target.plugin import TASK

# The official task's colours: pink and blue balls, rings of darker shades, on light grey (or core's lightest tints).
BALLS = {"pink": (244, 143, 177), "blue": (143, 188, 244)}
RINGS = {"pink": (180, 100, 130), "blue": (100, 140, 180)}
BACKGROUNDS = [(220, 220, 220), (236, 236, 236), (246, 246, 246)]
OUTLINE = (60, 60, 60)
RING_GAP, RING_WIDTH, DASH_DEGREES = 5, 4, 14.0
SEPARATION = 14
MARGIN = 16
DISTANCE_SPREAD = 120
TARGET_TRIES = 30


class Params(TaskParams):
    """O-27's parameter space: smaller balls that travel farther as the difficulty grows."""

    ball_radius: Annotated[int, Strata((28, 32), (24, 28), (20, 24))] = Field(
        28, ge=18, le=34, description="radius of each ball in pixels (its ring is 5 px wider)")
    min_distance: Annotated[int, Strata((100, 140), (140, 180), (180, 220))] = Field(
        140, ge=90, le=240, description="least distance in pixels from a ball to its ring")
    move_frames: Annotated[int, Uniform(20, 23)] = Field(21, ge=20, le=60, description="video frames of the slide")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="background shade index (light greys)")


class Solution(TaskSolution):
    """Each ball's colour name, RGB, start and ring centre; the ball and ring radii."""

    names: list[str]
    colors: list[tuple[int, int, int]]
    starts: list[Point]
    targets: list[Point]
    ball_radius: int
    ring_radius: int


def closest_approach(starts: list[Point], targets: list[Point]) -> float:
    """The least distance between the two balls' centres when both move in step along their segments."""
    a0, b0 = np.asarray(starts[0], float), np.asarray(starts[1], float)
    da, db = np.asarray(targets[0], float) - a0, np.asarray(targets[1], float) - b0
    offset, drift = a0 - b0, da - db
    t = float(np.clip(share_along(-offset, (0.0, 0.0), drift), 0.0, 1.0))  # where a − b passes nearest 0
    return float(np.linalg.norm(offset + t * drift))


def layout_problem(starts: list[Point], targets: list[Point], ball_radius: int, ring_radius: int) -> str | None:
    """Why these balls and rings cannot be used (off the canvas, overlapping, meeting on the way), or None."""
    marks = [(p, ball_radius) for p in starts] + [(p, ring_radius) for p in targets]
    for point, radius in marks:
        if not all(radius + MARGIN <= value <= 512 - radius - MARGIN for value in point):
            return f"out of bounds: a mark at {tuple(round(v) for v in point)} leaves the canvas"
    for k, (a, ra) in enumerate(marks):
        for b, rb in marks[k + 1:]:
            if math.dist(a, b) < ra + rb + SEPARATION:
                return "occlusion: two balls or rings overlap"
    if closest_approach(starts, targets) < 2 * ball_radius + SEPARATION:
        return "occlusion: the balls would meet on the way"
    return None


def scene(params: Params, solution: Solution) -> Stage:
    """The static scene: the two dashed rings on the background."""
    canvas = new_canvas(BACKGROUNDS[params.background])
    draw = ImageDraw.Draw(canvas)
    for name, (x, y) in zip(solution.names, solution.targets, strict=True):
        r = solution.ring_radius
        for start in np.arange(0.0, 360.0, 2 * DASH_DEGREES):
            draw.arc([x - r, y - r, x + r, y + r], start=float(start), end=float(start + DASH_DEGREES), fill=RINGS[name],
                     width=RING_WIDTH)
    return Stage(to_frame(canvas))


def ball_sprite(color, radius: int) -> Sprite:
    """A filled ball with a thin dark outline, on a transparent square 6 px wider than the ball."""
    return shape_sprite("circle", radius, radius + 3, color, OUTLINE, 2)


def slide(stage: Stage, sprites: list[Sprite], paths: list[list[Point]], frames: int, delays: list[int]):
    """Frames of each ball moving along ``paths[k]`` (start, end), starting ``delays[k]`` frames in, eased."""
    total = frames + max(delays)
    for k in range(total + 1):
        placements = []
        for sprite, (start, end), delay in zip(sprites, paths, delays, strict=True):
            t = ease_in_out(min(1.0, max(0.0, (k - delay) / frames)))
            placements.append((sprite, (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)))
        yield stage.frame(placements)


class MoveTwoObjectsGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws two balls and their rings, and the balls' simultaneous straight slides into them."""

    def _ball(self, radius: int) -> Point:
        return tuple(float(v) for v in self.rng.integers(radius + MARGIN, 512 - radius - MARGIN, size=2))

    def _target(self, start: Point, ring_radius: int) -> Point:
        """A ring centre ``min_distance`` to ``min_distance + DISTANCE_SPREAD`` px from ``start`` that keeps the ring on
        the canvas (the last try's, checked later, if none does)."""
        low, high = ring_radius + MARGIN, 512 - ring_radius - MARGIN
        for _ in range(TARGET_TRIES):
            distance = self.params.min_distance + float(self.rng.uniform(0, DISTANCE_SPREAD))
            angle = float(self.rng.uniform(0, 2 * math.pi))
            x, y = round(start[0] + distance * math.cos(angle)), round(start[1] + distance * math.sin(angle))
            if low <= x <= high and low <= y <= high:
                break
        return (float(x), float(y))

    def generate(self) -> Sample:
        """Place balls and rings, check nothing overlaps or meets on the way, slide both balls at once."""
        p = self.params
        ring_radius = p.ball_radius + RING_GAP
        names = ["pink", "blue"] if self.rng.random() < 0.5 else ["blue", "pink"]
        starts = [self._ball(p.ball_radius) for _ in names]
        targets = [self._target(start, ring_radius) for start in starts]
        problem = layout_problem(starts, targets, p.ball_radius, ring_radius)
        if problem:
            raise Reject(problem)
        solution = Solution(names=names, colors=[BALLS[n] for n in names], starts=starts, targets=targets,
                            ball_radius=p.ball_radius, ring_radius=ring_radius)
        stage = scene(p, solution)
        sprites = [ball_sprite(BALLS[n], p.ball_radius) for n in names]
        paths = [[s, t] for s, t in zip(starts, targets, strict=True)]
        prompt = ("Move the pink ball into the pink dashed ring and the blue ball into the blue dashed ring. Both balls "
                  "move at the same time, each in a straight line, and stop centred in their rings; the rings stay "
                  "where they are.")
        return staged_sample(stage, sprites, starts, targets, lambda: slide(stage, sprites, paths, p.move_frames, [0, 0]),
                             prompt=prompt, solution=solution, params=p)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Each ball into the other's ring, and the balls moving one after the other instead of together."""
        solution: Solution = sample.solution
        stage = scene(self.params, solution)
        sprites = [ball_sprite(color, solution.ball_radius) for color in solution.colors]
        frames = self.params.move_frames
        right = [[s, t] for s, t in zip(solution.starts, solution.targets, strict=True)]
        swapped = [[solution.starts[0], solution.targets[1]], [solution.starts[1], solution.targets[0]]]
        return {"swapped_rings": lambda: slide(stage, sprites, swapped, frames, [0, 0]),
                "one_after_the_other": lambda: slide(stage, sprites, right, frames, [0, frames])}
