"""O-62 gravity_physics: a ball moves under the stated gravity and comes to rest on the ground.

Parameters → draw → solve → render → prompt:

- a red ball at height ``height`` m (its bottom above the ground) with vertical velocity ``velocity`` m/s
  (positive up) under gravity ``gravity`` m/s²; a height scale in metres, a gravity arrow and an
  information box state the numbers (as the original generator's frames do);
- the solution is the kinematics h(t) = h0 + v0·t − g·t²/2 in real time (24 frames per second) until
  h reaches 0 at t_land = (v0 + √(v0² + 2·g·h0)) / g; the ball does not bounce; the clip starts at release
  and ends at landing (no held frames);
- a flight shorter than 0.8 s or longer than 3 s, or a fall too short on the picture to be seen, is
  rejected and redrawn.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FPS, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, Sprite, Stage, draw_arrow, draw_disc, draw_text, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o62_gravity_physics.plugin import TASK

GROUND_TOP = 464
TOP_MARGIN = 24
GROUND_COLOR = (110, 110, 110)
BALL_COLOR = PALETTE["red"]  # the official task's ball is red (its evaluator finds the ball by a red hue)
TEXT_COLOR = (40, 40, 40)
GRAVITY_COLOR = (70, 70, 70)
# Flight time bounds (seconds): long enough to show the acceleration, short enough for the video.
MIN_FLIGHT, MAX_FLIGHT = 0.8, 3.0


class Params(TaskParams):
    """O-62's parameter space: Earth's gravity and a drop at first, any gravity and a throw later."""

    height: float = Field(10.0, ge=1.0, le=60.0, description="start height of the ball's bottom above the ground "
                                                             "(m); drawn from a flight time of 1–2.6 s")
    velocity: Annotated[float, Strata(0.0, 0.0, (-5.0, 10.0), digits=1)] = Field(
        0.0, ge=-8.0, le=12.0, description="start vertical velocity (m/s, positive up)")
    gravity: Annotated[float, Strata(9.8, (1.6, 24.8), (5.0, 15.0), digits=1)] = Field(
        9.8, ge=1.0, le=25.0, description="gravitational acceleration (m/s²)")
    ball_x: Annotated[int, Uniform(130, 340)] = Field(
        240, ge=120, le=340, description="horizontal position of the ball (px), clear of the scale and the labels")
    ball_radius: Annotated[int, Uniform(13, 20)] = Field(16, ge=12, le=22, description="ball radius (px)")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    fill: Annotated[float, Uniform(0.55, 1.0)] = Field(
        0.9, ge=0.5, le=1.0, description="share of the picture's height the ball's highest point takes")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The start height from a flight time of 1–2.6 s under the drawn (or fixed) gravity and velocity."""
        if "height" in fixed:
            return values
        flight = float(rng.uniform(1.0, 2.6))
        height = values["gravity"] * flight * flight / 2 - values["velocity"] * flight
        return {**values, "height": min(60.0, max(1.0, round(height, 1)))}


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


def height_at(t: float, height: float, velocity: float, gravity: float) -> float:
    """Height (m) of the ball's bottom at time ``t`` (s); 0 once it has landed (it does not bounce)."""
    if t <= 0:
        return height
    return max(0.0, height + velocity * t - gravity * t * t / 2)


def peak_height(height: float, velocity: float, gravity: float) -> float:
    """Highest height (m) the ball reaches."""
    return height + (velocity * velocity / (2 * gravity) if velocity > 0 else 0.0)


def tick_step(span: float) -> float:
    """A round tick spacing (m) that puts 4–10 ticks on a scale of ``span`` metres."""
    for step in (0.5, 1, 2, 5, 10, 20):
        if span / step <= 10:
            return step
    return 50


