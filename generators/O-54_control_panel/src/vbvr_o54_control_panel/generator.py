"""O-54 control_panel: operate a panel's switches, sliders and buttons, one at a time, to the stated settings.

Parameters → draw → solve → render → prompt:

- a dark control panel with ``num_controls`` labelled controls (one column up to three, two columns from
  four, as the official task lays them out): toggle switches (green track = on, grey = off), horizontal
  sliders (a blue fill and a white knob on a 0–100 scale marked at 0, 50 and 100) and push buttons (green =
  pressed, grey = not);
- the prompt states every control's target setting by its label ("turn Power on, set Volume to 70, press
  Start"); ``settled`` of them are already at their target, and the model must leave those alone;
- the solver changes the others in the order the prompt names them: a switch's knob slides across and its
  track turns green or grey, a slider's knob glides to the value at a steady pace, a button sinks and turns
  green.

The official generator (see the README) only shows the target in the final frame, which the model is not
given; here the prompt states it, so the task can be solved from its input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import draw_text, new_canvas, to_frame
from vbvr_core.draw.animate import levels_in_turn
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o54_control_panel.plugin import TASK

PANEL = (45, 45, 55)  # the official panel colour
FRAME = (80, 80, 90)
LABEL = (235, 235, 240)
ON = (40, 185, 80)  # green: a switch that is on, a button that is pressed (the official evaluator's green)
OFF = (115, 115, 125)
TRACK = (90, 90, 100)
FILL = (40, 110, 235)  # blue: a slider's fill (the official evaluator's blue)
KNOB = (245, 245, 245)
SWITCH_W, SWITCH_H = 96, 40
SLIDER_W = 200
BUTTON_R = 26
SLIDER_SPEED = 4.0  # slider units per frame (24 fps): 100 units in about a second
Kind = Literal["switch", "slider", "button"]
NAMES = {
    "switch": ("Power", "Mode", "Lights", "Fan", "Pump", "Heater"),
    "slider": ("Volume", "Speed", "Level", "Flow", "Pressure"),
    "button": ("Start", "Reset", "Alarm", "Eject"),
}


class Params(TaskParams):
    """O-54's parameter space: more controls, and some already set, as the difficulty grows."""

    num_controls: Annotated[int, Strata((2, 3), (3, 4), (4, 5))] = Field(
        3, ge=2, le=5, description="how many controls the panel has")
    settled: Annotated[int, Strata((0, 0), (0, 1), (1, 2))] = Field(
        0, ge=0, le=3, description="how many controls are already at their target (to be left alone)")
    step_pause: Annotated[int, Uniform(4, 6)] = Field(5, ge=2, le=10, description="video frames between two operations")


@dataclass
class Control:
    kind: str
    label: str
    center: tuple[float, float]
    start: float  # switch/button: 0 or 1; slider: 0–100
    goal: float


class Solution(TaskSolution):
    """Each control's kind, label, centre, starting and target setting, in the prompt's order."""

    kinds: list[str]
    labels: list[str]
    centers: list[tuple[float, float]]
    initial: list[float]
    target: list[float]

    def controls(self) -> list[Control]:
        """The controls as the generator laid them out."""
        return [Control(*control) for control in zip(self.kinds, self.labels, map(tuple, self.centers), self.initial,
                                                     self.target, strict=True)]


def slider_track(center: tuple[float, float]) -> tuple[float, float, float]:
    """A slider's track: left end, right end and the y of its centre line."""
    x, y = center
    return x - SLIDER_W / 2, x + SLIDER_W / 2, y + 6


_STATIC: dict[tuple, Image.Image] = {}


def static_layer(controls: list[Control]) -> Image.Image:
    """The panel's unchanging parts — frame, labels, slider scales — drawn once per panel (text is costly)."""
    key = tuple((c.kind, c.label, c.center) for c in controls)
    if key not in _STATIC:
        if len(_STATIC) > 64:
            _STATIC.clear()
        canvas = new_canvas(PANEL)
        draw = ImageDraw.Draw(canvas)
        draw.rectangle((20, 20, 491, 491), outline=FRAME, width=3)
        for control in controls:
            x, y = control.center
            draw_text(draw, (x, y - 40), control.label, 18, fill=LABEL, bold=True)
            if control.kind == "slider":
                left, right, cy = slider_track(control.center)
                for mark in (0, 50, 100):
                    mx = left + (right - left) * mark / 100
                    draw.line([(mx, cy + 14), (mx, cy + 20)], fill=LABEL, width=2)
                    draw_text(draw, (mx, cy + 30), str(mark), 12, fill=LABEL)
        _STATIC[key] = canvas
    return _STATIC[key]


