"""O-62 gravity_physics: a ball moves under the stated gravity and comes to rest on the ground.

Parameters → draw → solve → render → prompt:

- a red ball at height ``height`` m (its bottom above the ground) with vertical velocity ``velocity`` m/s
  (positive up) under gravity ``gravity`` m/s²; a height scale in metres, a gravity arrow and an
  information box state the numbers (as the original generator's frames do);
- the solution is the kinematics h(t) = h0 + v0·t − g·t²/2 in real time (24 frames per second) until
  h reaches 0 at t_land = (v0 + √(v0² + 2·g·h0)) / g; the ball does not bounce; the clip starts at release
  and ends at landing (no held frames);
- the start height is drawn (to the millimetre) so the landing falls on a frame; a flight of fewer than 10 or
  more than 38 frames, one whose acceleration on the picture is under 6 px per frame² (too long a flight for
  the picture: the curvature would drown in whole-pixel rounding), or one starting less than a ball diameter
  above the ground is rejected and redrawn;
- the ball is drawn antialiased at its exact height (to 1/8 px), not at whole pixels.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

import cv2
import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FPS, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    Sprite,
    Stage,
    draw_arrow,
    draw_disc,
    draw_text,
    new_canvas,
    to_frame,
)
from vbvr_core.families.physics.ball import real_time_frames
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o62_gravity_physics.plugin import TASK

GROUND_TOP = 492
TOP_MARGIN = 6  # the ball's top at its highest point (fill 1) is this far below the picture's top
GROUND_COLOR = (110, 110, 110)
BALL_COLOR = PALETTE["red"]  # the official task's ball is red (its evaluator finds the ball by a red hue)
TEXT_COLOR = (40, 40, 40)
GRAVITY_COLOR = (70, 70, 70)
# The flight lasts 10–38 frames (0.42–1.6 s): at least 4 frames at 8 fps, and a clip under 40 frames, every frame
# of which the official evaluator samples.
MIN_FLIGHT_FRAMES, MAX_FLIGHT_FRAMES = 10, 38
# The ball's speed changes by at least this much from frame to frame (px per frame², at 24 fps): the curvature of
# the fall must stand well clear of the whole-pixel rounding of a tracked position (the official evaluator
# truncates the ball's centroid to whole pixels and judges the spread of its second differences).
MIN_ACCELERATION = 6.0
# How far the free-fall curve may pass below the ground at the last frame (px): the landing falls on a frame.
MAX_OVERSHOOT = 0.5
# The ball is drawn at sub-pixel heights (1/8 px), antialiased (drawn 8× and area-averaged).
PHASES = 8
SUPERSAMPLE = 8


class Params(TaskParams):
    """O-62's parameter space: a drop at first, then a gentle throw down or up, then a high throw up."""

    gravity: Annotated[float, Uniform(1.6, 24.8, digits=1)] = Field(
        9.8, ge=1.0, le=25.0, description="gravitational acceleration (m/s²)")
    velocity: Annotated[float, Strata(0.0, (lambda v: -0.07 * v["gravity"], lambda v: 0.2 * v["gravity"]),
                                      (lambda v: 0.2 * v["gravity"], lambda v: 0.42 * v["gravity"]), digits=1)] = Field(
        0.0, ge=-8.0, le=12.0, description="start vertical velocity (m/s, positive up)")
    height: float = Field(1.225, ge=0.01, le=10.0, description="start height of the ball's bottom above the ground "
                                                             "(m, to the millimetre); drawn so the ball lands on a frame")
    ball_x: Annotated[int, Uniform(130, 340)] = Field(
        240, ge=120, le=340, description="horizontal position of the ball (px), clear of the scale and the labels")
    ball_radius: Annotated[int, Uniform(10, 14)] = Field(12, ge=8, le=22, description="ball radius (px)")
    background: BackgroundIndex = 0
    fill: Annotated[float, Uniform(0.7, 1.0)] = Field(
        1.0, ge=0.5, le=1.0, description="share of the picture's height the ball's highest point takes")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The start height (to the millimetre) from a flight of a whole number of frames, drawn among those that
        pass :func:`flight_problems` under the drawn (or fixed) gravity, velocity and picture."""
        if "height" in fixed:
            return values
        gravity, velocity = values["gravity"], values["velocity"]
        times = (frames / FPS for frames in range(MIN_FLIGHT_FRAMES, MAX_FLIGHT_FRAMES + 1))
        heights = (math.floor(1000 * (gravity * t * t / 2 - velocity * t) + 1e-6) / 1000 for t in times)
        candidates = [h for h in heights if 0.01 <= h <= 10.0]
        good = [h for h in candidates if not flight_problems(h, velocity, gravity, values["ball_radius"], values["fill"])]
        pool = good or candidates or [1.0]  # with none good, generate() rejects the draw and it is redrawn
        return {**values, "height": pool[int(rng.integers(0, len(pool)))]}


class Solution(TaskSolution):
    """The kinematics and how they map onto the picture: what the scorer compares the ball's track with."""

    ball_color: tuple[int, int, int]
    ball_radius: int
    ball_x: int
    ground_top: int
    pixels_per_metre: float
    height: float
    velocity: float
    gravity: float
    flight_time: float
    start_y: float
    landing_y: float
    peak_y: float


