"""O-52 traffic_light: two opposite lights count down together and switch when a countdown reaches zero.

Parameters → draw → solve → render → prompt:

- light A is red with countdown ``a_count``; light B is green with countdown ``b_count`` (0: none);
- each second the running countdowns drop by one; when one reaches zero both lights switch and the
  countdowns go dark (see :mod:`vbvr_o52_traffic_light.timing`); with ``extra_seconds`` > 0 the prompt
  asks for the state that many seconds after the switch;
- ``validate`` rejects instances whose countdown is too short to show a process (< 4 seconds), lights
  that overlap the roads or the canvas edge, and illegibly small digits;
- the video shows every second in order, ``frames_per_second`` frames each.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import text_size
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o52_traffic_light.plugin import INFO
from vbvr_o52_traffic_light.scene import LABEL_PX, CrossroadScene, LightGeometry
from vbvr_o52_traffic_light.timing import states, switch_time

BACKGROUNDS = [(240, 240, 235), (214, 232, 204), (236, 232, 220), (226, 234, 240)]
ROADS = [(60, 60, 60), (78, 78, 84), (96, 92, 88)]
HOUSINGS = [(30, 30, 34), (52, 58, 52), (40, 44, 66)]
MAX_FRAMES = 96
MIN_DIGIT_PX = 14
MIN_SWITCH = 4  # seconds: at least three countdown states between the first and the switched one
ROAD_BAND = (192, 320)  # the roads cover this band of x and of y on the 512² canvas
# Difficulty strata: A's countdown range, whether B counts down, extra seconds after the switch.
STRATA = {0: ((4, 8), False, (0, 0)), 1: ((6, 15), True, (0, 0)), 2: ((5, 12), True, (1, 6))}


class Params(TaskParams):
    """O-52's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    a_count: int = Field(5, ge=1, le=15, description="light A (red) countdown, seconds")
    b_count: int = Field(0, ge=0, le=15, description="light B (green) countdown, seconds; 0 = no countdown")
    extra_seconds: int = Field(0, ge=0, le=6, description="seconds after the switch the prompt asks about (0: the switch)")
    a_quadrant: Literal["top", "bottom"] = Field("top", description="light A stands left of the roads, above or below")
    b_quadrant: Literal["top", "bottom"] = Field("top", description="light B stands right of the roads, above or below")
    a_x: int = Field(96, ge=40, le=152, description="light A's centre x, pixels")
    b_x: int = Field(416, ge=360, le=472, description="light B's centre x, pixels")
    lamp_radius: int = Field(17, ge=14, le=19, description="lamp radius, pixels")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="ground colour index")
    road: int = Field(0, ge=0, le=len(ROADS) - 1, description="road colour index")
    housing: int = Field(0, ge=0, le=len(HOUSINGS) - 1, description="light housing colour index")
    frames_per_second: int = Field(6, ge=3, le=8, description="video frames per second of the scene (capped to keep ≤ 96)")


def _top_in(quadrant: str, lamp_radius: int) -> int:
    """Top edge of a light's housing, centring label, housing and display in the band beside the road."""
    band_top = 0 if quadrant == "top" else ROAD_BAND[1]
    label, height = 34, 8 * lamp_radius  # housing 5.5 radii, gap and display 2.5 radii
    return band_top + label + (192 - label - height) // 2


class TrafficLightGenerator(BaseGenerator):
    """Draws two opposite traffic lights with countdowns and shows them second by second."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Countdowns and extra time from the stratum; placement and colours uniformly."""
        (a_lo, a_hi), b_counts, (extra_lo, extra_hi) = STRATA[difficulty]
        a_count = int(rng.integers(a_lo, a_hi + 1))
        b_count = int(rng.integers(4, 16)) if b_counts and rng.random() < 0.7 else 0
        return {
            "a_count": a_count,
            "b_count": b_count,
            "extra_seconds": int(rng.integers(extra_lo, extra_hi + 1)),
            "a_quadrant": str(rng.choice(["top", "bottom"])),
            "b_quadrant": str(rng.choice(["top", "bottom"])),
            "a_x": int(rng.integers(56, 137)),
            "b_x": int(rng.integers(376, 457)),
            "lamp_radius": int(rng.integers(15, 19)),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "road": int(rng.integers(0, len(ROADS))),
            "housing": int(rng.integers(0, len(HOUSINGS))),
            "frames_per_second": int(rng.integers(4, 9)),
        }

    def generate(self) -> Sample:
        """Run the timing rule, render one frame per state, and hold each for one scene-second."""
        p = self.params
        lights = (LightGeometry.at("A", p.a_x, _top_in(p.a_quadrant, p.lamp_radius), p.lamp_radius),
                  LightGeometry.at("B", p.b_x, _top_in(p.b_quadrant, p.lamp_radius), p.lamp_radius))
        scene = CrossroadScene(lights, BACKGROUNDS[p.background], ROADS[p.road], HOUSINGS[p.housing])
        switch = switch_time(p.a_count, p.b_count)
        seconds = switch + p.extra_seconds
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
        solution = {
            "lights": [light.to_dict() for light in lights],
            "a_count": p.a_count,
            "b_count": p.b_count,
            "seconds": seconds,
            "switch_second": switch,
            "timeline": [list(state) for state in timeline],
            "digit_px": int(int(p.lamp_radius * 2) * 0.72),
            "label_px": text_size(lights[0].title, LABEL_PX, bold=True)[0],
        }

        def trajectory():
            for state in timeline:
                frame = scene.render(state)
                for _ in range(per_second):
                    yield frame

        return Sample(first_frame=first, final_frame=final, prompt=prompt, trajectory=trajectory, solution=solution,
                      params=p)

    def validate(self, sample: Sample) -> list[str]:
        """Reject countdowns too short to show a process, lights on the road or off the canvas, tiny digits."""
        problems = super().validate(sample)
        solution = sample.solution
        if solution["switch_second"] < MIN_SWITCH:
            problems.append(f"trivial: the lights switch after {solution['switch_second']} s (< {MIN_SWITCH})")
        for light in solution["lights"]:
            center = (light["housing"][0] + light["housing"][2]) / 2
            left, top = center - solution["label_px"] / 2, light["housing"][1] - 30
            right, bottom = center + solution["label_px"] / 2, light["display"][3]
            if left < 4 or top < 0 or right > 508 or bottom > 508:
                problems.append(f"light {light['label']} leaves the canvas")
            on_road = lambda lo, hi: lo < ROAD_BAND[1] and hi > ROAD_BAND[0]  # noqa: E731
            if on_road(left, right) or on_road(top, bottom):
                problems.append(f"occlusion: light {light['label']} stands on the road")
        if solution["digit_px"] < MIN_DIGIT_PX:
            problems.append(f"illegible: countdown digits {solution['digit_px']} px (< {MIN_DIGIT_PX})")
        return problems
