"""O-85 2d_object_rotation: every shape turns about its own centre by the stated angle and direction.

Parameters → draw → solve → render → prompt:

- ``num_objects`` shapes (triangle, square, pentagon, star, ellipse, arrow, irregular polygon), each
  in its own cell of a 1×1, 1×2 or 2×2 layout, each with a curved arrow showing the turn and its angle;
- a title states the direction and the angle (as the original generator's frames do);
- the solution is the signed angle (clockwise positive on screen) by which every shape turns; the video
  turns all shapes at a uniform speed over ``rotation_frames`` frames, the centres fixed;
- instances whose end state would not show the turn (a square turned by 90°, a nearly round or nearly
  symmetric irregular polygon), whose indicator leaves its area or whose fill blends with the background
  are rejected.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Annotated, Any, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import BaseModel, ConfigDict, Field
from vbvr_core.contract import Point, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    Stage,
    color_distance,
    distinct_colors,
    draw_arrow,
    draw_text,
    new_canvas,
    text_size,
    to_frame,
)
from vbvr_core.draw.canvas import RGB
from vbvr_core.families.rotation.draw import self_overlap, turned_sprite, turning_outline
from vbvr_core.families.rotation.task import STATED_ANGLES, SteadyTurnGenerator, signed_turn, stated_multiple
from vbvr_core.pipeline.generator import Reject

from vbvr_o85_2d_object_rotation.plugin import TASK

SHAPES = ("triangle", "square", "pentagon", "star", "ellipse", "arrow", "irregular")
# Rotational symmetry order of each kind: it looks the same after 360/order degrees.
SYMMETRY = {"triangle": 3, "square": 4, "pentagon": 5, "star": 5, "ellipse": 2, "arrow": 1, "irregular": 1}
OUTLINE = (30, 30, 30)
OUTLINE_WIDTH = 3
INDICATOR = (70, 70, 70)
TITLE_BAND = 64
# Least visible difference (degrees, modulo the symmetry period) between start and end states.
MIN_VISIBLE_TURN = 10
# Largest overlap (IoU) of a shape with itself turned by 10°: rounder shapes hide how far they turned.
MAX_SELF_OVERLAP = 0.91
# Largest overlap of a shape meant to have no symmetry with itself turned by 1/k of a turn (k = 2..6).
MAX_HIDDEN_SYMMETRY = 0.8


class Params(TaskParams):
    """O-85's parameter space: more shapes and a finer angle grain as the difficulty grows."""

    num_objects: Annotated[int, Strata((1, 1), (1, 2), (3, 4))] = Field(
        2, ge=1, le=4, description="number of shapes, each turning about its own centre")
    degrees: int = Field(90, ge=15, le=270, description=(
        "angle of the turn, in degrees; drawn in multiples of 45° up to 180° (easy), of 15° up to 180° (medium), "
        "of 5° up to 270° (hard)"))
    direction: Annotated[Literal["clockwise", "counterclockwise"], Uniform()] = Field(
        "clockwise", description="sense of the turn")
    size: Annotated[float, Uniform(0.65, 1.0)] = Field(
        0.8, ge=0.6, le=1.0, description="shape size as a share of the largest that fits its cell")
    background: BackgroundIndex = 0
    rotation_frames: Annotated[int, Uniform(32, 48)] = Field(40, ge=30, le=72, description="video frames the turn takes")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The angle, in the stratum's step (:data:`~vbvr_core.families.rotation.task.STATED_ANGLES`) from 15° to its
        largest angle."""
        return {"degrees": stated_multiple(rng, STATED_ANGLES, values["difficulty"], 15), **values}


class Shape(BaseModel):
    """One turning shape: its kind and fill, where it turns, its outline at the start, how it is drawn."""

    model_config = ConfigDict(frozen=True)

    kind: str
    color: RGB
    color_name: str
    center: Point
    radius: float
    vertices: tuple[Point, ...]
    symmetry: int
    outline_width: int
    sprite_side: int


class Solution(TaskSolution):
    """The shapes and the signed turn (degrees, clockwise positive) every one of them makes."""

    objects: list[Shape]
    signed_degrees: int


def cell_centers(count: int) -> tuple[list[Point], float]:
    """Centres of the cells that hold ``count`` shapes below the title band, and the cells' smaller side."""
    height = 512 - TITLE_BAND
    rows = [TITLE_BAND + height / 2] if count <= 2 else [TITLE_BAND + height / 4, TITLE_BAND + 3 * height / 4]
    columns = [256.0] if count == 1 else [128.0, 384.0]
    return [(x, y) for y in rows for x in columns][:count], min(512 / len(columns), height / len(rows))


def arc_radius(shape_radius: float) -> float:
    """Radius of the curved arrow drawn around a shape of nominal ``shape_radius`` (clear of its outline)."""
    return 1.25 * shape_radius + 10


