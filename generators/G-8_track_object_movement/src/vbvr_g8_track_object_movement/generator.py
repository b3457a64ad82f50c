"""G-8 track_object_movement: the object ringed in green moves below the starred target, the ring with it.

Parameters → draw → solve → render → prompt:

- a green rectangle with a red star (the target) near the top; below it ``num_objects`` shapes, of
  which ``lookalikes`` share the tracked object's kind and colour; the tracked object wears a green
  square border;
- the solution: the tracked object slides horizontally, staying on its row, until it is directly below
  the target; the border moves with it; nothing else moves;
- objects are placed out of the slide's corridor, out of the column below the target and apart from each
  other, the tracked one far enough from the target column; a field too crowded for that is rejected.
"""

from __future__ import annotations

from typing import Annotated, Any

from PIL import Image, ImageDraw
from pydantic import BaseModel, ConfigDict, Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    SHAPE_KINDS,
    BackgroundIndex,
    Sprite,
    Stage,
    draw_shape,
    interpolate_points,
    new_canvas,
    to_frame,
)
from vbvr_core.families.gridwalk.task import tracks_sample
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g8_track_object_movement.plugin import TASK

BORDER_COLOR = PALETTE["green"]  # the only green in the picture: the official evaluator takes it for the border
STAR_COLOR = PALETTE["red"]
TARGET_FILL = (200, 238, 200)
TARGET_OUTLINE = (70, 70, 70)
# No red and no pink: the official evaluator takes any red-hued blob (pink included) for the target's star.
OBJECT_COLORS = ("blue", "purple", "orange", "yellow", "cyan", "brown")
TARGET_Y = 78
FIELD_TOP, FIELD_BOTTOM = 180, 470
BORDER_WIDTH = 4
MIN_SLIDE = 90


class Params(TaskParams):
    """G-8's parameter space: more objects and more look-alikes with the difficulty stratum."""

    num_objects: Annotated[int, Strata((3, 4), (4, 6), (6, 8))] = Field(
        5, ge=2, le=8, description="objects below the target, the tracked one included")
    lookalikes: Annotated[int, Strata((1, 1), (1, 2), (2, 3))] = Field(
        1, ge=0, le=4, description="other objects with the tracked object's kind and colour (drawn: at most "
                                   "num_objects − 1)")
    radius: Annotated[int, Uniform(18, 26)] = Field(22, ge=16, le=28, description="object size (nominal radius, px)")
    target_x: Annotated[int, Uniform(70, 442)] = Field(
        256, ge=60, le=452, description="horizontal position of the starred target")
    background: BackgroundIndex = 0
    move_frames: Annotated[int, Uniform(36, 60)] = Field(48, ge=30, le=66, description="video frames the slide takes")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """A drawn look-alike count never exceeds the other objects there are."""
        if "lookalikes" in fixed:
            return values
        return {**values, "lookalikes": min(values["num_objects"] - 1, values["lookalikes"])}

    @model_validator(mode="after")
    def _lookalikes_fit(self) -> Params:
        if self.lookalikes > self.num_objects - 1:
            raise ValueError(f"lookalikes {self.lookalikes} exceeds the {self.num_objects - 1} other objects: "
                             "lower lookalikes or raise num_objects")
        return self


class SceneObject(BaseModel):
    """One object below the target: its kind, colour (and its name for reasons) and centre."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    color: tuple[int, int, int]
    color_name: str
    center: Point


class Solution(TaskSolution):
    """The target, the objects (the tracked one first) and where the tracked one ends, with the border's size."""

    target: Point
    radius: int
    objects: list[SceneObject]
    end: Point
    border_half: float
    field_top: int


def border_half(radius: float) -> float:
    """Half the side of the green border square around an object of nominal ``radius``."""
    return radius * 1.3 + 6


