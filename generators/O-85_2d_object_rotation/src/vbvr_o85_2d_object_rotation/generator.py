"""O-85 2d_object_rotation: every shape turns about its own centre by the stated angle and direction.

Parameters → draw → solve → render → prompt:

- ``num_objects`` shapes (triangle, square, pentagon, star, ellipse, arrow, irregular polygon), each
  in its own cell of a 1×1, 1×2 or 2×2 layout, each with a curved arrow showing the turn and its angle;
- a title states the direction and the angle (as the original generator's frames do);
- the solution is the signed angle (clockwise positive on screen) by which every shape turns; the video
  turns all shapes at a uniform speed over ``rotation_frames`` frames, the centres fixed;
- ``validate`` rejects angles that leave a symmetric shape looking (almost) unchanged — a square turned
  by 90° or a triangle by 115° — since the end state would not show whether the turn happened.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import cv2
import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import (
    PALETTE,
    Stage,
    color_distance,
    distinct_colors,
    draw_arrow,
    draw_text,
    new_canvas,
    shape_points,
    text_size,
    to_frame,
)
from vbvr_core.families.rotation.draw import polygon_sprite, rotate_points
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o85_2d_object_rotation.plugin import INFO

SHAPES = ("triangle", "square", "pentagon", "star", "ellipse", "arrow", "irregular")
# Rotational symmetry order of each kind: it looks the same after 360/order degrees.
SYMMETRY = {"triangle": 3, "square": 4, "pentagon": 5, "star": 5, "ellipse": 2, "arrow": 1, "irregular": 1}
BACKGROUNDS = [(255, 255, 255), (250, 248, 240), (240, 244, 248), (246, 246, 246)]
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
# Difficulty strata: (object count range, angle step, largest angle).
STRATA = {0: ((1, 1), 45, 180), 1: ((1, 2), 15, 180), 2: ((3, 4), 5, 270)}


class Params(TaskParams):
    """O-85's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    num_objects: int = Field(2, ge=1, le=4, description="number of shapes, each turning about its own centre")
    degrees: int = Field(90, ge=15, le=270, description="angle of the turn, in degrees")
    direction: Literal["clockwise", "counterclockwise"] = Field("clockwise", description="sense of the turn")
    size: float = Field(0.8, ge=0.6, le=1.0, description="shape size as a share of the largest that fits its cell")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    rotation_frames: int = Field(40, ge=30, le=72, description="video frames the turn takes")