def flight_time(height: float, velocity: float, gravity: float) -> float:
    """Seconds until a ball at ``height`` m moving at ``velocity`` m/s (up positive) reaches the ground."""
    return (velocity + math.sqrt(velocity * velocity + 2 * gravity * height)) / gravity


def height_at(t: float | np.ndarray, height: float, velocity: float, gravity: float) -> float | np.ndarray:
    """Height (m) of the ball's bottom at time ``t`` (s, a number or an array of them): ``height`` before the
    release (t ≤ 0), 0 once it has landed (it does not bounce)."""
    times = np.asarray(t, dtype=np.float64)
    heights = np.where(times <= 0, height, np.maximum(0.0, height + velocity * times - gravity * times * times / 2))
    return float(heights) if heights.ndim == 0 else heights


def peak_height(height: float, velocity: float, gravity: float) -> float:
    """Highest height (m) the ball reaches."""
    return height + (velocity * velocity / (2 * gravity) if velocity > 0 else 0.0)


def pixels_per_metre(height: float, velocity: float, gravity: float, ball_radius: int, fill: float) -> float:
    """The picture's scale: the ball's highest point takes ``fill`` of the height between ground and top."""
    return fill * (GROUND_TOP - TOP_MARGIN - 2 * ball_radius) / peak_height(height, velocity, gravity)


def flight_problems(height: float, velocity: float, gravity: float, ball_radius: int, fill: float) -> list[str]:
    """Why a flight is not shown (empty when it is): too few or too many frames, too gentle an acceleration on
    the picture, a start too close to the ground, or a landing between two frames."""
    frames = real_time_frames(flight_time(height, velocity, gravity))
    scale = pixels_per_metre(height, velocity, gravity, ball_radius, fill)
    acceleration = gravity * scale / FPS**2
    problems = []
    if not MIN_FLIGHT_FRAMES <= frames <= MAX_FLIGHT_FRAMES:
        problems.append(f"a flight of {frames} frames is outside {MIN_FLIGHT_FRAMES}–{MAX_FLIGHT_FRAMES}")
    if acceleration < MIN_ACCELERATION:
        problems.append(f"the ball's speed changes by {acceleration:.1f} px per frame², under "
                        f"{MIN_ACCELERATION:g}: the flight is too long for the picture")
    if height * scale < 2 * ball_radius:
        problems.append("the ball starts less than a diameter above the ground")
    overshoot = -(height + velocity * frames / FPS - gravity * (frames / FPS) ** 2 / 2) * scale
    if overshoot > MAX_OVERSHOOT:
        problems.append(f"the landing falls {overshoot:.1f} px of motion before the last frame, not on it")
    return problems


def ball_sprites(radius: int) -> list[Sprite]:
    """The ball drawn antialiased with its centre ``k / PHASES`` px below its sprite's centre, for each ``k``."""
    side = 2 * radius + 6  # even: pasted at a whole-pixel centre, the sprite's centre falls on it exactly
    big = side * SUPERSAMPLE
    sprites = []
    for phase in range(PHASES):
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        centre = (big / 2, big / 2 + phase * SUPERSAMPLE / PHASES)
        draw_disc(ImageDraw.Draw(image), centre, radius * SUPERSAMPLE, fill=BALL_COLOR + (255,),
                  outline=(20, 20, 20, 255), width=2 * SUPERSAMPLE)
        rgba = np.asarray(image, dtype=np.float32)
        alpha = rgba[..., 3:] / 255
        small = cv2.resize(np.concatenate([rgba[..., :3] * alpha, alpha], axis=2), (side, side),
                           interpolation=cv2.INTER_AREA)
        cover = small[..., 3:]
        rgb = np.where(cover > 0, small[..., :3] / np.maximum(cover, 1e-6), 0)
        sprites.append(Sprite(np.rint(np.clip(np.concatenate([rgb, cover * 255], axis=2), 0, 255)).astype(np.uint8)))
    return sprites