def draw_panel(controls: list[Control], levels: list[float]) -> np.ndarray:
    """The panel with each control at ``levels`` (switch 0–1 as its knob slides, slider 0–100, button 0–1)."""
    canvas = static_layer(controls).copy()
    draw = ImageDraw.Draw(canvas)
    for control, level in zip(controls, levels, strict=True):
        x, y = control.center
        if control.kind == "switch":
            color = ON if level >= 0.5 else OFF
            box = (x - SWITCH_W / 2, y - SWITCH_H / 2 + 6, x + SWITCH_W / 2, y + SWITCH_H / 2 + 6)
            draw.rounded_rectangle(box, radius=SWITCH_H // 2, fill=color)
            knob_x = box[0] + SWITCH_H / 2 + (SWITCH_W - SWITCH_H) * level
            r = SWITCH_H / 2 - 5
            draw.ellipse((knob_x - r, y + 6 - r, knob_x + r, y + 6 + r), fill=KNOB)
            draw_text(draw, (box[2] + 22, y + 6), "ON" if level >= 0.5 else "OFF", 13, fill=LABEL, anchor="lm")
        elif control.kind == "slider":
            left, right, cy = slider_track(control.center)
            draw.rounded_rectangle((left, cy - 5, right, cy + 5), radius=5, fill=TRACK)
            at = left + (right - left) * level / 100
            if at > left + 2:
                draw.rounded_rectangle((left, cy - 5, at, cy + 5), radius=5, fill=FILL)
            draw.ellipse((at - 11, cy - 11, at + 11, cy + 11), fill=KNOB)
        else:
            color = tuple(round(o + (n - o) * level) for o, n in zip(OFF, ON, strict=True))
            r = BUTTON_R - 3 * level
            draw.ellipse((x - BUTTON_R - 4, y + 6 - BUTTON_R - 4, x + BUTTON_R + 4, y + 6 + BUTTON_R + 4), fill=TRACK)
            draw.ellipse((x - r, y + 6 - r, x + r, y + 6 + r), fill=color)
    return to_frame(canvas)


def instruction(control: Control) -> str:
    """What the prompt asks of one control."""
    if control.kind == "switch":
        return f"turn {control.label} {'on' if control.goal else 'off'}"
    if control.kind == "slider":
        return f"set {control.label} to {int(control.goal)}"
    return f"press {control.label}" if control.goal else f"leave {control.label} unpressed"


class ControlPanelGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a labelled panel and operates, one at a time, each control the prompt's settings change."""

    def _controls(self) -> list[Control]:
        p, rng = self.params, self.rng
        n = p.num_controls
        if p.settled > n - 2:
            raise Reject(f"trivial: {p.settled} of {n} controls already set leaves fewer than two to operate")
        kinds = [("switch", "slider", "button")[int(k)] for k in rng.integers(0, 3, size=n)]
        if len(set(kinds)) == 1 and n >= 3:
            kinds[int(rng.integers(0, n))] = ("slider" if kinds[0] != "slider" else "switch")
        pools = {kind: list(rng.permutation(len(names))) for kind, names in NAMES.items()}
        settled = set(int(i) for i in rng.choice(n, size=p.settled, replace=False))
        columns = 1 if n <= 3 else 2
        rows = -(-n // columns)
        controls = []
        for i, kind in enumerate(kinds):
            col, row = (0, i) if columns == 1 else (i % 2, i // 2)
            x = 256 if columns == 1 else 40 + (col + 0.5) * 216
            y = 40 + (row + 0.5) * 432 / rows
            label = NAMES[kind][int(pools[kind].pop())]
            if kind == "slider":
                start = float(rng.integers(0, 11) * 10)
                goal = float(rng.choice([v for v in range(0, 101, 10) if abs(v - start) >= 30]))
            elif kind == "switch":
                start = float(rng.integers(0, 2))
                goal = 1.0 - start
            else:
                start, goal = 0.0, 1.0
            if i in settled:
                goal = start
            controls.append(Control(kind, label, (round(x, 1), round(y, 1)), start, goal))
        return controls

    def generate(self) -> Sample:
        """Lay out the controls, state the targets, and operate the controls that change, in order."""
        p = self.params
        controls = self._controls()
        coloured = [sum(1 for c in controls if (c.start if at_start else c.goal) > 0) for at_start in (True, False)]
        if coloured[1] < 2 or coloured[1] < coloured[0] // 2:
            # The official evaluator counts the coloured (green or blue) controls and takes a final panel with
            # fewer than two of them, or with under half the opening's, for a destroyed panel (scores 0).
            raise Reject(f"the target panel shows {coloured[1]} coloured controls (the opening {coloured[0]})")
        first = draw_panel(controls, [c.start for c in controls])
        final = draw_panel(controls, [c.goal for c in controls])
        asks = [instruction(c) for c in controls]
        prompt = (
            "The control panel has " + ", ".join(f"{c.kind} \u201c{c.label}\u201d" for c in controls) + ". "
            "Operate the controls one at a time so that in the end you " + "; ".join(asks) + ". "
            "Leave every control that is already as asked untouched."
        )
        solution = Solution(kinds=[c.kind for c in controls], labels=[c.label for c in controls],
                            centers=[c.center for c in controls], initial=[c.start for c in controls],
                            target=[c.goal for c in controls])
        order = [i for i, c in enumerate(controls) if c.goal != c.start]
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._operate(controls, order), solution=solution, params=p)

    def _operate(self, controls: list[Control], order: list[int], together: bool = False,
                 goals: dict[int, float] | None = None) -> Iterator[np.ndarray]:
        """The first frame, then each control of ``order`` moved to its goal (or ``goals``), one after another:
        a switch or button in 6 frames, a slider at ``SLIDER_SPEED`` (at least 6 frames)."""
        targets = {i: (goals or {}).get(i, controls[i].goal) for i in order}
        return levels_in_turn([c.start for c in controls], order, targets, lambda levels: draw_panel(controls, levels),
                             self.params.step_pause, lambda i, start, goal: 6 if controls[i].kind != "slider" else
                             max(6, round(abs(goal - start) / SLIDER_SPEED)), together)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A slider set 20 off, a control left alone that should change, a settled control operated, and every
        change made at once."""
        controls = Solution.model_validate(sample.solution).controls()
        order = [i for i, c in enumerate(controls) if c.goal != c.start]
        misses: dict[str, FrameSource] = {
            "one_control_missed": lambda: self._operate(controls, order[:-1]),
            "all_at_once": lambda: self._operate(controls, order, together=True),
        }
        sliders = [i for i in order if controls[i].kind == "slider"]
        if sliders:
            i = sliders[0]
            off = controls[i].goal + (20 if controls[i].goal <= 80 else -20)
            misses["slider_20_off"] = lambda: self._operate(controls, order, goals={i: off})
        return misses