def _centred(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """``points`` shifted so the polygon's area centroid is the origin (the centre it turns about)."""
    xs, ys = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    cross = xs * np.roll(ys, -1) - np.roll(xs, -1) * ys
    area = cross.sum() / 2
    cx = ((xs + np.roll(xs, -1)) * cross).sum() / (6 * area)
    cy = ((ys + np.roll(ys, -1)) * cross).sum() / (6 * area)
    return [(round(float(x - cx), 2), round(float(y - cy), 2)) for x, y in points]


def shape_outline(kind: str, radius: float, rng: np.random.Generator) -> list[tuple[float, float]]:
    """Vertices of a ``kind`` shape of nominal ``radius`` around its centroid, at its start orientation.

    Every kind stays within 1.25 × ``radius`` of its centre; ``rng`` shapes the irregular polygon only.
    """
    if kind == "ellipse":
        points = [(radius * 1.15 * math.cos(a), radius * 0.6 * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 40, endpoint=False)]
    elif kind == "arrow":
        r = radius
        points = [(-1.1 * r, -0.3 * r), (0.3 * r, -0.3 * r), (0.3 * r, -0.75 * r), (1.1 * r, 0.0),
                  (0.3 * r, 0.75 * r), (0.3 * r, 0.3 * r), (-1.1 * r, 0.3 * r)]
    elif kind == "irregular":
        count = int(rng.integers(4, 7))
        angles = 2 * math.pi * (np.arange(count) + rng.uniform(-0.25, 0.25, count)) / count
        radii = rng.uniform(0.5, 1.1, count) * radius
        points = [(float(rr * math.cos(a)), float(rr * math.sin(a))) for rr, a in zip(radii, angles, strict=True)]
    else:
        points = shape_points(kind, (0.0, 0.0), radius)
    return _centred(points)


def cell_centers(count: int) -> tuple[list[tuple[float, float]], float]:
    """Centres of the cells that hold ``count`` shapes below the title band, and the cells' smaller side."""
    height = 512 - TITLE_BAND
    if count == 1:
        return [(256.0, TITLE_BAND + height / 2)], height
    if count == 2:
        return [(128.0, TITLE_BAND + height / 2), (384.0, TITLE_BAND + height / 2)], 256.0
    rows = [TITLE_BAND + height / 4, TITLE_BAND + 3 * height / 4]
    return [(x, y) for y in rows for x in (128.0, 384.0)][:count], height / 2


def self_overlap(vertices, degrees: float = 10.0) -> float:
    """IoU of the polygon ``vertices`` with itself turned by ``degrees`` about the origin (rasterised at 4×)."""
    scale = 4.0
    points = np.asarray(vertices, dtype=np.float64)
    reach = float(np.abs(points).max()) * scale + 4
    side = int(2 * reach) + 1
    masks = []
    for turned in (points, np.asarray(rotate_points([tuple(v) for v in vertices], (0.0, 0.0), degrees))):
        mask = np.zeros((side, side), dtype=np.uint8)
        cv2.fillPoly(mask, [np.round(turned * scale + reach).astype(np.int32)], 1)
        masks.append(mask.astype(bool))
    return float((masks[0] & masks[1]).sum() / (masks[0] | masks[1]).sum())


def arc_radius(shape_radius: float) -> float:
    """Radius of the curved arrow drawn around a shape of nominal ``shape_radius`` (clear of its outline)."""
    return 1.25 * shape_radius + 10


def scene_stage(params: Params, objects: list[dict[str, Any]]) -> Stage:
    """The static scene: title, and around each shape a curved arrow with the angle; shapes are sprites."""
    canvas = new_canvas(BACKGROUNDS[params.background])
    draw = ImageDraw.Draw(canvas)
    draw_text(draw, (256, TITLE_BAND / 2), f"{params.direction.capitalize()} rotation {params.degrees}°", 26,
              fill=(20, 20, 20), bold=True)
    sign = 1 if params.direction == "clockwise" else -1
    sweep = sign * params.degrees
    for obj in objects:
        cx, cy = obj["center"]
        r = arc_radius(obj["radius"])
        start, end = sorted((-90.0, -90.0 + sweep))
        draw.arc([cx - r, cy - r, cx + r, cy + r], start=start, end=end, fill=INDICATOR, width=3)
        tip = math.radians(-90.0 + sweep)
        px, py = cx + r * math.cos(tip), cy + r * math.sin(tip)
        tx, ty = -math.sin(tip) * sign, math.cos(tip) * sign
        draw_arrow(draw, (px - 14 * tx, py - 14 * ty), (px + 4 * tx, py + 4 * ty), INDICATOR, width=3,
                   head_length=12, head_width=12)
        middle = math.radians(-90.0 + sweep / 2)
        label_r = r + 18
        draw_text(draw, (cx + label_r * math.cos(middle), cy + label_r * math.sin(middle)), f"{params.degrees}°", 16,
                  fill=(20, 20, 20))
    return Stage(to_frame(canvas))


def turned_frame(stage: Stage, objects: list[dict[str, Any]], angle: float) -> np.ndarray:
    """The scene with every shape turned by ``angle`` degrees (clockwise positive) about its centre."""
    placements = []
    for obj in objects:
        turned = rotate_points([tuple(v) for v in obj["vertices"]], (0.0, 0.0), angle)
        sprite = polygon_sprite(turned, obj["sprite_side"], tuple(obj["color"]), OUTLINE, obj["outline_width"])
        placements.append((sprite, tuple(obj["center"])))
    return stage.frame(placements)


class ObjectRotationGenerator(BaseGenerator):
    """Draws shapes with turn indicators and the video of their uniform turn."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Object count and angle grain from the stratum; direction, size, style and pace uniformly."""
        (count_lo, count_hi), step, largest = STRATA[difficulty]
        return {
            "num_objects": int(rng.integers(count_lo, count_hi + 1)),
            "degrees": int(step * rng.integers(math.ceil(15 / step), largest // step + 1)),
            "direction": ["clockwise", "counterclockwise"][int(rng.integers(0, 2))],
            "size": round(float(rng.uniform(0.65, 1.0)), 3),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "rotation_frames": int(rng.integers(32, 49)),
        }

    def generate(self) -> Sample:
        """Place the shapes, draw the indicators, and turn every shape by the signed angle."""
        p = self.params
        centers, cell_side = cell_centers(p.num_objects)
        radius = round(p.size * (cell_side / 2 - 36) / (1.25 * 1.25 + 0.1), 2)
        side = int(2 * 1.3 * radius + 8)
        colors = distinct_colors(self.rng, p.num_objects, exclude=("white", "black", "gray", "light_gray"))
        objects = []
        for (cx, cy), color in zip(centers, colors, strict=True):
            kind = SHAPES[int(self.rng.integers(0, len(SHAPES)))]
            jitter = self.rng.uniform(-8, 8, 2)
            objects.append({
                "kind": kind,
                "color": list(PALETTE[color]),
                "color_name": color,
                "center": [round(cx + float(jitter[0]), 1), round(cy + float(jitter[1]), 1)],
                "radius": radius,
                "vertices": [list(v) for v in shape_outline(kind, radius, self.rng)],
                "symmetry": SYMMETRY[kind],
                "outline_width": OUTLINE_WIDTH,
                "sprite_side": side,
            })
        signed = p.degrees if p.direction == "clockwise" else -p.degrees
        stage = scene_stage(p, objects)

        def trajectory():
            for k in range(p.rotation_frames + 1):
                yield turned_frame(stage, objects, signed * k / p.rotation_frames)

        count = p.num_objects
        prompt = (
            f"Rotate {'the shape' if count == 1 else f'each of the {count} shapes'} about "
            f"{'its' if count == 1 else 'its own'} centre by {p.degrees} degrees {p.direction}, as the curved "
            f"arrow{'' if count == 1 else 's'} show{'s' if count == 1 else ''}, turning at a steady speed. "
            f"The shape{'' if count == 1 else 's'} must not move, resize or change colour."
        )
        solution = {
            "objects": objects,
            "degrees": p.degrees,
            "direction": p.direction,
            "signed_degrees": signed,
            "rotation_frames": p.rotation_frames,
        }
        return Sample(first_frame=turned_frame(stage, objects, 0.0), final_frame=turned_frame(stage, objects, signed), prompt=prompt,
                      trajectory=trajectory, solution=solution, params=p)

    def validate(self, sample: Sample) -> list[str]:
        """Reject turns a symmetric shape hides, indicators leaving the canvas, and low-contrast fills."""
        problems = super().validate(sample)
        solution = sample.solution
        background = BACKGROUNDS[self.params.background]
        for obj in solution["objects"]:
            period = 360 / obj["symmetry"]
            residue = solution["degrees"] % period
            if min(residue, period - residue) < MIN_VISIBLE_TURN:
                problems.append(
                    f"ambiguous: a {obj['kind']} turned by {solution['degrees']}° looks (almost) as it started "
                    f"(it repeats every {period:g}°)"
                )
            if self_overlap(obj["vertices"]) > MAX_SELF_OVERLAP:
                problems.append(f"ambiguous: the {obj['kind']} is so nearly round that its turn is hard to see")
            if obj["symmetry"] == 1:
                for order in range(2, 7):
                    if self_overlap(obj["vertices"], 360 / order) > MAX_HIDDEN_SYMMETRY:
                        problems.append(f"ambiguous: the {obj['kind']} looks almost the same after 1/{order} of a turn")
                        break
            reach = arc_radius(obj["radius"]) + 18 + text_size(f"{solution['degrees']}°", 16)[0] / 2 + 2
            cx, cy = obj["center"]
            if cx - reach < 0 or cx + reach > 512 or cy - reach < TITLE_BAND - 8 or cy + reach > 512:
                problems.append(f"the indicator of the {obj['kind']} at {obj['center']} leaves its area")
            if color_distance(tuple(obj["color"]), background) < 80:
                problems.append(f"the {obj['color_name']} fill is too close to the background")
        return problems
