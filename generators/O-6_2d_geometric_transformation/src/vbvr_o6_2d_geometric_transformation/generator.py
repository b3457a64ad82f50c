"""O-6 2d_geometric_transformation: turn a shape about a marked point (not its own centre) onto a dashed outline.

Parameters → draw → solve → render → prompt:

- one coloured shape (triangle, square, pentagon, star, arrow, irregular polygon) with a dark outline, a black
  pivot point ``pivot_distance`` shape radii from the shape's centre, and the shape's dashed grey outline where the
  turn about the pivot puts it — the official evaluator's coloured shape, marked centre and dashed target outline;
- a title states the angle and the direction; the solution turns the shape rigidly about the pivot by that signed
  angle (clockwise positive on screen), at a steady speed, so its centre sweeps an arc around the pivot;
- instances whose orbit leaves the picture, whose target overlaps the start too much, or whose fill is too close
  to the background are rejected.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Annotated, Any, Literal

import cv2
import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    Sprite,
    Stage,
    color_distance,
    distinct_colors,
    draw_disc,
    draw_text,
    new_canvas,
    paste,
    text_size,
    to_frame,
)
from vbvr_core.draw.canvas import RGB
from vbvr_core.families.rotation.draw import rotate_points, self_overlap, turned_sprite, turning_outline
from vbvr_core.families.rotation.task import STATED_ANGLES, SteadyTurnGenerator, signed_turn
from vbvr_core.pipeline.generator import Reject

from vbvr_o6_2d_geometric_transformation.plugin import TASK

SHAPES = ("triangle", "square", "pentagon", "star", "arrow", "irregular")
OUTLINE = (30, 30, 30)
OUTLINE_WIDTH = 3
TARGET = (120, 120, 120)
PIVOT = (0, 0, 0)
TITLE_BAND = 56
MARGIN = 10
MAX_START_TARGET_OVERLAP = 0.35


class Params(TaskParams):
    """O-6's parameter space: a finer angle grain, a pivot closer to the shape and smaller shapes as it gets harder."""

    degrees: int = Field(90, ge=30, le=270, description=(
        "angle of the turn, in degrees; drawn in multiples of 45° from 45° to 180° (easy), of 15° from 45° to 180° "
        "(medium), of 5° from 30° to 270° (hard), never 180° exactly"))
    direction: Annotated[Literal["clockwise", "counterclockwise"], Uniform()] = Field(
        "clockwise", description="sense of the turn")
    radius: Annotated[int, Strata((44, 54), (38, 48), (32, 42))] = Field(
        44, ge=30, le=56, description="shape size: its nominal radius in pixels")
    pivot_distance: Annotated[float, Strata((1.6, 2.2), (1.2, 1.8), (0.8, 1.4))] = Field(
        1.5, ge=0.8, le=2.2, description="distance from the shape's centre to the pivot, in shape radii")
    background: BackgroundIndex = 0
    turn_frames: Annotated[int, Uniform(24, 28)] = Field(26, ge=24, le=72, description="video frames the turn takes")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The angle, in the stratum's step (:data:`~vbvr_core.families.rotation.task.STATED_ANGLES`) from 45° (30° in
        the hard stratum) to its largest angle, 180° itself left out: both ways round would look alike."""
        step, largest = STATED_ANGLES[values["difficulty"]]
        least = 30 if values["difficulty"] == 2 else 45
        choices = [a for a in range(least, largest + 1, step) if a != 180]
        return {"degrees": int(choices[int(rng.integers(0, len(choices)))]), **values}


class Solution(TaskSolution):
    """The shape (outline around the pivot at the start), the pivot, and the signed turn about it."""

    kind: str
    color: RGB
    color_name: str
    pivot: Point
    vertices: tuple[Point, ...]  # relative to the pivot
    radius: float
    sprite_side: int
    outline_width: int
    signed_degrees: int


def polygon_mask(points, size: int = 512) -> np.ndarray:
    """A boolean mask of the polygon ``points`` on the canvas."""
    mask = np.zeros((size, size), dtype=np.uint8)
    cv2.fillPoly(mask, [np.round(np.asarray(points) * 4).astype(np.int32)], 1, shift=2)
    return mask.astype(bool)


def dashed_polygon(draw: ImageDraw.ImageDraw, points, color, width: int = 3, dash: float = 10.0, gap: float = 7.0) -> None:
    """The closed polygon ``points`` as a dashed line."""
    closed = list(points) + [points[0]]
    carry = 0.0
    for (x0, y0), (x1, y1) in zip(closed, closed[1:], strict=False):
        length = math.hypot(x1 - x0, y1 - y0)
        at = -carry
        while at < length:
            start, end = max(at, 0.0), min(at + dash, length)
            if end > start:
                draw.line([(x0 + (x1 - x0) * start / length, y0 + (y1 - y0) * start / length),
                           (x0 + (x1 - x0) * end / length, y0 + (y1 - y0) * end / length)], fill=color, width=width)
            at += dash + gap
        carry = at - length


def placed(solution: Solution, angle: float) -> list[Point]:
    """The shape's vertices on the canvas after turning ``angle`` degrees (clockwise positive) about the pivot."""
    px, py = solution.pivot
    return [(px + x, py + y) for x, y in rotate_points(solution.vertices, (0.0, 0.0), angle)]


