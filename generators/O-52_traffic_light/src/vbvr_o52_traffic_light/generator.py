"""O-52 traffic_light: two opposite lights count down together and switch when a countdown reaches zero.

Parameters → draw → solve → render → prompt:

- a crossroad with two lights, each a housing with a red and a green lamp, a countdown display below and
  its label above;
- light A is red with countdown ``a_count``; light B is green with countdown ``b_count`` (0: none);
- the timing rule (:func:`states`): each second every running countdown drops by one; when one reaches zero
  both lights switch (A green, B red) and both countdowns go dark; nothing changes after that; with
  ``extra_seconds`` > 0 the prompt asks for the state that many seconds after the switch;
- countdowns too short to show a process (a switch before 4 seconds) are refused as parameters; lights
  that overlap the roads or the canvas edge are rejected;
- the video shows every second in order, ``frames_per_second`` frames each.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import repeat
from typing import Annotated, Any, Literal, NamedTuple

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Box, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, draw_disc, draw_text, new_canvas, text_size, to_frame
from vbvr_core.draw.canvas import RGB
from vbvr_core.judge.alternatives import font_alternatives
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o52_traffic_light.plugin import TASK

ROADS = [(60, 60, 60), (78, 78, 84), (96, 92, 88)]
HOUSINGS = [(30, 30, 34), (52, 58, 52), (40, 44, 66)]
MAX_FRAMES = 96
MIN_SWITCH = 4  # seconds: at least three countdown states between the first and the switched one
ROAD_BAND = (192, 320)  # the roads cover this band of x and of y on the 512² canvas
LAMP_ON = {"red": (235, 35, 35), "green": (30, 200, 70)}
LAMP_OFF = {"red": (95, 40, 40), "green": (35, 85, 50)}
DISPLAY_FILL = (255, 255, 255)
DISPLAY_TEXT = (15, 15, 20)
LABEL_PX = 22


class LightsState(NamedTuple):
    """What the scene shows: each light's colour and countdown (None = dark display)."""

    a_color: str
    b_color: str
    a_count: int | None
    b_count: int | None


def switch_time(a: int, b: int) -> int:
    """Seconds until the first running countdown (A's ``a`` ≥ 1, B's ``b``, 0 = none) reaches zero."""
    return min(a, b) if b > 0 else a


def states(a: int, b: int, seconds: int) -> list[LightsState]:
    """The state at each whole second 0..``seconds``."""
    switch = switch_time(a, b)
    return [LightsState("red", "green", a - t, b - t if b > 0 else None) if t < switch
            else LightsState("green", "red", None, None) for t in range(seconds + 1)]


class Params(TaskParams):
    """O-52's parameter space: longer countdowns, a second countdown and a later question as the difficulty grows."""

    a_count: Annotated[int, Strata((4, 8), (6, 15), (5, 12))] = Field(
        5, ge=1, le=15, description="light A (red) countdown, seconds")
    b_count: int = Field(0, ge=0, le=15, description="light B (green) countdown, seconds; 0 = no countdown; "
                                                    "none when easy, else 4–15 in 70 % of instances")
    extra_seconds: Annotated[int, Strata((0, 0), (0, 0), (1, 6))] = Field(
        0, ge=0, le=6, description="seconds after the switch the prompt asks about (0: the switch)")
    a_quadrant: Annotated[Literal["top", "bottom"], Uniform()] = Field(
        "top", description="light A stands left of the roads, above or below")
    b_quadrant: Annotated[Literal["top", "bottom"], Uniform()] = Field(
        "top", description="light B stands right of the roads, above or below")
    a_x: Annotated[int, Uniform(56, 136)] = Field(96, ge=40, le=152, description="light A's centre x, pixels")
    b_x: Annotated[int, Uniform(376, 456)] = Field(416, ge=360, le=472, description="light B's centre x, pixels")
    lamp_radius: Annotated[int, Uniform(15, 18)] = Field(17, ge=14, le=19, description="lamp radius, pixels")
    background: BackgroundIndex = 0
    road: Annotated[int, Uniform(0, len(ROADS) - 1)] = Field(0, ge=0, le=len(ROADS) - 1, description="road colour index")
    housing: Annotated[int, Uniform(0, len(HOUSINGS) - 1)] = Field(
        0, ge=0, le=len(HOUSINGS) - 1, description="light housing colour index")
    frames_per_second: Annotated[int, Uniform(4, 8)] = Field(
        6, ge=3, le=8, description="video frames per second of the scene (capped to keep ≤ 96)")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """B counts down (4–15) in 70 % of medium and hard instances, never in easy ones."""
        if "b_count" in fixed:
            return values
        counts_down = values["difficulty"] > 0 and rng.random() < 0.7
        return {**values, "b_count": int(rng.integers(4, 16)) if counts_down else 0}

    @model_validator(mode="after")
    def _shows_a_process(self) -> Params:
        switch = switch_time(self.a_count, self.b_count)
        if switch < MIN_SWITCH:
            raise ValueError(f"a_count/b_count: the lights would switch after {switch} s; "
                             f"at least {MIN_SWITCH} s are needed to show a countdown")
        return self


