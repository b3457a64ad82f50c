"""O-32 rolling_ball: roll the red ball over the numbered platforms' centres in order and stop on the last.

Parameters → draw → solve → render → prompt:

- ``platforms`` round platforms (seen slightly from above: a light top and a darker side), numbered 1…n and
  scattered at least ``spacing`` px apart; a red ball rests on the centre of platform 1;
- the solution is one smooth curve through the centres in numeric order (a centripetal Catmull-Rom spline),
  travelled with a steady slowing down (arc length s(t) = L·(1.25 t − 0.25 t²): the ball leaves at 1.25 times
  its mean speed and arrives at three quarters of it), ending at rest on the last platform's centre;
- a layout whose curve passes near the centre of a platform out of its turn, or leaves the canvas, is rejected.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    draw_text,
    new_canvas,
    to_frame,
)
from vbvr_core.families.physics.ball import BallScene, ball_sprite
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o32_rolling_ball.plugin import TASK

BALL_COLOR = PALETTE["red"]  # the official evaluator finds the ball by a red hue
BALL_RADIUS = 14
TOP = (196, 204, 222)
SIDE = (120, 130, 155)
EDGE = (70, 78, 100)
TEXT = (40, 40, 40)
PLATFORM_RX, PLATFORM_RY, PLATFORM_DEPTH = 40, 26, 10
EDGE_MARGIN = 52
SPEED = 22.0  # mean speed, px per frame (at 26 an eased copy, π/2 × faster mid-clip, cut a hairpin's centre)
VISIT = 20.0  # px: the ball passes over a centre when it comes this close (the scorer's measure too)
LEAVE = 1.25  # leaves at this times its mean speed, slows down steadily to (2 − LEAVE) times it: 8 fps steps < 120 px
HOLD_ENDS = 6  # frames the pipeline holds the start and the end (a quarter of a second each)
CLEARANCE = 46.0  # the curve keeps this far from the centre of a platform that is not next


class Params(TaskParams):
    """O-32's parameter space: more platforms, closer together, as the difficulty grows."""

    platforms: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=7, description="numbered platforms the ball rolls over")
    spacing: Annotated[int, Strata((150, 170), (130, 150), (115, 135))] = Field(
        140, ge=110, le=180, description="least distance between two platforms' centres (px)")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """The platforms' centres in numeric order and the ball: what the scorer follows."""

    centers: list[Point]
    ball_radius: int
    ball_color: tuple[int, int, int]
    path_length: float


