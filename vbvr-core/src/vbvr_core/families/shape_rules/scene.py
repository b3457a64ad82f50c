"""Building a shape-rule instance: the shape states of every slot, the rule steps and where the answers go.

A *state* is what a slot shows: a shape kind, its colour (a palette name), its nominal radius, filled or
outline, and a vertical offset from its slot's centre. A *step* changes one attribute of a state:

- ``scale``: the radius times ``factor``;
- ``color``: the colour becomes ``new_color``;
- ``style``: filled becomes outline, or outline filled;
- ``move``: the shape moves ``shift`` pixels up (negative) or down (positive).

Two layouts hold the analogy (512² canvas):

- ``pair`` (one step): ``A → B`` on top, ``C → ?`` below; the answer ``D`` is C after the step;
- ``chain`` (two steps): ``A → B → C`` on top, ``D → ? → ?`` below; the answers are ``E`` (D after the first
  step) and ``F`` (E after the second), so the order of the steps is part of the question.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from vbvr_core.contract import TaskSolution
from vbvr_core.contract.geometry import Point
from vbvr_core.draw import PALETTE, shape_points
from vbvr_core.pipeline.generator import Reject

# Shape kinds whose silhouettes stay distinct when small, outlined or blurred (no pentagon or hexagon beside circle).
KINDS: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "star")
# Saturated palette colours (chroma ≥ 130, so the judge tells them from the grey "?", the black arrows and the
# light background); a colour step joins two whose hues lie at least MIN_HUE_STEP apart.
COLORS: tuple[str, ...] = ("red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink")
MIN_HUE_STEP = 60.0
STEPS = ("scale", "color", "style", "move")
Layout = Literal["pair", "chain"]

# Slot centres (x, y) per layout, row by row; the answers are the last slot of the pair layout and the last two
# of the chain layout.
CENTERS: dict[str, list[Point]] = {
    "pair": [(128.0, 140.0), (384.0, 140.0), (128.0, 372.0), (384.0, 372.0)],
    "chain": [(86.0, 140.0), (256.0, 140.0), (426.0, 140.0), (86.0, 372.0), (256.0, 372.0), (426.0, 372.0)],
}
# Half the width and half the height of each slot's box (the shape with its move stays inside it).
HALF_SLOT: dict[str, tuple[float, float]] = {"pair": (86.0, 100.0), "chain": (60.0, 112.0)}
MIN_RADIUS = 14.0  # nominal radius (px) below which a figure is hard to read
MIN_HOLE = 0.7  # an outline's hole spans at least this share of its figure (else it reads as filled)
MIN_OUTLINE_RADIUS = 20.0  # nominal radius (px) below which an outline's thin stroke is hard to read


class ShapeState(BaseModel):
    """What one slot shows: kind, colour name, nominal radius (px), filled or outline, vertical offset (px)."""

    model_config = ConfigDict(frozen=True)

    kind: str
    color: str
    radius: float
    filled: bool
    dy: float = 0.0

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The state's colour as RGB."""
        return PALETTE[self.color]


