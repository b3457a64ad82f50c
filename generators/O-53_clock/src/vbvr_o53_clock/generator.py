"""O-53 clock: read an analogue clock, then advance its hands by the stated duration.

Parameters → draw → solve → render → prompt:

- a clock face (numbers 1–12, minute ticks) shows a start time ``start_hour``:``start_minute``;
- the prompt asks for the time ``advance_minutes`` later, without stating the start time (the model must
  read it) or the answer;
- the solution: the minute hand turns clockwise by 6° per minute (whole turns included), the hour hand by
  0.5° per minute, both at once, so at every frame the hour hand sits where the minute hand says;
- instances whose start or end time has the hands (almost) on top of each other (unreadable), and hand
  colours that do not stand apart, are rejected.

The original generator (hour hand only, "where is it after k hours") is stratum 0's special case
of whole-hour advances; strata 1 and 2 advance by quarter hours and by 5-minute steps.
"""

from __future__ import annotations

from typing import Annotated, Any

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, Sprite, Stage, color_distance, draw_disc, new_canvas, to_frame
from vbvr_core.draw.canvas import RGB
from vbvr_core.families.rotation.draw import draw_dial, placed_polygon, pointer_outline, rotate_points, steady_turn
from vbvr_core.families.rotation.task import stated_multiple
from vbvr_core.judge.motion import angle_difference
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o53_clock.plugin import TASK

CENTER = (256.0, 256.0)
FACES = [(255, 255, 255), (250, 246, 232), (236, 244, 252), (238, 248, 238)]
RIMS = [(40, 40, 40), (30, 45, 90), (70, 50, 35), (90, 90, 90)]
HAND_COLORS = ("red", "blue", "green", "purple", "orange", "brown", "pink", "cyan")
MARK_COLOR = (35, 35, 35)
HOUR_LENGTH, MINUTE_LENGTH, NUMBER_RADIUS = 0.48, 0.70, 0.82
# The hands' widths at the centre and the central hub's radius, in face radii. The hour hand lies on top of
# the hub and the minute hand under it, so only the hour hand reaches the centre (the official evaluator
# reads one hand: the straight edge that starts nearest the centre).
HOUR_WIDTH, MINUTE_WIDTH, HUB_RADIUS = 0.08, 0.045, 0.14
# Least angle between the hands at the start and end times for the clock to be read without doubt (the
# scorer, too, takes hands closer than 20° for overlapping).
MIN_HAND_GAP = 20.0
# Per difficulty: (advance step in minutes, largest advance in minutes).
ADVANCES = {0: (60, 300), 1: (15, 240), 2: (5, 300)}
COLOR_INDEX = Uniform(0, len(HAND_COLORS) - 1)


