"""G-8 track_object_movement: the object ringed in green moves below the starred target, the ring with it.

Parameters → draw → solve → render → prompt:

- a green rectangle with a red star (the target) near the top; below it ``num_objects`` shapes, of
  which ``lookalikes`` share the tracked object's kind and colour; the tracked object wears a green
  square border;
- the solution: the tracked object slides horizontally, staying on its row, until it is directly below
  the target; the border moves with it; nothing else moves;
- ``validate`` rejects scenes where an object blocks the slide (occlusion), where another object
  already stands below the target or a look-alike ends where the tracked one does (ambiguous), slides
  too short to see, and overlapping objects.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import PALETTE, SHAPE_KINDS, Sprite, Stage, draw_shape, ease_in_out, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_g8_track_object_movement.plugin import INFO

BORDER_COLOR = PALETTE["green"]
STAR_COLOR = PALETTE["red"]
TARGET_FILL = (200, 238, 200)
OBJECT_COLORS = ("blue", "purple", "orange", "yellow", "cyan", "pink", "brown")  # no red: the target's star is red
BACKGROUNDS = [(255, 255, 255), (248, 248, 244), (244, 246, 250)]
TARGET_Y = 78
FIELD_TOP, FIELD_BOTTOM = 180, 470
BORDER_WIDTH = 4
MIN_SLIDE = 90
# Difficulty strata: (object count range, look-alike count range).
STRATA = {0: ((3, 4), (1, 1)), 1: ((4, 6), (1, 2)), 2: ((6, 8), (2, 3))}


class Params(TaskParams):
    """G-8's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    num_objects: int = Field(5, ge=2, le=8, description="objects below the target, the tracked one included")
    lookalikes: int = Field(1, ge=0, le=4, description="other objects with the tracked object's kind and colour")
    radius: int = Field(22, ge=16, le=28, description="object size (nominal radius, px)")
    target_x: int = Field(256, ge=60, le=452, description="horizontal position of the starred target")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    move_frames: int = Field(48, ge=30, le=66, description="video frames the slide takes")


def border_half(radius: float) -> float:
    """Half the side of the green border square around an object of nominal ``radius``."""
    return radius * 1.3 + 6


def object_sprite(kind: str, color: tuple[int, int, int], radius: int, bordered: bool) -> Sprite:
    """An object (optionally inside its green border) as a sprite centred on the object."""
    half = border_half(radius) + BORDER_WIDTH
    side = int(2 * half + 4)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    center = (side / 2, side / 2)
    draw_shape(draw, kind, center, radius, fill=color + (255,), outline=(30, 30, 30, 255), width=2)
    if bordered:
        b = border_half(radius)
        draw.rectangle([center[0] - b, center[1] - b, center[0] + b, center[1] + b], outline=BORDER_COLOR + (255,),
                       width=BORDER_WIDTH)
    return Sprite(np.asarray(image, dtype=np.uint8))


class TrackScene:
    """The static scene (target, resting objects) and the tracked object's sprite, from a solution."""

    def __init__(self, solution: dict[str, Any], background: tuple[int, int, int]):
        canvas = new_canvas(background)
        draw = ImageDraw.Draw(canvas)
        tx, ty = solution["target"]
        draw.rectangle([tx - 38, ty - 26, tx + 38, ty + 26], fill=TARGET_FILL, outline=BORDER_COLOR, width=4)
        draw_shape(draw, "star", (tx, ty), 15, fill=STAR_COLOR)
        radius = solution["radius"]
        for obj in solution["objects"][1:]:
            draw_shape(draw, obj["kind"], tuple(obj["center"]), radius, fill=tuple(obj["color"]), outline=(30, 30, 30),
                       width=2)
        self.stage = Stage(to_frame(canvas))
        tracked = solution["objects"][0]
        self.sprite = object_sprite(tracked["kind"], tuple(tracked["color"]), radius, bordered=True)
        self.start = tuple(tracked["center"])
        self.end = tuple(solution["end"])

    def frame(self, x: float) -> np.ndarray:
        """The scene with the tracked object (and its border) at horizontal position ``x``."""
        return self.stage.frame([(self.sprite, (x, self.start[1]))])


