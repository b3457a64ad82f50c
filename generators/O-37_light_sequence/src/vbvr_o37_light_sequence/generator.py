"""O-37 light_sequence: switch a row of lights, one at a time, into the pattern a stated rule describes.

Parameters → draw → solve → render → prompt:

- a row of ``num_lights`` round lamps, each on (gold) or off (grey), in a random starting pattern;
- a rule (``rule``) names the lamps that must end up on, by their position counted from the left: the odd
  or even positions, the first or last ``k``, positions ``a`` through ``b``, or every lamp switched to the
  opposite state; every other lamp must end up off (for the last rule: on where it was off and off where
  it was on);
- the solver applies the rule to the starting pattern; instances where fewer than two lamps change are
  rejected (one switch would make the process indistinguishable from a cut);
- the video switches the lamps that must change, one at a time from left to right, each fading over a few
  frames, with a pause between switches; lamps that already match stay untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.draw.animate import levels_in_turn
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o37_light_sequence.plugin import TASK

ON_COLOR = (255, 200, 0)  # gold: the official evaluator's "on" (high red and green, low blue)
OFF_COLOR = (150, 150, 150)  # grey: "off"
RIM_COLOR = (70, 70, 70)
BACKGROUND = (255, 255, 255)  # pure white: the official evaluator finds the lamps as the non-white regions
Rule = Literal["odd", "even", "first_k", "last_k", "range", "invert"]
RULES: tuple[str, ...] = ("odd", "even", "first_k", "last_k", "range", "invert")


class Params(TaskParams):
    """O-37's parameter space: more lamps as the difficulty grows; every rule at every stratum."""

    num_lights: Annotated[int, Strata((5, 6), (7, 8), (9, 10))] = Field(
        7, ge=4, le=10, description="how many lamps the row has")
    rule: Annotated[Rule, Uniform()] = Field("odd", description="which rule says the lamps that end up on")
    radius: Annotated[int, Uniform(14, 18)] = Field(16, ge=12, le=24, description="lamp radius, pixels")
    row_y: Annotated[int, Uniform(200, 312)] = Field(256, ge=120, le=392, description="height of the row's centre line, pixels")
    fade_frames: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=8, description="video frames over which one lamp switches")
    pause_frames: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=10, description="video frames between two switches")


class Solution(TaskSolution):
    """The lamps' centres and radius, the starting and target patterns, and the rule's words."""

    centers: list[Point]
    radius: float
    initial: list[bool]
    target: list[bool]
    rule_text: str

    def changed(self) -> list[int]:
        """The lamps the rule changes, left to right."""
        return [i for i, (a, b) in enumerate(zip(self.initial, self.target, strict=True)) if a != b]


def apply_rule(rule: str, initial: list[bool], k: int = 0, a: int = 0, b: int = 0) -> list[bool]:
    """The target pattern of ``rule`` on a row starting as ``initial`` (positions 1-based; ``k``, ``a``, ``b`` as
    the rule needs them)."""
    n = len(initial)
    positions = range(1, n + 1)
    if rule == "odd":
        return [p % 2 == 1 for p in positions]
    if rule == "even":
        return [p % 2 == 0 for p in positions]
    if rule == "first_k":
        return [p <= k for p in positions]
    if rule == "last_k":
        return [p > n - k for p in positions]
    if rule == "range":
        return [a <= p <= b for p in positions]
    if rule == "invert":
        return [not state for state in initial]
    raise ValueError(f"unknown rule {rule!r}")


def rule_words(rule: str, k: int = 0, a: int = 0, b: int = 0) -> str:
    """The rule in the prompt's words."""
    return {
        "odd": "only the lights at odd positions (1st, 3rd, 5th, …) are on",
        "even": "only the lights at even positions (2nd, 4th, 6th, …) are on",
        "first_k": f"only the first {k} lights from the left are on",
        "last_k": f"only the last {k} lights on the right are on",
        "range": f"only the lights at positions {a} through {b} are on",
        "invert": "every light is in the opposite state: each light that is on turns off and each light that is "
                  "off turns on",
    }[rule]


def draw_row(centers: list[Point], radius: float, levels: list[float]) -> np.ndarray:
    """The row of lamps, each ``level`` of the way from off (0) to on (1)."""
    canvas = new_canvas(BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    for (x, y), level in zip(centers, levels, strict=True):
        color = tuple(round(o + (n - o) * level) for o, n in zip(OFF_COLOR, ON_COLOR, strict=True))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=color, outline=RIM_COLOR, width=3)
    return to_frame(canvas)


class LightSequenceGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a row of lamps and a rule, and switches the lamps the rule changes one at a time."""

    def generate(self) -> Sample:
        """Draw the pattern and the rule's numbers, apply the rule, render the switches."""
        p, rng = self.params, self.rng
        n = p.num_lights
        initial = [bool(v) for v in rng.integers(0, 2, size=n)]
        k = int(rng.integers(2, n - 1))
        a = int(rng.integers(1, n - 1))
        b = int(rng.integers(a + 1, n + 1))
        target = apply_rule(p.rule, initial, k, a, b)
        changes = sum(x != y for x, y in zip(initial, target, strict=True))
        if changes < 2:
            raise Reject(f"trivial: the rule changes {changes} lamp(s)")
        spacing = min(96.0, 470.0 / n)
        if spacing < 2 * p.radius + 10:
            raise Reject(f"cluttered: lamps of radius {p.radius} do not fit {n} to a row with gaps")
        left = 256 - spacing * (n - 1) / 2
        centers = [(round(left + spacing * i, 1), float(p.row_y)) for i in range(n)]
        first = draw_row(centers, p.radius, [float(s) for s in initial])
        final = draw_row(centers, p.radius, [float(s) for s in target])
        words = rule_words(p.rule, k, a, b)
        prompt = (
            f"A row of {n} lights is shown; a gold light is on and a grey light is off. Positions are counted from "
            f"the left, starting at 1. Switch the lights one at a time so that in the end {words}. Switch only the "
            "lights that need to change."
        )
        solution = Solution(centers=centers, radius=float(p.radius), initial=initial, target=target, rule_text=words)
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: self._switches(solution, solution.changed()),
            solution=solution,
            params=p,
        )

    def _switches(self, solution: Solution, order: list[int], together: bool = False) -> Iterator[np.ndarray]:
        """The first frame, then the lamps of ``order`` switched one after another (or all at once)."""
        p = self.params
        return levels_in_turn([float(s) for s in solution.initial], order,
                             {i: 1.0 - solution.initial[i] for i in order},
                             lambda levels: draw_row(solution.centers, solution.radius, levels),
                             p.pause_frames, p.fade_frames, together)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct process: the lamps that must change switched from right to left."""
        solution = Solution.model_validate(sample.solution)
        return {"right_to_left": lambda: self._switches(solution, solution.changed()[::-1])}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """One lamp too few switched, one untouched lamp switched as well, and every change made at once."""
        solution = Solution.model_validate(sample.solution)
        order = solution.changed()
        keep = [i for i in range(len(solution.initial)) if i not in order]
        misses = {"one_lamp_missed": lambda: self._switches(solution, order[:-1]),
                  "all_at_once": lambda: self._switches(solution, order, together=True)}
        if keep:
            misses["extra_lamp_switched"] = lambda: self._switches(solution, sorted(order + keep[:1]))
        return misses