class Solution(TaskSolution):
    """Where each light's parts are, the countdowns, and the expected state at every second."""

    lights: list[dict[str, Any]]
    a_count: int
    b_count: int
    timeline: list[tuple[str, str, int | None, int | None]]


@dataclass(frozen=True)
class LightGeometry:
    """Where one light's parts are on the 512² canvas (boxes are left, top, right, bottom; exclusive)."""

    label: str
    housing: Box
    red_lamp: Box
    green_lamp: Box
    display: Box

    @classmethod
    def at(cls, label: str, cx: int, top: int, lamp_radius: int) -> LightGeometry:
        """A light whose housing is centred on ``cx`` with its top edge at ``top``."""
        pad = lamp_radius // 2  # around each lamp in the housing, and between the housing and the display
        housing = (cx - lamp_radius - pad, top, cx + lamp_radius + pad, top + 4 * lamp_radius + 3 * pad)
        red_cy, green_cy = top + pad + lamp_radius, top + 2 * pad + 3 * lamp_radius
        lamp = lambda cy: (cx - lamp_radius, cy - lamp_radius, cx + lamp_radius, cy + lamp_radius)  # noqa: E731
        display_top, half_width = housing[3] + pad, 3 * lamp_radius // 2
        display = (cx - half_width, display_top, cx + half_width, display_top + 2 * lamp_radius)
        return cls(label, housing, lamp(red_cy), lamp(green_cy), display)

    @property
    def title(self) -> str:
        """The label drawn above the light."""
        return f"Light {self.label}"


def display_image(width: int, height: int, count: int | None) -> Image.Image:
    """A countdown display of ``width``×``height`` showing ``count`` (blank when None)."""
    image = Image.new("RGB", (width, height), DISPLAY_FILL)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width - 1, height - 1], outline=(20, 20, 20), width=2)
    if count is not None:
        draw_text(draw, (width / 2, height / 2), str(count), int(height * 0.72), fill=DISPLAY_TEXT, bold=True)
    return image


