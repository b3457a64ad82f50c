"""O-15 ball_bounces_given_time: a ball moves in a walled box for a given time, bouncing elastically.

Parameters → draw → solve → render → prompt:

- a box ``box_width`` × ``box_height`` metres seen from above (no gravity, no friction), a dark ball at
  (``start_x``, ``start_y``) (shares of the box) and a green arrow showing its direction of motion
  ``angle`` (degrees, counter-clockwise from the right); the header states the speed ``speed`` m/s, the
  time ``duration`` s and the box size;
- the solution is the law of elastic reflection: the ball's centre moves in a straight line at constant
  speed and, at distance ``r`` (its radius) from a wall, reverses the velocity component normal to that
  wall (angle of reflection = angle of incidence, speed unchanged). Unfolded, each coordinate is a
  triangle wave: x(t) = fold(x₀ + vₓ·t) on [left + r, right − r];
- the clip shows the motion in real time (24 frames per second) from t = 0 to t = ``duration`` and ends on
  the ball at rest where it is at that time;
- a direction within 12° of a wall's axis, a corner hit (an x- and a y-bounce less than 0.08 s apart), a
  bounce less than 0.15 s before the end (whether it happened is then unreadable) or no bounce at all is
  rejected and redrawn.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import FPS, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    draw_arrow,
    draw_text,
    new_canvas,
    to_frame,
)
from vbvr_core.families.physics.ball import BallScene, ball_sprite, real_time_frames
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o15_ball_bounces_given_time.plugin import TASK

# The box's inner area on the canvas: at most this wide and high, its top edge at BOX_TOP.
BOX_MAX_W, BOX_MAX_H = 440.0, 350.0
BOX_TOP = 112.0
WALL = 6
WALL_COLOR = (75, 75, 75)
TEXT_COLOR = (40, 40, 40)
BALL_COLOR = (25, 45, 140)  # dark, as the official evaluator expects the ball to be
ARROW_COLOR = PALETTE["green"]
ARROW_LENGTH = 56.0
MIN_AXIS_ANGLE = 12.0  # degrees a direction keeps from either wall axis
CORNER_GAP = 0.08  # s between an x- and a y-bounce below which the hit counts as a corner
END_GAP = 0.15  # s a bounce keeps from the end of the motion
PACE = Strata((150.0, 250.0), (200.0, 300.0), (250.0, 340.0))  # px/s on the picture; speed (m/s) follows the box


class Params(TaskParams):
    """O-15's parameter space: the longer the time (and so the more bounces), the harder."""

    box_width: Annotated[float, Uniform(3.0, 8.0, digits=1)] = Field(
        5.0, ge=2.0, le=10.0, description="inner width of the box (m)")
    box_height: Annotated[float, Uniform(2.5, 6.0, digits=1)] = Field(
        4.0, ge=2.0, le=10.0, description="inner height of the box (m)")
    duration: Annotated[float, Strata((1.5, 2.2), (2.0, 2.8), (2.4, 3.2), digits=1)] = Field(
        3.0, ge=1.0, le=6.0, description="time the motion lasts (s)")
    angle: Annotated[float, Uniform(0.0, 359.0, digits=0)] = Field(
        35.0, ge=0.0, le=360.0, description="direction of motion (degrees, counter-clockwise from the right)")
    start_x: Annotated[float, Uniform(0.15, 0.85, digits=2)] = Field(
        0.3, ge=0.1, le=0.9, description="start of the ball's centre across the box (share of its width)")
    start_y: Annotated[float, Uniform(0.15, 0.85, digits=2)] = Field(
        0.6, ge=0.1, le=0.9, description="start of the ball's centre down the box (share of its height)")
    speed: float = Field(2.0, ge=0.2, le=12.0, description="speed of the ball (m/s); drawn from a pace on the "
                                                          "picture of 150–250, 200–300 or 250–340 px/s by difficulty")
    ball_radius: Annotated[int, Uniform(10, 15)] = Field(12, ge=8, le=18, description="ball radius (px)")
    background: BackgroundIndex = 0

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The speed from a pace on the picture (faster at higher difficulty), under the drawn (or fixed) box size."""
        if "speed" in fixed:
            return values
        pixels = pixels_per_metre(values["box_width"], values["box_height"])
        low, high = PACE.stratum(values["difficulty"])
        speed = round(float(rng.uniform(low, high)) / pixels, 1)
        return {**values, "speed": min(12.0, max(0.2, speed))}


class Solution(TaskSolution):
    """The box, the ball's start and velocity on the picture (px, px/s, y down): what the scorer integrates."""

    ball_color: tuple[int, int, int]
    ball_radius: int
    left: float
    top: float
    right: float
    bottom: float
    start: tuple[float, float]
    velocity: tuple[float, float]
    duration: float
    bounces: int
    end: tuple[float, float]
    path_length: float


