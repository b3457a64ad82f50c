"""{{ cookiecutter.__key }}: slide the blue dot in a straight line into the red ring.

Parameters → draw → solve → render → prompt:

- a blue dot of radius ``dot_radius`` and a red ring (the target) ``min_distance`` to
  ``min_distance + 120`` pixels away, in any direction;
- ``distractors`` still dots of other colours, so the model must move the right one;
- the solution is the straight segment from the dot to the ring's centre; ``validate`` rejects
  instances where a mark leaves the canvas, marks overlap, or a distractor lies on the way;
- the video slides the dot along the segment in ``motion_frames`` frames (eased).

This is the template's demo task: replace the drawing, solving and prompt with your task's, keep the
shape (Params with bounds → draw_params by difficulty → generate → validate).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Sample, TaskParams
from vbvr_core.draw import PALETTE, Sprite, Stage, distinct_colors, draw_disc, interpolate_points, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator

from {{ cookiecutter.__import_name }}.plugin import INFO

DOT_COLOR = PALETTE["blue"]
RING_COLOR = PALETTE["red"]
OUTLINE_COLOR = (40, 40, 40)
BACKGROUNDS = [(255, 255, 255), (250, 248, 240), (240, 244, 248), (246, 246, 246)]
# Colours a distractor may take: far from the dot's blue and the ring's red, visible on every background.
DISTRACTOR_EXCLUDE = ("white", "black", "light_gray", "blue", "red")
RING_GAP = 10  # the ring's radius exceeds the dot's by this many pixels
RING_WIDTH = 5
DISTANCE_SPREAD = 120
# Difficulty strata: (dot radius range, distractor count range, least distance range).
STRATA = {
    0: ((26, 32), (0, 1), (120, 160)),
    1: ((18, 26), (1, 3), (150, 200)),
    2: ((12, 18), (3, 5), (180, 240)),
}


class Params(TaskParams):
    """The parameter space; every field is drawn from the difficulty stratum unless fixed."""

    dot_radius: int = Field(24, ge=12, le=32, description="radius of the moving dot in pixels")
    distractors: int = Field(2, ge=0, le=5, description="still dots of other colours")
    min_distance: int = Field(160, ge=120, le=240, description="least distance in pixels from the dot to the target")
    motion_frames: int = Field(36, ge=24, le=60, description="video frames of the motion")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")


class {{ cookiecutter.__class_name }}(BaseGenerator):
    """Draws a dot, a target ring and distractors, and the dot's straight slide into the ring."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Dot size, clutter and distance from the stratum; pace and background uniformly."""
        (radius_lo, radius_hi), (clutter_lo, clutter_hi), (distance_lo, distance_hi) = STRATA[difficulty]
        return {
            "dot_radius": int(rng.integers(radius_lo, radius_hi + 1)),
            "distractors": int(rng.integers(clutter_lo, clutter_hi + 1)),
            "min_distance": int(rng.integers(distance_lo, distance_hi + 1)),
            "motion_frames": int(rng.integers(24, 49)),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
        }

    def _point(self, margin: float) -> tuple[float, float]:
        x, y = self.rng.integers(int(margin), int(FRAME_SIZE - margin), size=2)
        return float(x), float(y)

    @staticmethod
    def _target(start: tuple[float, float], distance: float, angle: float) -> tuple[float, float]:
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
            target = self._target(start, distance, angle + math.pi)  # the other way may fit; validate judges
        colors = distinct_colors(self.rng, p.distractors, exclude=DISTRACTOR_EXCLUDE)
        distractors = [(*self._point(p.dot_radius), name) for name in colors]

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
        solution = {
            "start": list(start),
            "target": list(target),
            "dot_radius": p.dot_radius,
            "ring_radius": ring_radius,
            "dot_color": list(DOT_COLOR),
            "distractors": [[x, y, name] for x, y, name in distractors],
        }
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

    def validate(self, sample: Sample) -> list[str]:
        """Reject marks off the canvas, overlapping marks, and distractors on the dot's way."""
        problems = super().validate(sample)
        solution = sample.solution
        ring_radius, dot_radius = solution["ring_radius"], solution["dot_radius"]
        start, target = np.asarray(solution["start"]), np.asarray(solution["target"])
        if not all(ring_radius <= value <= FRAME_SIZE - ring_radius for value in target):
            problems.append(f"out of bounds: the target ring at {tuple(target)} leaves the canvas")
        marks = [("the dot", start, dot_radius), ("the target", target, ring_radius)]
        marks += [(f"distractor {name}", np.asarray([x, y]), dot_radius) for x, y, name in solution["distractors"]]
        for k, (name_a, a, radius_a) in enumerate(marks):
            for name_b, b, radius_b in marks[k + 1 :]:
                if np.linalg.norm(a - b) < radius_a + radius_b + 4:
                    problems.append(f"occlusion: {name_a} and {name_b} overlap")
        direction = (target - start) / max(1e-9, float(np.linalg.norm(target - start)))
        for x, y, name in solution["distractors"]:
            offset = np.asarray([x, y]) - start
            along = float(offset @ direction)
            across = abs(float(offset[0] * direction[1] - offset[1] * direction[0]))
            if 0 <= along <= np.linalg.norm(target - start) and across < 2 * dot_radius + 4:
                problems.append(f"occlusion: distractor {name} lies on the dot's way to the target")
        return problems