class CrossroadScene:
    """A crossroad background drawn once, lights and displays drawn on top per state."""

    def __init__(self, lights: tuple[LightGeometry, LightGeometry], background: RGB, road: RGB, housing: RGB):
        self.lights = lights
        canvas = new_canvas(background)
        draw = ImageDraw.Draw(canvas)
        size, road_half = canvas.size[0], canvas.size[0] // 8
        mid = size // 2
        draw.rectangle([0, mid - road_half, size, mid + road_half], fill=road)
        draw.rectangle([mid - road_half, 0, mid + road_half, size], fill=road)
        for x in range(0, size, 30):
            draw.line([(x, mid), (x + 18, mid)], fill=(250, 250, 250), width=2)
            draw.line([(mid, x), (mid, x + 18)], fill=(250, 250, 250), width=2)
        for light in lights:
            left, top, right, bottom = light.housing
            draw.rectangle([(left + right) // 2 - 4, bottom, (left + right) // 2 + 4, light.display[1]], fill=housing)
            draw.rounded_rectangle([left, top, right - 1, bottom - 1], radius=(right - left) // 4, fill=housing,
                                   outline=(10, 10, 10), width=2)
            draw_text(draw, ((left + right) / 2, top - 18), light.title, LABEL_PX, fill=(15, 15, 20), bold=True)
        self.base = canvas

    def render(self, state: LightsState) -> np.ndarray:
        """The scene showing ``state``."""
        canvas = self.base.copy()
        draw = ImageDraw.Draw(canvas)
        for light, color, count in zip(self.lights, (state.a_color, state.b_color), (state.a_count, state.b_count), strict=True):
            for lamp_color, box in (("red", light.red_lamp), ("green", light.green_lamp)):
                fill = (LAMP_ON if color == lamp_color else LAMP_OFF)[lamp_color]
                center = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
                draw_disc(draw, center, (box[2] - box[0]) / 2, fill=fill, outline=(10, 10, 10), width=2)
            left, top, right, bottom = light.display
            canvas.paste(display_image(right - left, bottom - top, count), (left, top))
        return to_frame(canvas)


def placement_problem(lights: tuple[LightGeometry, ...]) -> str | None:
    """Why these lights cannot be drawn (one leaves the canvas or stands on the road), or None."""
    for light in lights:
        label_px = text_size(light.title, LABEL_PX, bold=True)[0]
        center = (light.housing[0] + light.housing[2]) / 2
        left, top, right, bottom = center - label_px / 2, light.housing[1] - 30, center + label_px / 2, light.display[3]
        if left < 4 or top < 0 or right > 508 or bottom > 508:
            return f"light {light.label} leaves the canvas"
        if any(lo < ROAD_BAND[1] and hi > ROAD_BAND[0] for lo, hi in ((left, right), (top, bottom))):
            return f"occlusion: light {light.label} stands on the road"
    return None


def _top_in(quadrant: str, lamp_radius: int) -> int:
    """Top edge of a light's housing, centring label, housing and display in the band beside the road."""
    band_top = 0 if quadrant == "top" else ROAD_BAND[1]
    label, height = 34, 8 * lamp_radius  # housing 5.5 radii, gap and display 2.5 radii
    return band_top + label + (192 - label - height) // 2


class TrafficLightGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws two opposite traffic lights with countdowns and shows them second by second."""

    def generate(self) -> Sample:
        """Run the timing rule, render one frame per state, and hold each for one scene-second."""
        p = self.params
        lights = (LightGeometry.at("A", p.a_x, _top_in(p.a_quadrant, p.lamp_radius), p.lamp_radius),
                  LightGeometry.at("B", p.b_x, _top_in(p.b_quadrant, p.lamp_radius), p.lamp_radius))
        problem = placement_problem(lights)
        if problem:
            raise Reject(problem)
        scene = CrossroadScene(lights, BACKGROUNDS[p.background], ROADS[p.road], HOUSINGS[p.housing])
        seconds = switch_time(p.a_count, p.b_count) + p.extra_seconds
        timeline = states(p.a_count, p.b_count, seconds)
        per_second = max(2, min(p.frames_per_second, MAX_FRAMES // len(timeline)))
        first, final = scene.render(timeline[0]), scene.render(timeline[-1])
        b_text = f"Light B shows green with countdown {p.b_count}." if p.b_count else "Light B shows green (no countdown)."
        ask = (f"then show the state of both lights {seconds} seconds from now" if p.extra_seconds
               else "then show the final state of both lights")
        prompt = (
            "This scene shows a crossroad with two traffic lights. The two lights are opposite to each other: when "
            f"one is red, the other is green, and vice versa. Currently, Light A shows red with countdown {p.a_count}. "
            f"{b_text} Every second, each countdown goes down by 1, at the same time. When any countdown reaches 0, "
            "both lights switch (Light A turns green, Light B turns red) and the countdowns go dark. Generate a "
            f"video showing the countdown second by second, {ask}."
        )
        solution = Solution(lights=[asdict(light) for light in lights], a_count=p.a_count, b_count=p.b_count,
                            timeline=timeline)

        def trajectory():  # each second's state drawn once and shown for per_second frames
            return (frame for state in timeline for frame in repeat(scene.render(state), per_second))

        return Sample(first_frame=first, final_frame=final, prompt=prompt, trajectory=trajectory, solution=solution,
                      params=p)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The same countdown with its display digits set in three other typefaces at 0.7–1.3× the size (the
        scorer reads the numbers, not our glyphs)."""
        return font_alternatives(sample.trajectory)
