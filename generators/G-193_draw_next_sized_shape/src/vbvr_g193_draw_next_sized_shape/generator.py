"""G-193 draw_next_sized_shape: continue a repeating size pattern by drawing the next shape in the empty box.

Parameters → draw → solve → render → prompt:

- three size classes — large, medium, small — whose radii shrink by ``ratio`` from one to the next; a
  ``pattern`` of them repeats along a row of ``shown`` identical shapes (one kind, one colour), followed by
  an empty dashed box in the next slot: the large-medium-small cycle of the official task (easy), any order
  of the three (medium), or also a four-step bounce such as large-medium-small-medium (hard);
- the solver reads the shown classes only: the shortest period that the row repeats (seen at least twice
  over, so the continuation is certain) gives the next class; an instance where it is not the pattern's is
  rejected;
- the video holds the scene, then grows the answer shape (same kind and colour, the next class's size) from
  the centre of the box, and holds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Annotated, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_shape, ease_in_out, new_canvas, to_frame
from vbvr_core.families.outline.draw import square_polygon
from vbvr_core.families.placement.draw import dashed_polygon
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g193_draw_next_sized_shape.plugin import TASK

Kind = Literal["circle", "square", "triangle", "star", "diamond"]
FillColor = Literal["red", "green", "blue", "orange", "purple", "cyan", "pink"]
# Size patterns: size classes (0 large, 1 medium, 2 small) per period. Easy: the official cycle (and its
# reverse); medium: any order of the three; hard: also a four-step bounce.
PATTERNS: dict[str, tuple[int, ...]] = {
    "LMS": (0, 1, 2), "SML": (2, 1, 0), "LSM": (0, 2, 1), "MLS": (1, 0, 2), "MSL": (1, 2, 0), "SLM": (2, 0, 1),
    "LMSM": (0, 1, 2, 1), "SMLM": (2, 1, 0, 1),
}
PatternName = Literal["LMS", "SML", "LSM", "MLS", "MSL", "SLM", "LMSM", "SMLM"]
CLASS_NAMES = ("large", "medium", "small")
# How far each kind reaches from its centre, in radii (draw_shape's polygons: the star's points, the square's
# corners).
REACH = {"circle": 1.0, "square": 1.2, "triangle": 1.2, "star": 1.25, "diamond": 1.15}
MARGIN = 8.0  # px between the row and the canvas's sides
ROW_Y = FRAME_SIZE / 2
BOX_COLOR = (110, 110, 110)
LEAD_FRAMES = 1  # the first frame, then the growth; the pipeline holds both ends (hold_frames)


class Params(TaskParams):
    """G-193's parameter space: freer patterns, closer sizes and longer rows as the difficulty grows."""

    pattern: Annotated[PatternName, Strata(("LMS", "SML"), ("LMS", "SML", "LSM", "MLS", "MSL", "SLM"),
                                           ("LSM", "MLS", "MSL", "SLM", "LMSM", "SMLM"))] = Field(
        "LMS", description="the repeating order of size classes (L large, M medium, S small)")
    extra: Annotated[int, Strata((2, 2), (2, 3), (2, 2))] = Field(
        2, ge=2, le=3, description="shapes shown beyond one period of the pattern (at least 2: seen twice over)")
    ratio: Annotated[float, Strata((1.5, 1.65), (1.4, 1.5), (1.3, 1.4), digits=2)] = Field(
        1.45, ge=1.3, le=1.8, description="radius of one size class over the next smaller one")
    kind: Annotated[Kind, Uniform()] = Field("circle", description="the kind of every shape")
    color: Annotated[FillColor, Uniform()] = Field("blue", description="the fill colour of every shape")
    phase: Annotated[int, Uniform(0, 3)] = Field(
        0, ge=0, le=3, description="where in its period the pattern starts (taken modulo the period)")
    background: BackgroundIndex = 0
    grow_frames: Annotated[int, Uniform(12, 18)] = Field(
        14, ge=6, le=36, description="video frames over which the answer shape grows")


class Solution(TaskSolution):
    """The row: every slot's centre (the box last), the shown shapes' size classes, the three radii, the
    answer's class, its kind and colour, and the box's half side."""

    centers: list[Point]
    classes: list[int]
    radii: list[float]
    answer: int
    kind: str
    color: str
    box_half: float