class Params(TaskParams):
    """O-53's parameter space: the advance's grain grows with the difficulty; time, style and pace are uniform."""

    start_hour: Annotated[int, Uniform(1, 12)] = Field(3, ge=1, le=12, description="hour shown at the start (12-hour clock)")
    start_minute: int = Field(0, ge=0, le=55, multiple_of=5,
                              description="minute shown at the start; drawn as a multiple of 5")
    advance_minutes: int = Field(60, ge=5, le=360, multiple_of=5, description=(
        "how far to advance the clock; drawn in whole hours up to 5 h (easy), quarter hours up to 4 h (medium), "
        "5-minute steps from 10 min to 5 h (hard)"))
    radius: Annotated[int, Uniform(155, 195)] = Field(185, ge=150, le=200, description=(
        "clock face radius in pixels (the official evaluator finds faces up to 200 px)"))
    face: Annotated[int, Uniform(0, len(FACES) - 1)] = Field(0, ge=0, le=len(FACES) - 1, description="face colour index")
    rim: Annotated[int, Uniform(0, len(RIMS) - 1)] = Field(0, ge=0, le=len(RIMS) - 1, description="rim colour index")
    hour_color: Annotated[int, COLOR_INDEX] = Field(1, ge=0, le=len(HAND_COLORS) - 1, description="hour hand colour index")
    minute_color: Annotated[int, COLOR_INDEX] = Field(0, ge=0, le=len(HAND_COLORS) - 1,
                                                      description="minute hand colour index")
    sweep_frames: Annotated[int, Uniform(44, 64)] = Field(60, ge=40, le=80, description="video frames the hands take to advance")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The start minute (a multiple of 5) and the advance (in the stratum's steps, at least 10 minutes)."""
        return {"start_minute": int(5 * rng.integers(0, 12)),
                "advance_minutes": stated_multiple(rng, ADVANCES, values["difficulty"], 10), **values}


class Solution(TaskSolution):
    """Where the clock is, how its hands look, and where they start and end (degrees clockwise from 12)."""

    center: Point
    radius: int
    hour_color: RGB
    minute_color: RGB
    hour_length: float
    minute_length: float
    start_time: str
    end_time: str
    start_angles: dict[str, float]
    end_angles: dict[str, float]
    minute_turn: float


def hand_angles(total_minutes: float) -> tuple[float, float]:
    """(hour, minute) hand angles in degrees clockwise from 12 for a time given in minutes after 12:00."""
    return (total_minutes * 0.5) % 360.0, (total_minutes * 6.0) % 360.0


def time_phrase(minutes: int) -> str:
    """'2 hours and 15 minutes', '3 hours', '45 minutes'."""
    hours, rest = divmod(minutes, 60)
    return " and ".join(f"{n} {unit}{'s' if n > 1 else ''}" for n, unit in ((hours, "hour"), (rest, "minute")) if n)


def clock_label(total_minutes: int) -> str:
    """'h:mm' on a 12-hour clock for a time in minutes after 12:00."""
    hours, minutes = divmod(total_minutes % 720, 60)
    return f"{hours or 12}:{minutes:02d}"


def overlap_problem(start: int, end: int) -> str | None:
    """Why the clock cannot be read at the start or end time (its hands nearly on top of each other), or None."""
    for moment, minutes in (("start", start), ("end", end)):
        if angle_difference(*hand_angles(minutes)) < MIN_HAND_GAP:
            return f"occlusion: the hands overlap at the {moment} time {clock_label(minutes)}"
    return None


def colour_problem(face: RGB, hour: RGB, minute: RGB) -> str | None:
    """Why the hand colours cannot be told apart from each other, the face or the marks, or None."""
    # A hand's anti-aliased edge is half hand, half face or half hub (the minute hand comes out from under the
    # dark hub, the hour hand runs over it): it must not pass for the other hand either.
    edges = [(np.add(color, ground) / 2, other) for color, other in ((hour, minute), (minute, hour))
             for ground in (face, MARK_COLOR)]
    if color_distance(hour, minute) < 100 or any(color_distance(edge, other) < 80 for edge, other in edges):
        return "the hour and minute hands have look-alike colours"
    for name, color in (("hour", hour), ("minute", minute)):
        if color_distance(color, face) < 100:
            return f"the {name} hand colour is too close to the face"
        if color_distance(color, MARK_COLOR) < 90:
            return f"the {name} hand colour is too close to the numbers and ticks"
    return None


def tapered_hand(pivot: tuple[float, float], length: float, width: float) -> list[tuple[float, float]]:
    """A hand pointing at 12: a long thin triangle, ``width`` wide at ``pivot``, its point ``length`` away."""
    (px, py), half = pivot, width / 2
    return [(px - half, py), (px, py - length), (px + half, py)]


class ClockFace:
    """The static face and the two hand sprites of one clock drawn as ``params`` say."""

    def __init__(self, params: Params):
        radius, face = params.radius, FACES[params.face]
        self.hour_color, self.minute_color = (PALETTE[HAND_COLORS[k]] for k in (params.hour_color, params.minute_color))
        canvas = new_canvas((232, 232, 232) if face == (255, 255, 255) else (255, 255, 255))
        draw = ImageDraw.Draw(canvas)
        draw_disc(draw, CENTER, radius, fill=face, outline=RIMS[params.rim], width=max(6, radius // 22))
        draw_dial(draw, CENTER, radius, MARK_COLOR, [str(number) for number in range(1, 13)], NUMBER_RADIUS)
        self.stage = Stage(to_frame(canvas))
        self.hour_shape = tapered_hand(CENTER, HOUR_LENGTH * radius, HOUR_WIDTH * radius)
        self.minute_shape = pointer_outline(CENTER, MINUTE_LENGTH * radius, MINUTE_WIDTH * radius)
        self.hub = Sprite.of_shape("circle", radius * HUB_RADIUS, MARK_COLOR, outline=MARK_COLOR, outline_width=1)
        # The hour hand's round foot: no straight edge of it lies across the centre.
        self.foot = Sprite.of_shape("circle", radius * HOUR_WIDTH / 2, self.hour_color, outline=self.hour_color,
                                    outline_width=1)

    def frame(self, hour_angle: float, minute_angle: float) -> np.ndarray:
        """The clock with its hands at the given angles (degrees clockwise from 12): minute hand, hub, hour hand."""
        hour = placed_polygon(rotate_points(self.hour_shape, CENTER, hour_angle), self.hour_color)
        minute = placed_polygon(rotate_points(self.minute_shape, CENTER, minute_angle), self.minute_color)
        return self.stage.frame([minute, (self.hub, CENTER), hour, (self.foot, CENTER)])

    def at(self, minutes: float) -> np.ndarray:
        """The clock showing the time ``minutes`` after 12:00."""
        return self.frame(*hand_angles(minutes))


class ClockGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a clock at a start time and the video of its hands advancing by the stated duration."""

    def generate(self) -> Sample:
        """Solve the target time and render the hands sweeping to it."""
        p = self.params
        self.start = start = (p.start_hour % 12) * 60 + p.start_minute
        end = start + p.advance_minutes
        self.clock = clock = ClockFace(p)
        problem = overlap_problem(start, end) or colour_problem(FACES[p.face], clock.hour_color, clock.minute_color)
        if problem:
            raise Reject(problem)
        hour_name, minute_name = HAND_COLORS[p.hour_color], HAND_COLORS[p.minute_color]
        prompt = (
            f"The clock shows a time. Advance it by {time_phrase(p.advance_minutes)}: turn the long {minute_name} "
            f"minute hand clockwise through every passing minute while the short {hour_name} hour hand moves "
            "along with it at one twelfth of its speed, and stop when the clock shows the new time."
        )
        solution = Solution(
            center=CENTER, radius=p.radius, hour_color=clock.hour_color, minute_color=clock.minute_color,
            hour_length=HOUR_LENGTH * p.radius, minute_length=MINUTE_LENGTH * p.radius,
            start_time=clock_label(start), end_time=clock_label(end),
            start_angles=dict(zip(("hour", "minute"), hand_angles(start), strict=True)),
            end_angles=dict(zip(("hour", "minute"), hand_angles(end), strict=True)),
            minute_turn=p.advance_minutes * 6.0,
        )
        return Sample(
            first_frame=clock.at(start), final_frame=clock.at(end), prompt=prompt,
            trajectory=steady_turn(lambda minutes: clock.at(start + minutes), p.advance_minutes, p.sweep_frames),
            solution=solution, params=p,
        )

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Drawn like the answer: advanced an hour too far, and with the hour hand left behind until the end."""
        p, clock, start = self.params, self.clock, self.start
        hour, minute = hand_angles(start)
        return {
            "hour_too_far": steady_turn(lambda minutes: clock.at(start + minutes), p.advance_minutes + 60, p.sweep_frames),
            "hour_hand_lags": lambda: (clock.frame(hour + (p.advance_minutes * 0.5 if k == p.sweep_frames else 0.0),
                                                   minute + p.advance_minutes * 6 * k / p.sweep_frames)
                                       for k in range(p.sweep_frames + 1)),
        }