class TrackObjectMovementGenerator(BaseGenerator):
    """Draws the target, the objects and look-alikes, and the tracked object's slide below the target."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Object and look-alike counts from the stratum; size, target, style and pace uniformly."""
        (count_lo, count_hi), (like_lo, like_hi) = STRATA[difficulty]
        count = int(rng.integers(count_lo, count_hi + 1))
        return {
            "num_objects": count,
            "lookalikes": min(count - 1, int(rng.integers(like_lo, like_hi + 1))),
            "radius": int(rng.integers(18, 27)),
            "target_x": int(rng.integers(70, 443)),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "move_frames": int(rng.integers(36, 61)),
        }

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
        kinds = list(SHAPE_KINDS)
        tracked_kind = kinds[int(self.rng.integers(0, len(kinds)))]
        tracked_color = OBJECT_COLORS[int(self.rng.integers(0, len(OBJECT_COLORS)))]
        objects = []
        for k, center in enumerate(positions):
            if k <= p.lookalikes:
                kind, color = tracked_kind, tracked_color
            else:
                while True:
                    kind = kinds[int(self.rng.integers(0, len(kinds)))]
                    color = OBJECT_COLORS[int(self.rng.integers(0, len(OBJECT_COLORS)))]
                    if (kind, color) != (tracked_kind, tracked_color):
                        break
            objects.append({"kind": kind, "color": list(PALETTE[color]), "color_name": color, "center": list(center)})
        start = tuple(objects[0]["center"]) if objects else (float(p.target_x), float(FIELD_TOP))
        solution = {
            "target": [p.target_x, TARGET_Y],
            "radius": p.radius,
            "objects": objects,
            "end": [float(p.target_x), start[1]],
            "border_color": list(BORDER_COLOR),
            "border_half": border_half(p.radius),
            "field_top": FIELD_TOP,
            "move_frames": p.move_frames,
            "placed": len(positions),
        }
        scene = TrackScene(solution, BACKGROUNDS[p.background])

        def trajectory():
            for k in range(p.move_frames + 1):
                yield scene.frame(start[0] + (p.target_x - start[0]) * ease_in_out(k / p.move_frames))

        name = f"{tracked_color} {tracked_kind}"
        prompt = (
            f"The {name} ringed by the green border is the only object that moves. Slide it horizontally, "
            "staying on its row, until it sits directly below the green rectangle marked with a red star, and keep "
            f"the green border around it as it moves. The other objects, including the other {tracked_color} "
            f"{tracked_kind}{'s' if p.lookalikes > 1 else ''}, stay where they are."
            if p.lookalikes else
            f"The {name} ringed by the green border is the only object that moves. Slide it horizontally, staying on "
            "its row, until it sits directly below the green rectangle marked with a red star, and keep the green "
            "border around it as it moves. The other objects stay where they are."
        )
        return Sample(first_frame=scene.frame(start[0]), final_frame=scene.frame(float(p.target_x)), prompt=prompt,
                      trajectory=trajectory, solution=solution, params=p)

    def validate(self, sample: Sample) -> list[str]:
        """Reject crowded, blocked, ambiguous and too-short slides."""
        problems = super().validate(sample)
        solution = sample.solution
        p = self.params
        if solution["placed"] < p.num_objects:
            return problems + [f"cluttered: only {solution['placed']} of {p.num_objects} objects fit without overlap"]
        reach = border_half(p.radius) + BORDER_WIDTH
        (sx, sy), (ex, _) = solution["objects"][0]["center"], solution["end"]
        if abs(ex - sx) < MIN_SLIDE:
            problems.append(f"the slide of {abs(ex - sx):.0f} px is too short to see (needs {MIN_SLIDE})")
        low, high = min(sx, ex) - 2 * reach, max(sx, ex) + 2 * reach
        for obj in solution["objects"][1:]:
            ox, oy = obj["center"]
            if abs(oy - sy) < 2 * reach + 4 and low < ox < high:
                problems.append(f"occlusion: the {obj['color_name']} {obj['kind']} at ({ox:.0f}, {oy:.0f}) is in the "
                                "tracked object's way")
            if abs(ox - ex) < 1.5 * reach:
                problems.append(f"ambiguous: the {obj['color_name']} {obj['kind']} already stands below the target")
        return problems