def next_class(classes: list[int]) -> int:
    """The class that continues ``classes``: the shortest period the row repeats, seen at least twice over (the
    period plus two more shapes); ``Reject`` when no period is certain."""
    n = len(classes)
    for period in range(1, n):
        if all(classes[k] == classes[k + period] for k in range(n - period)):
            if n < period + 2:
                break
            return classes[n - period]
    raise Reject("ambiguous: the shown row does not repeat a pattern twice over")


def shape_image(base: np.ndarray, kind: str, center: Point, radius: float, color) -> np.ndarray:
    """``base`` with a filled shape drawn on it (a new array)."""
    image = Image.fromarray(base)
    draw_shape(ImageDraw.Draw(image), kind, center, radius, fill=tuple(color))
    return np.asarray(image, dtype=np.uint8).copy()


class DrawNextSizedShapeGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a row of shapes in a repeating size pattern and grows the next one in the empty box."""

    def generate(self) -> Sample:
        """Lay out the row, solve for the next class, and grow the answer in the box."""
        p = self.params
        pattern = PATTERNS[p.pattern]
        period = len(pattern)
        shown = period + p.extra
        classes = [pattern[(p.phase + k) % period] for k in range(shown)]
        answer = next_class(classes)
        if answer != pattern[(p.phase + shown) % period]:
            raise Reject("ambiguous: the row's shortest period is not the pattern's")
        slots = shown + 1
        slot = (FRAME_SIZE - 2 * MARGIN) / slots
        large = min(0.46 * slot / REACH[p.kind], 52.0)  # the widest shape keeps 8 % of its slot free
        radii = [round(large / p.ratio ** c, 2) for c in range(3)]
        if radii[2] < 12:
            raise Reject(f"illegible: the small shapes would be {radii[2]:.0f} px")
        centers = [(round(MARGIN + slot * (k + 0.5), 2), ROW_Y) for k in range(slots)]
        box_half = round(min(slot / 2 - 3, large * REACH[p.kind] + 6), 2)
        color = PALETTE[p.color]
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for center, c in zip(centers, classes, strict=False):
            draw_shape(draw, p.kind, center, radii[c], fill=color)
        dashed_polygon(draw, np.array(square_polygon(centers[-1], box_half)), color=BOX_COLOR, width=2)
        first = to_frame(canvas)
        solution = Solution(centers=centers, classes=classes, radii=radii, answer=answer, kind=p.kind,
                            color=p.color, box_half=box_half)
        final = shape_image(first, p.kind, centers[-1], radii[answer], color)
        prompt = (
            f"A row of {p.kind}s is shown whose sizes follow a repeating pattern of large, medium and small; "
            "the row ends in an empty dashed box. Work out the pattern and draw the next shape in the box: "
            "the same kind and colour, in the size the pattern calls for. Do not change anything else."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._grow(first, solution, answer), solution=solution, params=p)

    def _grow(self, first: np.ndarray, s: Solution, size_class: int, kind: str | None = None,
              center: Point | None = None, color: str | None = None) -> Iterator[np.ndarray]:
        """The scene, then a shape growing from nothing to its full size."""
        p = self.params
        radius = s.radii[size_class]
        rgb = PALETTE[color or s.color]
        where = center or s.centers[-1]
        return chain([first] * LEAD_FRAMES,
                     (shape_image(first, kind or s.kind, where, radius * max(0.05, ease_in_out(k / p.grow_frames)), rgb)
                      for k in range(1, p.grow_frames + 1)))

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct drawing: the shape a few pixels off the box's centre."""
        s = Solution.model_validate(sample.solution)
        cx, cy = s.centers[-1]
        return {"slightly_off_centre": lambda: self._grow(sample.first_frame, s, s.answer, center=(cx + 3, cy - 3))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong shapes drawn the right way: the neighbouring size class, the last shown shape's size repeated,
        another kind, and the right shape outside the box (in the slot before it, over the last shape)."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        neighbour = 1 if s.answer != 1 else 0
        other_kind = "star" if s.kind != "star" else "circle"
        misses: dict[str, FrameSource] = {
            "neighbouring_size": lambda: self._grow(first, s, neighbour),
            "other_kind": lambda: self._grow(first, s, s.answer, kind=other_kind),
            "below_the_box": lambda: self._grow(first, s, s.answer,
                                                center=(s.centers[-1][0], s.centers[-1][1] + 2.2 * s.box_half)),
        }
        if s.classes[-1] != s.answer:
            misses["last_size_repeated"] = lambda: self._grow(first, s, s.classes[-1])
        return misses