def track_scene(solution: Solution, background: tuple[int, int, int]) -> tuple[Stage, Sprite]:
    """The static scene (target, resting objects) as a stage, and the tracked object inside its green border as a
    sprite centred on the object."""
    canvas = new_canvas(background)
    draw = ImageDraw.Draw(canvas)
    tx, ty = solution.target
    draw.rectangle([tx - 38, ty - 26, tx + 38, ty + 26], fill=TARGET_FILL, outline=TARGET_OUTLINE, width=4)
    draw_shape(draw, "star", (tx, ty), 15, fill=STAR_COLOR)
    for obj in solution.objects[1:]:
        draw_shape(draw, obj.kind, obj.center, solution.radius, fill=obj.color, outline=(30, 30, 30), width=2)
    tracked = solution.objects[0]
    side = int(2 * (solution.border_half + BORDER_WIDTH) + 4)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c, b = side / 2, solution.border_half
    draw_shape(draw, tracked.kind, (c, c), solution.radius, fill=tracked.color + (255,), outline=(30, 30, 30, 255),
               width=2)
    draw.rectangle([c - b, c - b, c + b, c + b], outline=BORDER_COLOR + (255,), width=BORDER_WIDTH)
    return Stage(to_frame(canvas)), Sprite.from_image(image)


class TrackObjectMovementGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the target, the objects and look-alikes, and the tracked object's slide below the target."""

    def _positions(self, count: int, reach: float) -> list[tuple[float, float]]:
        """The tracked object's centre (far enough from the target column) and then the others', kept out
        of its slide corridor, out of the column below the target and apart from each other (rejection
        sampling; fewer than ``count`` when the field is too crowded)."""
        target_x = self.params.target_x
        positions: list[tuple[float, float]] = []
        for _ in range(600):
            if len(positions) == count:
                break
            x = float(self.rng.uniform(reach + 6, 512 - reach - 6))
            y = float(self.rng.uniform(FIELD_TOP + reach, FIELD_BOTTOM - reach))
            if not positions:
                if abs(x - target_x) >= MIN_SLIDE:
                    positions.append((round(x, 1), round(y, 1)))
                continue
            (sx, sy) = positions[0]
            in_corridor = abs(y - sy) < 2 * reach + 6 and min(sx, target_x) - 2 * reach < x < max(sx, target_x) + 2 * reach
            in_column = abs(x - target_x) < 1.5 * reach + 4
            apart = all(abs(x - px) > 2 * reach + 6 or abs(y - py) > 2 * reach + 6 for px, py in positions)
            if apart and not in_corridor and not in_column:
                positions.append((round(x, 1), round(y, 1)))
        return positions

    def generate(self) -> Sample:
        """Place target and objects, solve the end point, render the slide."""
        p = self.params
        reach = border_half(p.radius) + BORDER_WIDTH
        positions = self._positions(p.num_objects, reach)
        if len(positions) < p.num_objects:
            raise Reject(f"cluttered: only {len(positions)} of {p.num_objects} objects fit without overlap")
        tracked_kind, tracked_color = str(self.rng.choice(SHAPE_KINDS)), str(self.rng.choice(OBJECT_COLORS))
        objects = []
        for k, center in enumerate(positions):
            kind, color = tracked_kind, tracked_color
            while k > p.lookalikes and (kind, color) == (tracked_kind, tracked_color):  # not a look-alike
                kind, color = str(self.rng.choice(SHAPE_KINDS)), str(self.rng.choice(OBJECT_COLORS))
            objects.append(SceneObject(kind=kind, color=PALETTE[color], color_name=color, center=center))
        start = objects[0].center
        solution = Solution(target=(p.target_x, TARGET_Y), radius=p.radius, objects=objects,
                            end=(float(p.target_x), start[1]), border_half=border_half(p.radius), field_top=FIELD_TOP)
        stage, sprite = track_scene(solution, BACKGROUNDS[p.background])
        others = (f"The other objects, including the other {tracked_color} {tracked_kind}{'s' if p.lookalikes > 1 else ''},"
                  if p.lookalikes else "The other objects")
        prompt = (
            f"The {tracked_color} {tracked_kind} ringed by the green border is the only object that moves. Slide it "
            "horizontally, staying on its row, until it sits directly below the green rectangle marked with a red "
            f"star, and keep the green border around it as it moves. {others} stay where they are."
        )
        slide = [(sprite, interpolate_points([start, solution.end], p.move_frames))]
        return tracks_sample(stage, slide, prompt=prompt, solution=solution, params=p)