class FlightScene:
    """The static scene of one instance (ground, height scale, gravity arrow, numbers) and its ball sprites."""

    def __init__(self, params: Params):
        self.params = p = params
        self.pixels_per_metre = scale = pixels_per_metre(p.height, p.velocity, p.gravity, p.ball_radius, p.fill)
        self.balls = ball_sprites(p.ball_radius)
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        draw.rectangle([0, GROUND_TOP, 512, 512], fill=GROUND_COLOR)
        draw.line([(0, GROUND_TOP), (512, GROUND_TOP)], fill=(60, 60, 60), width=3)
        span = (GROUND_TOP - TOP_MARGIN - 4) / scale
        # a round tick spacing (m) that puts 4–10 ticks on the scale
        step = next((tick for tick in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5) if span / tick <= 10), 10)
        for index in range(int(span / step + 1e-9) + 1):
            mark = round(index * step, 3)
            y = GROUND_TOP - mark * scale
            draw.line([(18, y), (40, y)], fill=(150, 150, 150), width=2)
            draw_text(draw, (46, y - 9 if mark == 0 else y), f"{mark:g} m", 13, fill=TEXT_COLOR, anchor="lm")
        draw.line([(18, GROUND_TOP), (18, TOP_MARGIN)], fill=(150, 150, 150), width=2)
        draw_arrow(draw, (470, 28), (470, 84), GRAVITY_COLOR, width=4, head_length=14, head_width=14)
        draw_text(draw, (500, 104), f"g = {p.gravity:g} m/s²", 15, fill=GRAVITY_COLOR, anchor="rm")
        speed = f"{abs(p.velocity):g} m/s {'up' if p.velocity > 0 else 'down'}" if p.velocity else "0 m/s"
        for row, line in enumerate([f"h₀ = {p.height:g} m", f"v₀ = {speed}"]):
            draw_text(draw, (500, 130 + 20 * row), line, 15, fill=TEXT_COLOR, anchor="rm")
        self.stage = Stage(to_frame(canvas))

    def centre_y(self, height: float) -> float:
        """The ball centre's y on the canvas when its bottom is ``height`` metres above the ground."""
        return GROUND_TOP - self.params.ball_radius - height * self.pixels_per_metre

    def frame(self, height: float) -> np.ndarray:
        """The scene with the ball's bottom ``height`` metres above the ground, at its exact height to 1/8 px
        (antialiased), so the tracked position follows the curve rather than whole-pixel steps."""
        steps = round(self.centre_y(height) * PHASES)
        return self.stage.frame([(self.balls[steps % PHASES], (self.params.ball_x, steps // PHASES))])


class GravityPhysicsGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the scene and the ball's real-time flight to the ground."""

    pace_fixed = True  # the prompt asks for real time: a slowed or sped-up fall is wrong physics

    def generate(self) -> Sample:
        """Solve the flight (rejecting one :func:`flight_problems` finds) and render it frame by frame in real time."""
        p = self.params
        problems = flight_problems(p.height, p.velocity, p.gravity, p.ball_radius, p.fill)
        if problems:
            raise Reject("; ".join(problems))
        landing = flight_time(p.height, p.velocity, p.gravity)
        scene = FlightScene(p)
        thrown = (f"thrown {'upward' if p.velocity > 0 else 'downward'} at {abs(p.velocity):g} m/s"
                  if p.velocity else "released from rest")
        prompt = (
            f"The ball starts {p.height:g} m above the ground and is {thrown}; gravity is {p.gravity:g} m/s² "
            "and there is no air resistance. Show its motion in real time, following h = h₀ + v₀·t − g·t²/2, "
            "until it reaches the ground, where it stops without bouncing."
        )
        solution = Solution(
            ball_color=BALL_COLOR, ball_radius=p.ball_radius, ball_x=p.ball_x, ground_top=GROUND_TOP,
            pixels_per_metre=round(scene.pixels_per_metre, 4), height=p.height, velocity=p.velocity,
            gravity=p.gravity, flight_time=round(landing, 4), start_y=scene.centre_y(p.height),
            landing_y=scene.centre_y(0.0), peak_y=scene.centre_y(peak_height(p.height, p.velocity, p.gravity)),
        )
        # The clip starts at release and ends at landing, as the official one: no held frames (held frames
        # read as zero accelerations, and the landing as a jump, to the official evaluator).
        return Sample(first_frame=scene.frame(p.height), final_frame=scene.frame(0.0), prompt=prompt,
                      trajectory=lambda: (scene.frame(height_at(k / FPS, p.height, p.velocity, p.gravity))
                                          for k in range(real_time_frames(landing) + 1)),
                      solution=solution, params=p, hold_frames=0)