def scene_stage(params: Params, solution: Solution) -> Stage:
    """The static scene: the title, the dashed target outline and the pivot; the shape is a sprite."""
    canvas = new_canvas(BACKGROUNDS[params.background])
    draw = ImageDraw.Draw(canvas)
    title = f"Rotate {params.degrees}° {params.direction} about the point"
    size = next(s for s in (24, 22, 20, 18, 16) if text_size(title, s, bold=True)[0] <= 480)
    draw_text(draw, (256, TITLE_BAND / 2), title, size, fill=(20, 20, 20), bold=True)
    dashed_polygon(draw, placed(solution, solution.signed_degrees), TARGET)
    return Stage(to_frame(canvas))


def turned_frame(stage: Stage, solution: Solution, angle: float) -> np.ndarray:
    """The scene with the shape turned by ``angle`` about the pivot, and the pivot drawn on top.

    Drawn without a blend or a Pillow round trip, to the same pixels: the shape is a polygon without antialiasing
    (alpha 0 or 255), so pasting it is copying its opaque pixels (:func:`vbvr_core.draw.paste`), and the pivot's disc
    replaces a fixed set of pixels whatever lies beneath (:func:`pivot_mark`)."""
    frame = stage.background.copy()
    sprite = turned_sprite(solution.vertices, angle, solution.sprite_side, solution.color, OUTLINE,
                           solution.outline_width)
    paste(frame, *inked(sprite, solution.pivot))
    box, covered, pixels = pivot_mark(tuple(solution.pivot))
    frame[box][covered] = pixels
    return frame