def catmull_rom(points: np.ndarray, samples: int = 40) -> np.ndarray:
    """A centripetal Catmull-Rom curve through ``points`` (k×2), ``samples`` points per segment, ends included."""
    padded = np.vstack([2 * points[0] - points[1], points, 2 * points[-1] - points[-2]])
    out = [points[0]]
    for k in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[k - 1:k + 3]
        t0 = 0.0
        t1 = t0 + np.linalg.norm(p1 - p0) ** 0.5
        t2 = t1 + np.linalg.norm(p2 - p1) ** 0.5
        t3 = t2 + np.linalg.norm(p3 - p2) ** 0.5
        for t in np.linspace(t1, t2, samples + 1)[1:]:
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            out.append((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2)
    return np.asarray(out)


def along(curve: np.ndarray, distances: np.ndarray) -> np.ndarray:
    """Points of ``curve`` at the given arc lengths."""
    steps = np.linalg.norm(np.diff(curve, axis=0), axis=1)
    cumulative = np.concatenate([[0.0], np.cumsum(steps)])
    xs = np.interp(distances, cumulative, curve[:, 0])
    ys = np.interp(distances, cumulative, curve[:, 1])
    return np.stack([xs, ys], axis=1)


def roll(curve: np.ndarray) -> tuple[np.ndarray, float]:
    """The ball's centre frame by frame along ``curve``, slowing down steadily (at least 24 frames), and the
    curve's length."""
    length = float(np.linalg.norm(np.diff(curve, axis=0), axis=1).sum())
    frames = max(24, int(round(length / SPEED)))
    times = np.arange(frames + 1) / frames
    return along(curve, length * (LEAVE * times - (LEAVE - 1) * times**2)), length


def passes_in_order(positions: np.ndarray, centers: np.ndarray) -> bool:
    """Whether the ball at ``positions`` comes within :data:`VISIT` of every centre, first reaching them in order:
    a swapped roll whose straight way to the later platform crosses the earlier one on the way still visits
    them in order, so it is no wrong roll."""
    near = np.linalg.norm(positions[None, :, :] - centers[:, None, :], axis=2) <= VISIT
    if not near.any(axis=1).all():
        return False
    first = near.argmax(axis=1)
    return bool(np.all(np.diff(first) >= 0))


def curve_problem(curve: np.ndarray, centers: np.ndarray, samples: int) -> str | None:
    """Why the curve cannot be used (it leaves the canvas, or passes near a platform out of its turn), or None."""
    if curve.min() < BALL_RADIUS + 2 or curve.max() > FRAME_SIZE - BALL_RADIUS - 2:
        return "out of bounds: the curve leaves the canvas"
    for k, center in enumerate(centers):
        distances = np.linalg.norm(curve - center, axis=1)
        own = np.zeros(len(curve), bool)
        own[max(0, k * samples - samples // 2):k * samples + samples // 2 + 1] = True
        if (distances[~own] < CLEARANCE).any():
            return f"ambiguous: the curve passes near platform {k + 1} out of its turn"
    return None


class RollingBallGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters numbered platforms and rolls the ball over their centres in order."""

    def generate(self) -> Sample:
        """Place the platforms, build the curve, reject a doubtful one, and render the roll."""
        p, rng = self.params, self.rng
        centers: list[np.ndarray] = []
        for _ in range(400):
            if len(centers) == p.platforms:
                break
            candidate = rng.uniform(EDGE_MARGIN + 10, FRAME_SIZE - EDGE_MARGIN - 10, size=2)
            if all(np.linalg.norm(candidate - c) >= p.spacing for c in centers):
                centers.append(np.round(candidate, 1))
        if len(centers) < p.platforms:
            raise Reject("cluttered: the platforms do not fit apart")
        points = np.asarray(centers)
        samples = 40
        curve = catmull_rom(points, samples)
        problem = curve_problem(curve, points, samples)
        if problem:
            raise Reject(problem)
        positions, length = roll(curve)
        self._balls = balls = BallScene(self._scene(points), ball_sprite(BALL_RADIUS, BALL_COLOR, (90, 10, 10), pad=6))
        prompt = (
            f"A red ball rests on platform 1. Roll it, without lifting or jumping, along one smooth curve over the "
            f"centre of every platform in order 1 to {p.platforms}, slowing down as it goes, so that it comes to "
            f"rest on the centre of platform {p.platforms}."
        )
        solution = Solution(centers=[(float(x), float(y)) for x, y in points], ball_radius=BALL_RADIUS,
                            ball_color=BALL_COLOR, path_length=round(length, 1))
        return Sample(first_frame=balls.frame(positions[0]), final_frame=balls.frame(positions[-1]), prompt=prompt,
                      trajectory=lambda: balls.frames(positions), solution=solution, params=p,
                      hold_frames=HOLD_ENDS)

    def _scene(self, points: np.ndarray) -> np.ndarray:
        canvas = new_canvas(BACKGROUNDS[self.params.background])
        draw = ImageDraw.Draw(canvas)
        for number, (x, y) in enumerate(points, start=1):
            draw.ellipse([x - PLATFORM_RX, y - PLATFORM_RY + PLATFORM_DEPTH, x + PLATFORM_RX, y + PLATFORM_RY + PLATFORM_DEPTH],
                         fill=SIDE, outline=EDGE, width=2)
            draw.rectangle([x - PLATFORM_RX + 1, y, x + PLATFORM_RX - 1, y + PLATFORM_DEPTH], fill=SIDE)
            draw.ellipse([x - PLATFORM_RX, y - PLATFORM_RY, x + PLATFORM_RX, y + PLATFORM_RY], fill=TOP, outline=EDGE,
                         width=2)
            draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=EDGE)
            draw_text(draw, (x, y - PLATFORM_RY - 12), str(number), 18, fill=TEXT, anchor="mm", bold=True)
        return to_frame(canvas)

    def _other_roll(self, order: list[int]) -> FrameSource:
        positions, _ = roll(catmull_rom(self._all[order]))
        return lambda: self._balls.frames(positions)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong rolls drawn like the right one: skipping platform 2, swapping the two last but one, stopping short."""
        self._all = np.asarray(sample.solution.centers)
        n = len(self._all)
        misses = {"skips_platform_2": self._other_roll([0, *range(2, n)]),
                  "stops_short": self._other_roll(list(range(n - 1)))}
        if n >= 4:
            swapped = list(range(n))
            swapped[n - 3], swapped[n - 2] = swapped[n - 2], swapped[n - 3]
            if not passes_in_order(roll(catmull_rom(self._all[swapped]))[0], self._all):
                misses["swapped_order"] = self._other_roll(swapped)
        return misses
