"""Drawing a shape-rule scene and animating its steps.

Every slot's shape is drawn with :func:`draw_state`: a filled figure, or — for an outline — the figure with a
hole cut out of it, the same figure shrunk about its centre so that every edge keeps a stroke of the same
width (:func:`hole_scale`). That makes the outline ↔ fill step continuous: the hole grows from the centre (fill
→ outline) or shrinks away (outline → fill). A colour step turns the hue along the shorter arc (a straight RGB
blend of two far hues passes through grey), a scale step grows or shrinks the radius geometrically, a move
slides the figure. The video (:func:`solution_frames`) fills the answer slots one after another: the "?" gives
way to the shape the slot starts from (the slot before it in its row), then the slot's step plays out.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.draw import PALETTE, draw_arrow, draw_shape, draw_text, ease_in_out, new_canvas, to_frame
from vbvr_core.families.shape_rules.scene import (
    HALF_SLOT,
    ShapeRuleSolution,
    ShapeState,
    Step,
    apply,
    hole_scale,
    reach,
)

QUESTION_COLOR = (90, 90, 90)
ARROW_COLOR = (40, 40, 40)
ARROW_WIDTH = 4


def draw_state(draw: ImageDraw.ImageDraw, state: ShapeState, center, stroke: float, background,
               hole: float | None = None, rgb=None) -> None:
    """``state`` drawn at its slot ``center`` (its offset added); ``hole`` overrides the hole's scale (0 for
    none) and ``rgb`` the colour, for the frames of a step in progress."""
    x, y = center[0], center[1] + state.dy
    if hole is None:
        hole = 0.0 if state.filled else hole_scale(state.kind, state.radius, stroke)
    draw_shape(draw, state.kind, (x, y), state.radius, fill=rgb or state.rgb)
    if hole > 0.02:
        draw_shape(draw, state.kind, (x, y), state.radius * hole, fill=background)


def slot_box(solution: ShapeRuleSolution, slot: int) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) of ``slot``: where its shape may be, with its move."""
    half_x, half_y = HALF_SLOT[solution.layout]
    x, y = solution.centers[slot]
    return x - half_x, y - half_y, x + half_x, y + half_y


def _arrows(draw: ImageDraw.ImageDraw, solution: ShapeRuleSolution) -> None:
    columns = 2 if solution.layout == "pair" else 3
    half_x = HALF_SLOT[solution.layout][0]
    for row in range(2):
        for column in range(columns - 1):
            (x0, y), (x1, _) = solution.centers[row * columns + column], solution.centers[row * columns + column + 1]
            draw_arrow(draw, (x0 + half_x + 3, y), (x1 - half_x - 3, y), ARROW_COLOR, width=ARROW_WIDTH,
                       head_length=14, head_width=14)


def static_layer(solution: ShapeRuleSolution, background) -> Image.Image:
    """The scene without the answer slots: the arrows and every shown shape."""
    canvas = new_canvas(background)
    draw = ImageDraw.Draw(canvas)
    _arrows(draw, solution)
    for slot, (center, state) in enumerate(zip(solution.centers, solution.states, strict=True)):
        if slot not in solution.answers:
            draw_state(draw, state, center, solution.stroke, background)
    return canvas


def question_size(solution: ShapeRuleSolution) -> int:
    """Size (px) of the "?" that holds an open answer slot."""
    return 64 if solution.layout == "pair" else 56


def _frame(layer: Image.Image, solution: ShapeRuleSolution, background, shown: dict[int, tuple]) -> np.ndarray:
    """``layer`` with, per answer slot, a "?" or — if ``shown`` has it — a state drawn with draw options."""
    canvas = layer.copy()
    draw = ImageDraw.Draw(canvas)
    for slot in solution.answers:
        if slot in shown:
            state, options = shown[slot]
            draw_state(draw, state, solution.centers[slot], solution.stroke, background, **options)
        else:
            draw_text(draw, solution.centers[slot], "?", question_size(solution), fill=QUESTION_COLOR, bold=True)
    return to_frame(canvas)


def render_first(solution: ShapeRuleSolution, background) -> np.ndarray:
    """The first frame: every shown shape, the arrows, a "?" in each answer slot."""
    return _frame(static_layer(solution, background), solution, background, {})


def render_final(solution: ShapeRuleSolution, background) -> np.ndarray:
    """The final frame: every answer slot holds its end state."""
    shown = {slot: (solution.states[slot], {}) for slot in solution.answers}
    return _frame(static_layer(solution, background), solution, background, shown)


def _turn_hue(start: str, end: str, t: float) -> tuple[int, int, int]:
    """The colour ``t`` of the way from palette colour ``start`` to ``end``, turning the hue the shorter way."""
    (h0, s0, v0), (h1, s1, v1) = (colorsys.rgb_to_hsv(*(c / 255 for c in PALETTE[name])) for name in (start, end))
    turn = (h1 - h0 + 0.5) % 1.0 - 0.5
    r, g, b = colorsys.hsv_to_rgb((h0 + turn * t) % 1.0, s0 + (s1 - s0) * t, v0 + (v1 - v0) * t)
    return round(r * 255), round(g * 255), round(b * 255)


def step_state(step: Step, start: ShapeState, t: float, stroke: float) -> tuple[ShapeState, dict]:
    """The state (and draw options) ``t`` ∈ [0, 1] of the way through ``step`` from ``start``."""
    if step.kind == "scale":
        return start.model_copy(update={"radius": start.radius * step.factor ** t}), {}
    if step.kind == "color":
        return start, {"rgb": _turn_hue(start.color, step.new_color, t)}
    if step.kind == "move":
        return start.model_copy(update={"dy": start.dy + step.shift * t}), {}
    end = apply(step, start)
    outline = start if not start.filled else end
    full = hole_scale(outline.kind, outline.radius, stroke)
    return start, {"hole": full * (t if start.filled else 1.0 - t)}


def solution_frames(solution: ShapeRuleSolution, background, step_frames: int, pause_frames: int = 4,
                    lead_frames: int = 6, steps: list[Step] | None = None) -> Iterator[np.ndarray]:
    """The solution video from the first frame: per answer slot in turn, the "?" gives way to the state of the
    slot before it, shown still for ``lead_frames`` frames, which then goes through its step over
    ``step_frames`` frames (eased); ``pause_frames`` still frames separate one slot's step from the next.
    ``steps`` overrides the steps played (for near misses)."""
    layer = static_layer(solution, background)
    steps = steps if steps is not None else solution.steps
    shown: dict[int, tuple] = {}
    yield _frame(layer, solution, background, shown)
    for index, slot in enumerate(solution.answers):
        if index:
            for _ in range(pause_frames):
                yield _frame(layer, solution, background, shown)
        start = shown[slot - 1][0] if slot - 1 in shown else solution.states[solution.source(slot)]
        step = steps[index]
        shown[slot] = (start, {})
        for _ in range(lead_frames):
            yield _frame(layer, solution, background, shown)
        for k in range(1, step_frames + 1):
            state, options = step_state(step, start, ease_in_out(k / step_frames), solution.stroke)
            shown[slot] = (state, options)
            yield _frame(layer, solution, background, shown)
        shown[slot] = (apply(step, start), {})


def fits_slot(solution: ShapeRuleSolution, state: ShapeState) -> bool:
    """Whether ``state`` stays inside its slot's box (for near misses drawn with other sizes or moves)."""
    half_x, half_y = HALF_SLOT[solution.layout]
    rx, ry = reach(state.kind, state.radius)
    return rx <= half_x and ry + abs(state.dy) <= half_y