def inked(sprite: Sprite, center: Point) -> tuple[Sprite, Point]:
    """``sprite`` cut to the box of its non-transparent pixels, and the centre that pastes that box where it lay in
    ``sprite`` pasted at ``center``: the same pixels (a transparent pixel leaves the frame as it is), several times
    fewer to blend (the shape fills little of its square sprite, sized for its whole orbit)."""
    alpha = sprite.rgba[..., 3]
    rows, cols = np.flatnonzero(alpha.any(axis=1)), np.flatnonzero(alpha.any(axis=0))
    if not len(rows):
        return sprite, center
    height, width = alpha.shape
    x0, y0 = int(round(center[0] - width / 2)), int(round(center[1] - height / 2))
    cut = sprite.rgba[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    return Sprite(cut), (x0 + int(cols[0]) + cut.shape[1] / 2, y0 + int(rows[0]) + cut.shape[0] / 2)


@lru_cache(maxsize=64)
def pivot_mark(pivot: tuple[float, float]) -> tuple[tuple[slice, slice], np.ndarray, np.ndarray]:
    """(box, covered, pixels): the frame's box around the pivot, the mask of the pixels in it that the pivot's disc
    (``draw_disc``, radius 6, white rim) sets, and their colours. Pillow draws it without antialiasing, so it sets
    the same pixels to the same colours whatever lies beneath: found as the pixels that come out alike when it is
    drawn on black and on white."""
    drawn = []
    for shade in (0, 255):
        image = Image.new("RGB", (512, 512), (shade, shade, shade))
        draw_disc(ImageDraw.Draw(image), pivot, 6, fill=PIVOT, outline=(255, 255, 255), width=2)
        drawn.append(np.asarray(image))
    ys, xs = np.nonzero((drawn[0] == drawn[1]).all(axis=2))
    box = (slice(int(ys.min()), int(ys.max()) + 1), slice(int(xs.min()), int(xs.max()) + 1))
    covered = (drawn[0][box] == drawn[1][box]).all(axis=2)
    return box, covered, drawn[0][box][covered]


class GeometricTransformationGenerator(SteadyTurnGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a shape, a pivot and the dashed target, and the shape's turn about the pivot onto the target."""

    frames_param = "turn_frames"
    hold_frames = 6  # a quarter of a second at each end

    def solve(self) -> Solution:
        """Place the shape and pivot so the whole orbit fits (rejecting a target overlapping the start)."""
        p = self.params
        kind = SHAPES[int(self.rng.integers(0, len(SHAPES)))]
        color_name = distinct_colors(self.rng, 1, exclude=("white", "black", "gray", "light_gray"))[0]
        outline = turning_outline(kind, float(p.radius), self.rng, least=0.55, random_start=True)
        if self_overlap(outline) > 0.93:
            raise Reject(f"ambiguous: the {kind} is nearly round")
        heading = float(self.rng.uniform(0, 2 * math.pi))
        offset = (p.pivot_distance * p.radius * math.cos(heading), p.pivot_distance * p.radius * math.sin(heading))
        reach = max(math.hypot(x + offset[0], y + offset[1]) for x, y in outline)
        low, high = reach + MARGIN + 8, 512 - reach - MARGIN - 8
        top = TITLE_BAND + reach + MARGIN
        if low > high or top > high:
            raise Reject("out of bounds: the orbit does not fit the picture")
        pivot = (round(float(self.rng.uniform(low, high)), 1), round(float(self.rng.uniform(top, high)), 1))
        vertices = tuple((round(x + offset[0], 2), round(y + offset[1], 2)) for x, y in outline)
        signed = signed_turn(p.degrees, p.direction)
        solution = Solution(kind=kind, color=PALETTE[color_name], color_name=color_name, pivot=pivot, vertices=vertices,
                            radius=float(p.radius), sprite_side=int(2 * reach + 12), outline_width=OUTLINE_WIDTH,
                            signed_degrees=signed)
        if color_distance(solution.color, BACKGROUNDS[p.background]) < 80:
            raise Reject(f"illegible: the {color_name} fill is too close to the background")
        start, end = polygon_mask(placed(solution, 0.0)), polygon_mask(placed(solution, signed))
        overlap = float((start & end).sum() / (start | end).sum())
        if overlap > MAX_START_TARGET_OVERLAP:
            raise Reject(f"trivial: the target outline overlaps the shape ({overlap:.0%})")
        return solution

    def frame_at(self, solution: Solution) -> Callable[[float], np.ndarray]:
        """The title, the dashed target and the pivot, the shape turned about the pivot by a given angle."""
        return partial(turned_frame, scene_stage(self.params, solution), solution)

    def prompt(self, solution: Solution) -> str:
        """The turn to make, about the point and onto the outline."""
        p, kind = self.params, solution.kind
        return (
            f"Rotate the {solution.color_name} {kind if kind != 'irregular' else 'shape'} by {p.degrees} degrees "
            f"{p.direction} about the black point (not about its own centre), turning it rigidly at a steady speed so "
            "that it sweeps around the point and ends exactly on the dashed outline. The point and the outline stay "
            "where they are; the shape keeps its size and colour."
        )
