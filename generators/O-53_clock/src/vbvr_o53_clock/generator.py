"""O-53 clock: read an analogue clock, then advance its hands by the stated duration.

Parameters → draw → solve → render → prompt:

- a clock face (numbers 1–12, minute ticks) shows a start time ``start_hour``:``start_minute``;
- the prompt asks for the time ``advance_minutes`` later, without stating the start time (the model must
  read it) or the answer;
- the solution: the minute hand turns clockwise by 6° per minute (whole turns included), the hour hand by
  0.5° per minute, both at once, so at every frame the hour hand sits where the minute hand says;
- ``validate`` rejects instances whose start or end time has the hands (almost) on top of each other
  (unreadable) and colour choices that do not stand apart.

The original generator (hour hand only, "where is it after k hours") is stratum 0's special case
of whole-hour advances; strata 1 and 2 advance by quarter hours and by 5-minute steps.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import PALETTE, Stage, color_distance, draw_disc, draw_text, new_canvas, to_frame
from vbvr_core.families.rotation.draw import placed_polygon, polygon_sprite, rotate_points
from vbvr_core.judge.motion import angle_difference
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o53_clock.plugin import INFO

CENTER = (256.0, 256.0)
FACES = [(255, 255, 255), (250, 246, 232), (236, 244, 252), (238, 248, 238)]
RIMS = [(40, 40, 40), (30, 45, 90), (70, 50, 35), (90, 90, 90)]
HAND_COLORS = ("red", "blue", "green", "purple", "orange", "brown", "pink", "cyan")
MARK_COLOR = (35, 35, 35)
HOUR_LENGTH, MINUTE_LENGTH, NUMBER_RADIUS = 0.48, 0.70, 0.82
# Least angle between the hands at the start and end times for the clock to be read without doubt.
MIN_HAND_GAP = 12.0
# Difficulty strata: (advance step in minutes, largest advance in minutes).
STRATA = {0: (60, 300), 1: (15, 240), 2: (5, 300)}


class Params(TaskParams):
    """O-53's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    start_hour: int = Field(3, ge=1, le=12, description="hour shown at the start (12-hour clock)")
    start_minute: int = Field(0, ge=0, le=55, multiple_of=5, description="minute shown at the start")
    advance_minutes: int = Field(60, ge=5, le=360, multiple_of=5, description="how far to advance the clock")
    radius: int = Field(200, ge=170, le=225, description="clock face radius in pixels")
    face: int = Field(0, ge=0, le=len(FACES) - 1, description="face colour index")
    rim: int = Field(0, ge=0, le=len(RIMS) - 1, description="rim colour index")
    hour_color: int = Field(1, ge=0, le=len(HAND_COLORS) - 1, description="hour hand colour index")
    minute_color: int = Field(0, ge=0, le=len(HAND_COLORS) - 1, description="minute hand colour index")
    sweep_frames: int = Field(60, ge=40, le=80, description="video frames the hands take to advance")


def hand_angles(total_minutes: float) -> tuple[float, float]:
    """(hour, minute) hand angles in degrees clockwise from 12 for a time given in minutes after 12:00."""
    return (total_minutes * 0.5) % 360.0, (total_minutes * 6.0) % 360.0