class FlightScene:
    """The static scene of one instance (ground, height scale, gravity arrow, numbers) and its ball sprite.

    ``frame(height)`` shows the ball with its bottom ``height`` metres above the ground.
    """

    def __init__(self, params: Params):
        self.params = p = params
        peak = peak_height(p.height, p.velocity, p.gravity)
        self.pixels_per_metre = p.fill * (GROUND_TOP - TOP_MARGIN - 2 * p.ball_radius - 8) / peak
        side = 2 * p.ball_radius + 4
        image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        draw_disc(ImageDraw.Draw(image), (side / 2, side / 2), p.ball_radius, fill=BALL_COLOR + (255,),
                  outline=(20, 20, 20, 255), width=2)
        self.ball = Sprite.from_image(image)
        self.stage = Stage(self._background(self.pixels_per_metre))

    def centre_y(self, height: float) -> float:
        """The ball centre's y on the canvas when its bottom is ``height`` metres above the ground."""
        return GROUND_TOP - self.params.ball_radius - height * self.pixels_per_metre

    def frame(self, height: float) -> np.ndarray:
        """The scene with the ball at ``height`` metres."""
        return self.stage.frame([(self.ball, (self.params.ball_x, self.centre_y(height)))])

    def _background(self, pixels_per_metre: float) -> np.ndarray:
        p = self.params
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        draw.rectangle([0, GROUND_TOP, 512, 512], fill=GROUND_COLOR)
        draw.line([(0, GROUND_TOP), (512, GROUND_TOP)], fill=(60, 60, 60), width=3)
        span = (GROUND_TOP - TOP_MARGIN) / pixels_per_metre
        step = tick_step(span)
        mark = 0.0
        while mark <= span + 1e-9:
            y = GROUND_TOP - mark * pixels_per_metre
            draw.line([(18, y), (40, y)], fill=(150, 150, 150), width=2)
            draw_text(draw, (46, y - 9 if mark == 0 else y), f"{mark:g} m", 13, fill=TEXT_COLOR, anchor="lm")
            mark += step
        draw.line([(18, GROUND_TOP), (18, TOP_MARGIN)], fill=(150, 150, 150), width=2)
        draw_arrow(draw, (470, 28), (470, 84), GRAVITY_COLOR, width=4, head_length=14, head_width=14)
        draw_text(draw, (500, 104), f"g = {p.gravity:g} m/s²", 15, fill=GRAVITY_COLOR, anchor="rm")
        direction = "up" if p.velocity > 0 else "down"
        lines = [f"h₀ = {p.height:g} m", f"v₀ = {abs(p.velocity):g} m/s {direction}" if p.velocity else "v₀ = 0 m/s"]
        for row, line in enumerate(lines):
            draw_text(draw, (500, 130 + 20 * row), line, 15, fill=TEXT_COLOR, anchor="rm")
        return to_frame(canvas)


class GravityPhysicsGenerator(BaseGenerator):
    """Draws the scene and the ball's real-time flight to the ground."""

    info = TASK.info
    Params = Params
    Solution = Solution
    pace_fixed = True  # the prompt asks for real time: a slowed or sped-up fall is wrong physics

    def generate(self) -> Sample:
        """Solve the flight (rejecting one too short or too long to show, or too short a fall to see) and
        render it frame by frame in real time."""
        p = self.params
        landing = flight_time(p.height, p.velocity, p.gravity)
        if not MIN_FLIGHT <= landing <= MAX_FLIGHT:
            raise Reject(f"flight of {landing:.2f} s is outside {MIN_FLIGHT}–{MAX_FLIGHT} s: too short to show the "
                         "acceleration or too long for the video")
        scene = FlightScene(p)
        if scene.centre_y(0.0) - scene.centre_y(p.height) < 6 * p.ball_radius:
            raise Reject("the ball starts too close to the ground for its fall to be seen")
        flight_frames = math.ceil(landing * FPS)

        def trajectory():
            for k in range(flight_frames + 1):
                yield scene.frame(height_at(k / FPS, p.height, p.velocity, p.gravity))

        thrown = (f"thrown {'upward' if p.velocity > 0 else 'downward'} at {abs(p.velocity):g} m/s"
                  if p.velocity else "released from rest")
        prompt = (
            f"The ball starts {p.height:g} m above the ground and is {thrown}; gravity is {p.gravity:g} m/s² "
            "and there is no air resistance. Show its motion in real time, following h = h₀ + v₀·t − g·t²/2, "
            "until it reaches the ground, where it stops without bouncing."
        )
        peak = peak_height(p.height, p.velocity, p.gravity)
        solution = Solution(
            ball_color=BALL_COLOR, ball_radius=p.ball_radius, ball_x=p.ball_x, ground_top=GROUND_TOP,
            pixels_per_metre=round(scene.pixels_per_metre, 4), height=p.height, velocity=p.velocity,
            gravity=p.gravity, flight_time=round(landing, 4), start_y=scene.centre_y(p.height),
            landing_y=scene.centre_y(0.0), peak_y=scene.centre_y(peak),
        )
        # The clip starts at release and ends at landing, as the official one: no held frames (held frames
        # read as zero accelerations, and the landing as a jump, to the official evaluator).
        return Sample(first_frame=scene.frame(p.height), final_frame=scene.frame(0.0),
                      prompt=prompt, trajectory=trajectory, solution=solution, params=p, hold_frames=0)
