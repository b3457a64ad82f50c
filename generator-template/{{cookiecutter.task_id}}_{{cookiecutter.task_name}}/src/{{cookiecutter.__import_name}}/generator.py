"""{{ cookiecutter.__key }}: slide the blue dot in a straight line into the red ring.

Parameters → draw → solve → render → prompt:

- a blue dot of radius ``dot_radius`` and a red ring (the target) ``min_distance`` to
  ``min_distance + 120`` pixels away, in any direction;
- ``distractors`` still dots of other colours, so the model must move the right one;
- the solution is the straight segment from the dot to the ring's centre; an instance where a mark
  leaves the canvas, marks overlap, or a distractor lies on the way is rejected and redrawn;
- the video slides the dot along the segment in ``motion_frames`` frames (eased).

This is the template's demo task: replace the drawing, solving and prompt with your task's, and keep the
shape: Params (bounds and draws on the fields) → Solution (what the scorer reads) → generate (raise
``Reject`` for an unusable instance).
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    Sprite,
    Stage,
    distinct_colors,
    draw_disc,
    interpolate_points,
    new_canvas,
    to_frame,
)
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from {{ cookiecutter.__import_name }}.plugin import TASK

DOT_COLOR = PALETTE["blue"]
RING_COLOR = PALETTE["red"]
OUTLINE_COLOR = (40, 40, 40)
# Colours a distractor may take: far from the dot's blue and the ring's red, visible on every background.
DISTRACTOR_EXCLUDE = ("white", "black", "light_gray", "blue", "red")
RING_GAP = 10  # the ring's radius exceeds the dot's by this many pixels
RING_WIDTH = 5
DISTANCE_SPREAD = 120


class Params(TaskParams):
    """The parameter space: smaller dots, more clutter and longer slides as the difficulty grows."""

    dot_radius: Annotated[int, Strata((26, 32), (18, 26), (12, 18))] = Field(
        24, ge=12, le=32, description="radius of the moving dot in pixels"
    )
    distractors: Annotated[int, Strata((0, 1), (1, 3), (3, 5))] = Field(
        2, ge=0, le=5, description="still dots of other colours"
    )
    min_distance: Annotated[int, Strata((120, 160), (150, 200), (180, 240))] = Field(
        160, ge=120, le=240, description="least distance in pixels from the dot to the target"
    )
    motion_frames: Annotated[int, Uniform(24, 48)] = Field(36, ge=24, le=60, description="video frames of the motion")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index"
    )


class Solution(TaskSolution):
    """Where the dot starts and must end, the mark sizes, and the still distractors (x, y, colour name)."""

    start: Point
    target: Point
    dot_radius: int
    ring_radius: int
    dot_color: tuple[int, int, int]
    distractors: list[tuple[float, float, str]]


def layout_problem(
    start: Point, target: Point, dot_radius: int, ring_radius: int, distractors: list[tuple[float, float, str]]
) -> str | None:
    """Why a layout cannot be used (a mark off the canvas, two marks overlapping, a distractor on the way), or None."""
    if not all(ring_radius <= value <= FRAME_SIZE - ring_radius for value in target):
        return f"out of bounds: the target ring at {tuple(target)} leaves the canvas"
    begin, end = np.asarray(start), np.asarray(target)
    marks = [("the dot", begin, dot_radius), ("the target", end, ring_radius)]
    marks += [(f"distractor {name}", np.asarray([x, y]), dot_radius) for x, y, name in distractors]
    for k, (name_a, a, radius_a) in enumerate(marks):
        for name_b, b, radius_b in marks[k + 1 :]:
            if np.linalg.norm(a - b) < radius_a + radius_b + 4:
                return f"occlusion: {name_a} and {name_b} overlap"
    length = float(np.linalg.norm(end - begin))
    direction = (end - begin) / max(1e-9, length)
    for x, y, name in distractors:
        offset = np.asarray([x, y]) - begin
        along, across = float(offset @ direction), abs(float(offset[0] * direction[1] - offset[1] * direction[0]))
        if 0 <= along <= length and across < 2 * dot_radius + 4:
            return f"occlusion: distractor {name} lies on the dot's way to the target"
    return None


class {{ cookiecutter.__class_name }}(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a dot, a target ring and distractors, and the dot's straight slide into the ring."""

    def _point(self, margin: float) -> Point:
        x, y = self.rng.integers(int(margin), int(FRAME_SIZE - margin), size=2)
        return float(x), float(y)

    @staticmethod
    def _target(start: Point, distance: float, angle: float) -> Point:
        return (round(start[0] + distance * math.cos(angle), 1), round(start[1] + distance * math.sin(angle), 1))

    def generate(self) -> Sample:
        """Place dot, target and distractors; the solution is the straight segment; render the slide."""
        p = self.params
        ring_radius = p.dot_radius + RING_GAP
        start = self._point(ring_radius)
        distance = p.min_distance + float(self.rng.uniform(0, DISTANCE_SPREAD))
        angle = float(self.rng.uniform(0, 2 * math.pi))
        target = self._target(start, distance, angle)
        if not all(ring_radius <= value <= FRAME_SIZE - ring_radius for value in target):
            target = self._target(start, distance, angle + math.pi)  # the other way may fit
        colors = distinct_colors(self.rng, p.distractors, exclude=DISTRACTOR_EXCLUDE)
        distractors = [(*self._point(p.dot_radius), name) for name in colors]
        problem = layout_problem(start, target, p.dot_radius, ring_radius, distractors)
        if problem:
            raise Reject(problem)

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        draw_disc(draw, target, ring_radius, fill=None, outline=RING_COLOR, width=RING_WIDTH)
        for x, y, name in distractors:
            draw_disc(draw, (x, y), p.dot_radius, fill=PALETTE[name], outline=OUTLINE_COLOR, width=2)
        stage = Stage(to_frame(canvas))
        dot = self._dot_sprite(p.dot_radius)
        path = interpolate_points([start, target], p.motion_frames)

        others = "" if not distractors else " The other dots stay where they are."
        prompt = "Move the blue dot in a straight line until it rests in the centre of the red ring." + others
        solution = Solution(
            start=start,
            target=target,
            dot_radius=p.dot_radius,
            ring_radius=ring_radius,
            dot_color=DOT_COLOR,
            distractors=distractors,
        )
        return Sample(
            first_frame=stage.frame([(dot, start)]),
            final_frame=stage.frame([(dot, target)]),
            prompt=prompt,
            trajectory=lambda: stage.frames([(dot, path)]),
            solution=solution,
            params=p,
        )

    @staticmethod
    def _dot_sprite(radius: int) -> Sprite:
        side = 2 * radius + 6
        image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        draw_disc(
            ImageDraw.Draw(image),
            (side / 2, side / 2),
            radius,
            fill=(*DOT_COLOR, 255),
            outline=(*OUTLINE_COLOR, 255),
            width=2,
        )
        return Sprite.from_image(image)
