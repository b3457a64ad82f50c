"""G-39 attention_shift_different: slide the green attention box from one object to the other, different one.

Parameters → draw → solve → render → prompt:

- two different objects (coloured shapes) stand apart on a light canvas; a green square box surrounds the first
  (the object attention is on);
- how they differ (``differ``): in kind and colour, in kind only, or in colour only; in the hard stratum their
  sizes differ too (``size_ratio``), so the box must grow or shrink on the way;
- the objects stand ``distance`` px apart (centre to centre), each box wholly on the canvas and clear of the
  other object;
- the solution is the straight slide of the box from the first object's box to the second's, its size changing
  evenly; the video shows it over ``move_frames`` frames (eased); the objects never change (the official
  evaluator checks both objects are kept and the green box ends around the other object).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Annotated, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_shape, ease_in_out, new_canvas, to_frame
from vbvr_core.draw.shapes import SHAPE_REACH
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g39_attention_shift_different.plugin import TASK

BOX_GREEN = (0, 190, 0)  # a pure green: a thin border keeps its hue through the codec's chroma subsampling
BOX_WIDTH = 5
BOX_PAD = 8  # px between an object's farthest point and the box
KINDS = ("circle", "square", "triangle", "star", "hexagon", "pentagon")
COLORS = ("red", "blue", "orange", "purple", "brown", "black", "cyan")  # never green (the box is green)
EDGE = 6
HOLD_ENDS = 8


class Params(TaskParams):
    """G-39's parameter space: closer in looks, different sizes and shorter slides as the difficulty grows."""

    differ: Annotated[Literal["both", "kind", "color"], Strata(("both",), ("kind", "color"), ("kind", "color"))] = Field(
        "both", description="how the two objects differ: in kind and colour, in kind only, or in colour only")
    radius: Annotated[int, Uniform(22, 34)] = Field(28, ge=16, le=40, description="nominal radius of the first object, px")
    size_ratio: Annotated[float, Strata(1.0, 1.0, (0.6, 1.5), digits=2)] = Field(
        1.0, ge=0.5, le=1.6, description="the second object's radius over the first's")
    distance: Annotated[int, Strata((220, 320), (170, 300), (140, 260))] = Field(
        240, ge=120, le=360, description="distance between the objects' centres, px")
    background: BackgroundIndex = 0
    move_frames: Annotated[int, Uniform(22, 28)] = Field(
        25, ge=16, le=60, description="video frames of the box's slide")


class Solution(TaskSolution):
    """The two objects (centre, kind, colour name, radius), the box's half side around each, first to second."""

    centers: tuple[Point, Point]
    kinds: tuple[str, str]
    colors: tuple[str, str]
    radii: tuple[float, float]
    box_halves: tuple[float, float]


def box_half(radius: float) -> float:
    """Half the side of the green box around an object of ``radius``."""
    return round(radius * SHAPE_REACH + BOX_PAD, 1)


def draw_box(image: Image.Image, center: Point, half: float, color=BOX_GREEN, width: int = BOX_WIDTH) -> None:
    x, y = center
    ImageDraw.Draw(image).rectangle([x - half, y - half, x + half, y + half], outline=color, width=width)


class AttentionShiftGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Places two different objects, boxes the first, and slides the box onto the second."""

    def _looks(self) -> tuple[tuple[str, str], tuple[str, str]]:
        p, rng = self.params, self.rng
        kind_a, color_a = str(rng.choice(KINDS)), str(rng.choice(COLORS))
        kind_b = str(rng.choice([k for k in KINDS if k != kind_a])) if p.differ != "color" else kind_a
        color_b = str(rng.choice([c for c in COLORS if c != color_a])) if p.differ != "kind" else color_a
        return (kind_a, kind_b), (color_a, color_b)

    def generate(self) -> Sample:
        """Place the two objects, box the first, and slide the box to the second."""
        p, rng = self.params, self.rng
        kinds, colors = self._looks()
        radii = (float(p.radius), round(p.radius * p.size_ratio, 1))
        halves = (box_half(radii[0]), box_half(radii[1]))
        angle = float(rng.uniform(0, 2 * math.pi))
        mid = (256 + float(rng.uniform(-40, 40)), 256 + float(rng.uniform(-40, 40)))
        dx, dy = p.distance / 2 * math.cos(angle), p.distance / 2 * math.sin(angle)
        centers = ((round(mid[0] - dx, 1), round(mid[1] - dy, 1)), (round(mid[0] + dx, 1), round(mid[1] + dy, 1)))
        for (x, y), half in zip(centers, halves, strict=True):
            if min(x, y) < half + BOX_WIDTH + EDGE or max(x, y) > 512 - half - BOX_WIDTH - EDGE:
                raise Reject("out of bounds: a box leaves the canvas")
        gap = max(abs(centers[0][0] - centers[1][0]), abs(centers[0][1] - centers[1][1]))
        if gap < halves[0] + halves[1] + 2 * BOX_WIDTH + 20:
            raise Reject("cluttered: the two boxes would touch")
        solution = Solution(centers=centers, kinds=kinds, colors=colors, radii=radii, box_halves=halves)
        scene = self._scene(solution)
        frames = list(self._slide(scene, solution, 1.0))
        if kinds[0] == kinds[1] and colors[0] == colors[1]:
            raise Reject("trivial: the two objects look alike")
        name_a = f"{colors[0]} {kinds[0]}"
        name_b = f"{colors[1]} {kinds[1]}"
        prompt = (f"A green box marks the {name_a}, the object attention is on. Shift the attention to the other "
                  f"object, the {name_b}: slide the green box across until it surrounds the {name_b}. Keep both "
                  "objects exactly as they are.")
        return Sample(first_frame=frames[0], final_frame=frames[-1], prompt=prompt, trajectory=lambda: iter(frames),
                      solution=solution, params=p, hold_frames=HOLD_ENDS)

    def _scene(self, s: Solution) -> Image.Image:
        canvas = new_canvas(BACKGROUNDS[self.params.background])
        draw = ImageDraw.Draw(canvas)
        for center, kind, color, radius in zip(s.centers, s.kinds, s.colors, s.radii, strict=True):
            draw_shape(draw, kind, center, radius, fill=PALETTE[color])
        return canvas

    def _slide(self, scene: Image.Image, s: Solution, upto: float, ring: bool = False,
               beyond: float = 0.0) -> Iterator[np.ndarray]:
        """The box sliding from the first object's place ``upto`` of the way to the second's (then ``beyond`` as far
        again past it), its size changing evenly; as a ring instead of a box when ``ring``."""
        (x0, y0), (x1, y1) = s.centers
        h0, h1 = s.box_halves
        steps = self.params.move_frames
        for k in range(steps + 1):
            t = upto * ease_in_out(k / steps) + beyond * max(0.0, k / steps - 0.5) * 2
            image = scene.copy()
            center = (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
            half = h0 + min(1.0, t) * (h1 - h0)
            if ring:
                x, y = center
                r = half * 1.15
                ImageDraw.Draw(image).ellipse([x - r, y - r, x + r, y + r], outline=BOX_GREEN, width=BOX_WIDTH)
            else:
                draw_box(image, center, half)
            yield to_frame(image)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct style: a green ring slides instead of a square box."""
        s = Solution.model_validate(sample.solution)
        return {"green_ring": lambda: self._slide(self._scene(s), s, 1.0, ring=True)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The box stopped halfway, or slid past the second object by a box's width."""
        s = Solution.model_validate(sample.solution)
        span = math.dist(*s.centers)
        return {"stops_halfway": lambda: self._slide(self._scene(s), s, 0.5),
                "overshoots": lambda: self._slide(self._scene(s), s, 1.0, beyond=2.5 * s.box_halves[1] / span)}