def shape_problem(shape: Shape, degrees: int, background: RGB) -> str | None:
    """Why ``shape`` turned by ``degrees`` cannot be judged from the picture (the turn hides in its symmetry,
    its indicator leaves its area, its fill blends with the background), or None."""
    period = 360 / shape.symmetry
    residue = degrees % period
    if min(residue, period - residue) < MIN_VISIBLE_TURN:
        return f"ambiguous: a {shape.kind} turned by {degrees}° looks (almost) as it started (it repeats every {period:g}°)"
    if self_overlap(shape.vertices) > MAX_SELF_OVERLAP:
        return f"ambiguous: the {shape.kind} is so nearly round that its turn is hard to see"
    if shape.symmetry == 1 and any(self_overlap(shape.vertices, 360 / order) > MAX_HIDDEN_SYMMETRY for order in range(2, 7)):
        return f"ambiguous: the {shape.kind} looks almost the same after a part of a turn"
    reach = arc_radius(shape.radius) + 18 + text_size(f"{degrees}°", 16)[0] / 2 + 2
    cx, cy = shape.center
    if cx - reach < 0 or cx + reach > 512 or cy - reach < TITLE_BAND - 8 or cy + reach > 512:
        return f"the indicator of the {shape.kind} at {shape.center} leaves its area"
    if color_distance(shape.color, background) < 80:
        return f"the {shape.color_name} fill is too close to the background"
    return None


def scene_stage(params: Params, objects: list[Shape]) -> Stage:
    """The static scene: title, and around each shape a curved arrow with the angle; shapes are sprites."""
    canvas = new_canvas(BACKGROUNDS[params.background])
    draw = ImageDraw.Draw(canvas)
    draw_text(draw, (256, TITLE_BAND / 2), f"{params.direction.capitalize()} rotation {params.degrees}°", 26,
              fill=(20, 20, 20), bold=True)
    sign = 1 if params.direction == "clockwise" else -1
    sweep = sign * params.degrees
    # The arc runs from 12 o'clock through the turn; the arrow head sits at its end, the angle at its middle.
    start, end = sorted((-90.0, -90.0 + sweep))
    tip, middle = math.radians(-90.0 + sweep), math.radians(-90.0 + sweep / 2)
    tx, ty = -math.sin(tip) * sign, math.cos(tip) * sign
    for obj in objects:
        (cx, cy), r = obj.center, arc_radius(obj.radius)
        draw.arc([cx - r, cy - r, cx + r, cy + r], start=start, end=end, fill=INDICATOR, width=3)
        px, py = cx + r * math.cos(tip), cy + r * math.sin(tip)
        draw_arrow(draw, (px - 14 * tx, py - 14 * ty), (px + 4 * tx, py + 4 * ty), INDICATOR, width=3,
                   head_length=12, head_width=12)
        draw_text(draw, (cx + (r + 18) * math.cos(middle), cy + (r + 18) * math.sin(middle)), f"{params.degrees}°", 16,
                  fill=(20, 20, 20))
    return Stage(to_frame(canvas))


class ObjectRotationGenerator(SteadyTurnGenerator, task=TASK, params=Params, solution=Solution):
    """Draws shapes with turn indicators and the video of their uniform turn."""

    frames_param = "rotation_frames"

    def solve(self) -> Solution:
        """Place the shapes (rejecting one whose turn could not be seen) and sign the turn every one makes."""
        p = self.params
        centers, cell_side = cell_centers(p.num_objects)
        radius = round(p.size * (cell_side / 2 - 36) / (1.25 * 1.25 + 0.1), 2)
        colors = distinct_colors(self.rng, p.num_objects, exclude=("white", "black", "gray", "light_gray"))
        objects = []
        for (cx, cy), color in zip(centers, colors, strict=True):
            kind = SHAPES[int(self.rng.integers(0, len(SHAPES)))]
            jitter = self.rng.uniform(-8, 8, 2)
            shape = Shape(kind=kind, color=PALETTE[color], color_name=color,
                          center=(round(cx + float(jitter[0]), 1), round(cy + float(jitter[1]), 1)), radius=radius,
                          vertices=tuple(turning_outline(kind, radius, self.rng)), symmetry=SYMMETRY[kind],
                          outline_width=OUTLINE_WIDTH, sprite_side=int(2 * 1.3 * radius + 8))
            problem = shape_problem(shape, p.degrees, BACKGROUNDS[p.background])
            if problem:
                raise Reject(problem)
            objects.append(shape)
        return Solution(objects=objects, signed_degrees=signed_turn(p.degrees, p.direction))

    def frame_at(self, solution: Solution) -> Callable[[float], np.ndarray]:
        """The scene with its indicators, every shape turned by a given angle (degrees, clockwise positive) about its
        centre."""
        stage, objects = scene_stage(self.params, solution.objects), solution.objects
        return lambda angle: stage.frame([(turned_sprite(obj.vertices, angle, obj.sprite_side, obj.color, OUTLINE,
                                                         obj.outline_width), obj.center) for obj in objects])

    def prompt(self, solution: Solution) -> str:
        """The turn to make, as the title and the arrows state it."""
        p, count = self.params, self.params.num_objects
        return (
            f"Rotate {'the shape' if count == 1 else f'each of the {count} shapes'} about "
            f"{'its' if count == 1 else 'its own'} centre by {p.degrees} degrees {p.direction}, as the curved "
            f"arrow{'' if count == 1 else 's'} show{'s' if count == 1 else ''}, turning at a steady speed. "
            f"The shape{'' if count == 1 else 's'} must not move, resize or change colour."
        )