def time_phrase(minutes: int) -> str:
    """'2 hours and 15 minutes', '3 hours', '45 minutes'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours > 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest > 1 else ''}")
    return " and ".join(parts)


def clock_label(total_minutes: int) -> str:
    """'h:mm' on a 12-hour clock for a time in minutes after 12:00."""
    hours, minutes = divmod(total_minutes % 720, 60)
    return f"{hours or 12}:{minutes:02d}"


def hand_outline(length: float, width: float) -> list[tuple[float, float]]:
    """A tapered hand pointing at 12 from the pivot (the origin)."""
    half = width / 2
    return [(-half, 0.0), (-half, -0.86 * length), (0.0, -length), (half, -0.86 * length), (half, 0.0)]


class ClockFace:
    """The static face and the two hand sprites of one clock, drawn from a sample's style fields
    (``solution["style"]``: radius, background, face, rim, hour_color, minute_color)."""

    def __init__(self, style: dict[str, Any]):
        style = {name: tuple(value) if isinstance(value, list) else value for name, value in style.items()}
        self.style = style
        radius = style["radius"]
        canvas = new_canvas(style["background"])
        draw = ImageDraw.Draw(canvas)
        draw_disc(draw, CENTER, radius, fill=style["face"], outline=style["rim"], width=max(6, radius // 22))
        for tick in range(60):
            inner = 0.86 if tick % 5 == 0 else 0.92
            (x0, y0), (x1, y1) = rotate_points([(CENTER[0], CENTER[1] - inner * radius),
                                                 (CENTER[0], CENTER[1] - 0.96 * radius)], CENTER, tick * 6)
            draw.line([(x0, y0), (x1, y1)], fill=MARK_COLOR, width=4 if tick % 5 == 0 else 2)
        for number in range(1, 13):
            (x, y), = rotate_points([(CENTER[0], CENTER[1] - NUMBER_RADIUS * radius)], CENTER, number * 30)
            draw_text(draw, (x, y), str(number), int(radius * 0.13), fill=MARK_COLOR, bold=True)
        self.stage = Stage(to_frame(canvas))
        self.hour_shape = [(CENTER[0] + x, CENTER[1] + y) for x, y in hand_outline(HOUR_LENGTH * radius, radius * 0.075)]
        self.minute_shape = [(CENTER[0] + x, CENTER[1] + y) for x, y in hand_outline(MINUTE_LENGTH * radius, radius * 0.045)]
        self.cap_side = int(radius * 0.16)
        cap_radius = radius * 0.06
        rim = [(cap_radius * math.sin(math.radians(a)), -cap_radius * math.cos(math.radians(a))) for a in range(0, 360, 15)]
        self.cap = polygon_sprite(rim, self.cap_side, MARK_COLOR)

    def frame(self, hour_angle: float, minute_angle: float) -> np.ndarray:
        """The clock with its hands at the given angles (degrees clockwise from 12)."""
        hour = placed_polygon(rotate_points(self.hour_shape, CENTER, hour_angle), tuple(self.style["hour_color"]))
        minute = placed_polygon(rotate_points(self.minute_shape, CENTER, minute_angle), tuple(self.style["minute_color"]))
        return self.stage.frame([hour, minute, (self.cap, CENTER)])


class ClockGenerator(BaseGenerator):
    """Draws a clock at a start time and the video of its hands advancing by the stated duration."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Advance step and size from the stratum; start time, colours and pace uniformly."""
        step, largest = STRATA[difficulty]
        hour_color, minute_color = (int(k) for k in rng.choice(len(HAND_COLORS), size=2, replace=False))
        return {
            "start_hour": int(rng.integers(1, 13)),
            "start_minute": int(5 * rng.integers(0, 12)),
            "advance_minutes": int(step * rng.integers(max(1, 10 // step), largest // step + 1)),
            "radius": int(rng.integers(175, 221)),
            "face": int(rng.integers(0, len(FACES))),
            "rim": int(rng.integers(0, len(RIMS))),
            "hour_color": hour_color,
            "minute_color": minute_color,
            "sweep_frames": int(rng.integers(44, 65)),
        }

    def generate(self) -> Sample:
        """Solve the target time and render the hands sweeping to it."""
        p = self.params
        start = (p.start_hour % 12) * 60 + p.start_minute
        end = start + p.advance_minutes
        style = {
            "radius": p.radius,
            "background": (232, 232, 232) if FACES[p.face] == (255, 255, 255) else (255, 255, 255),
            "face": FACES[p.face],
            "rim": RIMS[p.rim],
            "hour_color": list(PALETTE[HAND_COLORS[p.hour_color]]),
            "minute_color": list(PALETTE[HAND_COLORS[p.minute_color]]),
        }
        clock = ClockFace(style)

        def at(minutes: float) -> np.ndarray:
            return clock.frame(*hand_angles(minutes))

        def trajectory():
            for k in range(p.sweep_frames + 1):
                yield at(start + p.advance_minutes * k / p.sweep_frames)

        hour_name, minute_name = HAND_COLORS[p.hour_color], HAND_COLORS[p.minute_color]
        prompt = (
            f"The clock shows a time. Advance it by {time_phrase(p.advance_minutes)}: turn the long {minute_name} "
            f"minute hand clockwise through every passing minute while the short {hour_name} hour hand moves "
            "along with it at one twelfth of its speed, and stop when the clock shows the new time."
        )
        start_hour_angle, start_minute_angle = hand_angles(start)
        end_hour_angle, end_minute_angle = hand_angles(end)
        solution = {
            "style": style,
            "center": list(CENTER),
            "start_time": clock_label(start),
            "end_time": clock_label(end),
            "advance_minutes": p.advance_minutes,
            "start_angles": {"hour": start_hour_angle, "minute": start_minute_angle},
            "end_angles": {"hour": end_hour_angle, "minute": end_minute_angle},
            "minute_turn": p.advance_minutes * 6.0,
            "hour_length": HOUR_LENGTH * p.radius,
            "minute_length": MINUTE_LENGTH * p.radius,
        }
        return Sample(first_frame=at(start), final_frame=at(end), prompt=prompt, trajectory=trajectory,
                      solution=solution, params=p)

    def validate(self, sample: Sample) -> list[str]:
        """Reject overlapping hands at the start or end and hand colours that blend with each other or the face."""
        problems = super().validate(sample)
        solution = sample.solution
        for moment in ("start", "end"):
            angles = solution[f"{moment}_angles"]
            if angle_difference(angles["hour"], angles["minute"]) < MIN_HAND_GAP:
                problems.append(f"occlusion: the hands overlap at the {moment} time {solution[f'{moment}_time']}")
        style = solution["style"]
        hour, minute = tuple(style["hour_color"]), tuple(style["minute_color"])
        face = tuple(style["face"])
        # A hand's anti-aliased edge is half hand, half face: it must not pass for the other hand either.
        blends = [tuple((a + b) / 2 for a, b in zip(color, face, strict=True)) for color in (hour, minute)]
        if (color_distance(hour, minute) < 100 or color_distance(blends[0], minute) < 80
                or color_distance(blends[1], hour) < 80):
            problems.append("the hour and minute hands have look-alike colours")
        for name, color in (("hour", hour), ("minute", minute)):
            if color_distance(color, tuple(style["face"])) < 100:
                problems.append(f"the {name} hand colour is too close to the face")
            if color_distance(color, MARK_COLOR) < 90:
                problems.append(f"the {name} hand colour is too close to the numbers and ticks")
        return problems