class Step(BaseModel):
    """One rule step: its kind and its one argument (``factor``, ``new_color`` or ``shift``; none for style)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["scale", "color", "style", "move"]
    factor: float = 1.0
    new_color: str = ""
    shift: float = 0.0


def apply(step: Step, state: ShapeState) -> ShapeState:
    """``state`` after ``step``."""
    if step.kind == "scale":
        return state.model_copy(update={"radius": round(state.radius * step.factor, 2)})
    if step.kind == "color":
        return state.model_copy(update={"color": step.new_color})
    if step.kind == "style":
        return state.model_copy(update={"filled": not state.filled})
    return state.model_copy(update={"dy": round(state.dy + step.shift, 2)})


def hue(color: str) -> float:
    """Hue (degrees) of palette colour ``color``."""
    r, g, b = (c / 255 for c in PALETTE[color])
    return math.degrees(math.atan2(math.sqrt(3) * (g - b), 2 * r - g - b)) % 360


def hue_distance(a: str, b: str) -> float:
    """Smallest difference (degrees) between the hues of palette colours ``a`` and ``b``."""
    return abs((hue(a) - hue(b) + 180) % 360 - 180)


def reach(kind: str, radius: float) -> tuple[float, float]:
    """How far a figure of ``kind`` and ``radius`` reaches from its centre horizontally and vertically (px)."""
    if kind == "circle":
        return radius, radius
    points = shape_points(kind, (0.0, 0.0), radius)
    return max(abs(x) for x, _ in points), max(abs(y) for _, y in points)


class ShapeRuleSolution(TaskSolution):
    """The layout, the rule steps, every slot's centre and state (the answers' states are the end states), which
    slots are answers, and the outline stroke width (px)."""

    layout: Layout
    steps: list[Step]
    centers: list[Point]
    states: list[ShapeState]
    answers: list[int]
    stroke: int

    def source(self, answer: int) -> int:
        """The slot whose state an answer slot starts from (the slot before it in its row)."""
        return answer - 1


@dataclass(frozen=True)
class Instance:
    """What :func:`build` needs: the layout's steps, the example and question shapes' start states, the stroke."""

    steps: tuple[Step, ...]
    example: ShapeState
    question: ShapeState
    stroke: int


@cache
def edge_distance(kind: str) -> float:
    """Distance from a unit-radius figure's centre to its nearest edge line (the apothem; 1 for a circle)."""
    if kind == "circle":
        return 1.0
    points = shape_points(kind, (0.0, 0.0), 1.0)
    distances = []
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        distances.append(abs(x0 * y1 - x1 * y0) / math.hypot(x1 - x0, y1 - y0))
    return min(distances)


def hole_scale(kind: str, radius: float, stroke: float) -> float:
    """The factor by which an outline's hole shrinks the figure so that each edge keeps ``stroke`` px."""
    return max(0.0, 1.0 - stroke / (edge_distance(kind) * radius))


def _fits(layout: str, state: ShapeState, stroke: int) -> bool:
    half_x, half_y = HALF_SLOT[layout]
    rx, ry = reach(state.kind, state.radius)
    legible = state.radius >= MIN_RADIUS and (state.filled or (state.radius >= MIN_OUTLINE_RADIUS and
                                                         hole_scale(state.kind, state.radius, stroke) >= MIN_HOLE))
    return legible and rx <= half_x and ry + abs(state.dy) <= half_y


def build(instance: Instance) -> ShapeRuleSolution:
    """The solved instance: every slot's state. Raises ``Reject`` when a state does not fit its slot or is too
    small to read, when the example and question shapes are of one kind, or when a colour step is too slight."""
    steps = instance.steps
    if instance.example.kind == instance.question.kind:
        raise Reject(f"trivial: example and question are both a {instance.question.kind}")
    for step in steps:
        if step.kind == "color":
            for start in (instance.example, instance.question):
                if hue_distance(start.color, step.new_color) < MIN_HUE_STEP:
                    raise Reject(f"illegible: {start.color} → {step.new_color} is too slight a colour change")
    layout = "pair" if len(steps) == 1 else "chain"
    rows = []
    for start in (instance.example, instance.question):
        row = [start]
        for step in steps:
            row.append(apply(step, row[-1]))
        rows.append(row)
    states = rows[0] + rows[1]
    for state in states:
        if not _fits(layout, state, instance.stroke):
            raise Reject(f"illegible: a {state.kind} of radius {state.radius:.0f} (offset {state.dy:.0f}) does not "
                         f"fit its slot or is too small to read")
    count = len(states)
    answers = [count - 1] if layout == "pair" else [count - 2, count - 1]
    return ShapeRuleSolution(layout=layout, steps=list(steps), centers=CENTERS[layout], states=states,
                             answers=answers, stroke=instance.stroke)