def pixels_per_metre(width: float, height: float) -> float:
    """The picture's scale for a box of ``width`` × ``height`` metres."""
    return min(BOX_MAX_W / width, BOX_MAX_H / height)


def fold(u: np.ndarray | float, lo: float, hi: float) -> np.ndarray:
    """Where a coordinate that moved freely to ``u`` is after elastic bounces between ``lo`` and ``hi``."""
    span = hi - lo
    s = np.mod(np.asarray(u, dtype=np.float64) - lo, 2 * span)
    return lo + np.where(s <= span, s, 2 * span - s)


def bounce_times(u0: float, v: float, lo: float, hi: float, duration: float) -> list[float]:
    """Times in (0, duration] at which a coordinate starting at ``u0`` with speed ``v`` meets ``lo`` or ``hi``."""
    if abs(v) < 1e-12:
        return []
    span = hi - lo
    k0 = math.floor((u0 - lo) / span)
    k1 = math.floor((u0 + v * duration - lo) / span)
    walls = range(k0 + 1, k1 + 1) if v > 0 else range(k1 + 1, k0 + 1)
    return sorted((lo + k * span - u0) / v for k in walls)


def positions(solution: Solution, times: np.ndarray) -> np.ndarray:
    """The ball centre (x, y) on the 512-px canvas at each time (s): at the start before 0, at rest after the end."""
    t = np.clip(np.asarray(times, dtype=np.float64), 0.0, solution.duration)
    r = solution.ball_radius
    x = fold(solution.start[0] + solution.velocity[0] * t, solution.left + r, solution.right - r)
    y = fold(solution.start[1] + solution.velocity[1] * t, solution.top + r, solution.bottom - r)
    return np.stack([x, y], axis=-1)


class BoxScene(BallScene):
    """The static box, header and arrow of one instance, and its ball sprite; ``frame((x, y))`` puts the ball."""

    def __init__(self, params: Params):
        self.params = p = params
        self.ppm = pixels_per_metre(p.box_width, p.box_height)
        w, h = p.box_width * self.ppm, p.box_height * self.ppm
        self.left = round(256.0 - w / 2, 2)
        self.right = round(256.0 + w / 2, 2)
        self.top = BOX_TOP + round((BOX_MAX_H - h) / 2, 2)
        self.bottom = round(self.top + h, 2)
        r = p.ball_radius
        self.start = (round(self.left + r + p.start_x * (w - 2 * r), 2), round(self.top + r + p.start_y * (h - 2 * r), 2))
        rad = math.radians(p.angle)
        speed = p.speed * self.ppm
        self.velocity = (round(speed * math.cos(rad), 4), round(-speed * math.sin(rad), 4))
        super().__init__(self._background(), ball_sprite(r, BALL_COLOR, (10, 10, 10), pad=4))

    def ahead(self, reach: float) -> tuple[float, float]:
        """The point ``reach`` px from the ball's start in its direction of motion (the direction arrow runs from
        ``ahead(radius)``, the ball's edge, to its tip ``ahead(radius + ARROW_LENGTH)``)."""
        rad = math.radians(self.params.angle)
        return (self.start[0] + reach * math.cos(rad), self.start[1] - reach * math.sin(rad))

    def motion(self, solution: Solution, duration: float, pace: float = 1.0):
        """A frame source: the ball moving ``duration`` s at ``pace`` × its speed, frame by frame in real time."""
        path = positions(solution, np.minimum(np.arange(real_time_frames(duration) + 1) / FPS, duration) * pace)
        return lambda: self.frames(path)

    def _background(self) -> np.ndarray:
        p = self.params
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        half = WALL / 2
        draw.rectangle([self.left - WALL, self.top - WALL, self.right + WALL - 1, self.bottom + WALL - 1],
                       outline=WALL_COLOR, width=WALL)
        draw_text(draw, (256, 30), f"speed v = {p.speed:g} m/s     time t = {p.duration:g} s", 19,
                  fill=TEXT_COLOR, anchor="mm")
        draw_text(draw, (256, 62), f"box {p.box_width:g} m × {p.box_height:g} m, elastic walls", 16,
                  fill=TEXT_COLOR, anchor="mm")
        draw_text(draw, (256, self.bottom + WALL + 14 + half), f"{p.box_width:g} m", 14, fill=TEXT_COLOR,
                  anchor="mm")
        draw_arrow(draw, self.ahead(p.ball_radius), self.ahead(p.ball_radius + ARROW_LENGTH), ARROW_COLOR, width=4,
                   head_length=14, head_width=14)
        return to_frame(canvas)


class BallBouncesGivenTimeGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the box and the ball's real-time motion with elastic bounces for the given time."""

    pace_fixed = True  # the prompt gives the speed and the time: a slowed or sped-up motion is wrong physics

    def generate(self) -> Sample:
        """Solve the bounces (rejecting ambiguous or trivial instances) and render the motion in real time."""
        p = self.params
        off_axis = min(p.angle % 90.0, 90.0 - p.angle % 90.0)
        if off_axis < MIN_AXIS_ANGLE:
            raise Reject(f"the direction {p.angle:g}° is within {MIN_AXIS_ANGLE:g}° of a wall's axis")
        scene = BoxScene(p)
        r = p.ball_radius
        tip = scene.ahead(r + ARROW_LENGTH)
        if not (scene.left + 4 <= tip[0] <= scene.right - 4 and scene.top + 4 <= tip[1] <= scene.bottom - 4):
            raise Reject("the direction arrow leaves the box")
        pace = math.hypot(*scene.velocity)
        if not 100.0 <= pace <= 360.0:
            raise Reject(f"the ball moves {pace:.0f} px/s on the picture: too slow or too fast to follow")
        xs = bounce_times(scene.start[0], scene.velocity[0], scene.left + r, scene.right - r, p.duration)
        ys = bounce_times(scene.start[1], scene.velocity[1], scene.top + r, scene.bottom - r, p.duration)
        if not xs and not ys:
            raise Reject("the ball does not reach a wall in the given time")
        if any(abs(a - b) < CORNER_GAP for a in xs for b in ys):
            raise Reject("the ball hits a corner: which wall it bounces off first is unreadable")
        if max(xs + ys) > p.duration - END_GAP:
            raise Reject("a bounce comes right at the end: whether it happened is unreadable")
        solution = Solution(
            ball_color=BALL_COLOR, ball_radius=r, left=scene.left, top=scene.top, right=scene.right,
            bottom=scene.bottom, start=scene.start, velocity=scene.velocity, duration=p.duration,
            bounces=len(xs) + len(ys), end=(0.0, 0.0), path_length=round(pace * p.duration, 2),
        )
        end = positions(solution, np.array([p.duration]))[0]
        solution = solution.model_copy(update={"end": (round(float(end[0]), 2), round(float(end[1]), 2))})
        if math.dist(solution.end, scene.start) < 3 * r:
            raise Reject("the ball ends where it started: a still video would look right")
        prompt = (
            f"Seen from above, a ball moves at {p.speed:g} m/s in the direction of the green arrow inside a "
            f"{p.box_width:g} m × {p.box_height:g} m box, with no friction. It bounces off the walls elastically: "
            "the angle of reflection equals the angle of incidence and the speed stays the same. Show its motion "
            f"in real time for exactly {p.duration:g} s, then stop the ball where it is at that moment."
        )
        return Sample(first_frame=scene.frame(scene.start), final_frame=scene.frame(solution.end), prompt=prompt,
                      trajectory=scene.motion(solution, p.duration), solution=solution, params=p, hold_frames=0)

    def near_misses(self, sample: Sample):
        """The right path stopped 0.4 s early, and the right path at 85 % of the speed for the full time."""
        solution, scene = sample.solution, BoxScene(self.params)
        return {"stopped_early": scene.motion(solution, solution.duration - 0.4),
                "too_slow": scene.motion(solution, solution.duration, 0.85)}
