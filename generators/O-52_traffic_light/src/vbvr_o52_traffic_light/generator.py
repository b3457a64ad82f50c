"""O-52 traffic_light: two opposite lights count down together and switch when a countdown reaches zero.

Parameters → draw → solve → render → prompt:

- light A is red with countdown ``a_count``; light B is green with countdown ``b_count`` (0: none);
- each second the running countdowns drop by one; when one reaches zero both lights switch and the
  countdowns go dark (see :mod:`vbvr_o52_traffic_light.timing`); with ``extra_seconds`` > 0 the prompt
  asks for the state that many seconds after the switch;
- countdowns too short to show a process (a switch before 4 seconds) are refused as parameters; lights
  that overlap the roads or the canvas edge are rejected;
- the video shows every second in order, ``frames_per_second`` frames each.
"""

from __future__ import annotations

from dataclasses import asdict
from itertools import repeat
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, text_size
from vbvr_core.judge.alternatives import font_alternatives
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o52_traffic_light.plugin import TASK
from vbvr_o52_traffic_light.scene import LABEL_PX, CrossroadScene, LightGeometry
from vbvr_o52_traffic_light.timing import states, switch_time

ROADS = [(60, 60, 60), (78, 78, 84), (96, 92, 88)]
HOUSINGS = [(30, 30, 34), (52, 58, 52), (40, 44, 66)]
MAX_FRAMES = 96
MIN_SWITCH = 4  # seconds: at least three countdown states between the first and the switched one
ROAD_BAND = (192, 320)  # the roads cover this band of x and of y on the 512² canvas


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
