"""O-34 dot_to_dot_task: connect numbered dots in numerical order with red straight lines, one at a time.

Parameters → draw → solve → render → prompt:

- ``num_dots`` dots of radius ``dot_radius``, scattered at least ``SPACING`` radii apart and numbered 1…n
  along a random path: each next dot is placed at random where the line to it clears every other dot and no
  earlier line runs over it; each dot filled with a colour of the official palette (never red or pink: the lines
  are red), outlined in black, its number in white with a black edge;
- the solution is the path 1 → 2 → … → n: n − 1 straight segments, none within ``CLEARANCE`` px of the rim of a
  dot it does not join (it would seem to join that dot). An instance is rejected when the dots do not fit, or
  when, read by the scorer's own judge on the answer, any other pair of dots seems joined (lines running along
  each other) or a segment is not fully seen;
- the video draws the segments one after another, each growing from the lower number to the higher over
  ``line_frames`` frames, beneath the dots.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import draw_disc, font
from vbvr_core.families.connections.draw import Stroke, StrokeScene
from vbvr_core.families.connections.judge import read_answer
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import point_segment_distance

from vbvr_o34_dot_to_dot_task.plugin import TASK

WHITE = (255, 255, 255)
LINE_RED = (255, 80, 80)  # the official line colour
# The official dot palette without its pink and coral, which read as the red of the lines.
DOT_COLORS = ((100, 150, 255), (150, 255, 100), (255, 200, 100), (200, 100, 255), (100, 255, 255), (255, 255, 100))
OUTLINE = (0, 0, 0)
SPACING = 4.0  # least distance between dot centres, in radii
EDGE = 14  # px between a dot and the canvas edge
CLEARANCE = 12  # px between a segment and the rim of a dot it does not join


class Params(TaskParams):
    """O-34's parameter space: more dots (longer paths, more crossings) as the difficulty grows."""

    num_dots: Annotated[int, Strata((4, 6), (7, 9), (10, 12))] = Field(
        6, ge=3, le=14, description="how many numbered dots are shown")
    dot_radius: Annotated[int, Uniform(18, 24)] = Field(21, ge=14, le=28, description="radius of each dot, pixels")
    line_width: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=8, description="width of the red lines, pixels")
    line_frames: Annotated[int, Strata((12, 14), (9, 11), (8, 9))] = Field(
        10, ge=6, le=20, description="video frames over which each line is drawn")


class Solution(TaskSolution):
    """The dots in numerical order (centre of dot 1 first), their radius and colours, and the line width."""

    centers: list[Point]
    radius: float
    colors: list[tuple[int, int, int]]
    line_width: int


def clearance_problem(centers: list[Point], radius: float, width: int) -> str | None:
    """Why the path through ``centers`` (in order) is unclear — a segment running over another dot — or None."""
    for k in range(len(centers) - 1):
        for j, point in enumerate(centers):
            if j not in (k, k + 1) and point_segment_distance(point, centers[k], centers[k + 1]) < radius + width / 2 + CLEARANCE:
                return f"ambiguous: the line {k + 1}→{k + 2} passes over dot {j + 1}"
    return None


def scatter_path(rng: np.random.Generator, count: int, radius: float, width: int) -> list[Point]:
    """``count`` dot centres in path order, at least ``SPACING`` radii apart inside the canvas, each new dot placed
    so that the line to it clears every other dot and no earlier line runs over it; Reject when they do not fit."""
    low, high = radius + EDGE, 512 - radius - EDGE
    clear = radius + width / 2 + CLEARANCE
    points: list[Point] = []
    for _ in range(80 * count):
        x, y = (round(float(v), 1) for v in rng.uniform(low, high, size=2))
        new = (x, y)
        if any(math.dist(new, p) < SPACING * radius for p in points):
            continue
        if points and any(point_segment_distance(p, points[-1], new) < clear for p in points[:-1]):
            continue
        if any(point_segment_distance(new, a, b) < clear for a, b in zip(points, points[1:], strict=False)):
            continue
        points.append(new)
        if len(points) == count:
            return points
    raise Reject(f"cluttered: {count} dots of radius {radius} do not fit with clear lines between them")


def dot_layer(centers: list[Point], radius: float, colors: list[tuple[int, int, int]]) -> np.ndarray:
    """The numbered dots as an RGBA layer (drawn over the lines)."""
    image = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    face = font(max(12, round(radius * 1.15)), bold=True)
    for number, ((x, y), color) in enumerate(zip(centers, colors, strict=True), start=1):
        draw_disc(draw, (x, y), radius, fill=color + (255,), outline=OUTLINE + (255,), width=2)
        draw.text((x, y), str(number), font=face, anchor="mm", fill=WHITE + (255,), stroke_width=2,
                  stroke_fill=OUTLINE + (255,))
    return np.asarray(image, dtype=np.uint8).copy()


class DotToDotGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters numbered dots and joins them in numerical order with red lines, one after another."""

    def generate(self) -> Sample:
        """Scatter and number the dots, check the path is clear, and draw it line by line."""
        p, rng = self.params, self.rng
        radius = float(p.dot_radius)
        centers = scatter_path(rng, p.num_dots, radius, p.line_width)
        problem = clearance_problem(centers, radius, p.line_width)
        if problem:
            raise Reject(problem)
        colors = [DOT_COLORS[int(k)] for k in rng.integers(0, len(DOT_COLORS), size=p.num_dots)]
        self._scene = scene = StrokeScene(dot_layer(centers, radius, colors), p.line_frames)
        strokes = self._strokes(centers, list(range(p.num_dots)))
        first, final = scene.first, scene.final(strokes)
        self._check_reading(first, final, centers, radius)
        solution = Solution(centers=centers, radius=radius, colors=colors, line_width=p.line_width)
        n = p.num_dots
        prompt = (
            f"The scene shows {n} numbered dots scattered across the image. Connect the dots in numerical order "
            f"(1→2→3→...→{n}) by drawing red straight lines between them, one line at a time in sequence."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: scene.video(strokes), solution=solution, params=p)

    def _strokes(self, centers: list[Point], order: list[int], color=LINE_RED, width: int | None = None
                 ) -> list[Stroke]:
        """Red segments from dot ``order[k]`` to dot ``order[k + 1]``, in that order."""
        width = self.params.line_width if width is None else width
        return [Stroke((centers[a], centers[b]), color, width) for a, b in zip(order, order[1:], strict=False)]

    def _check_reading(self, first: np.ndarray, final: np.ndarray, centers: list[Point], radius: float) -> None:
        """Reject an answer the scorer would misread: a segment not fully seen, another pair seemingly joined."""
        links = [(k, k + 1, 0) for k in range(len(centers) - 1)]
        reading = read_answer(first, final, centers, [radius] * len(centers), [LINE_RED], links, "segment",
                              self.params.line_width, DOT_COLORS)
        if min(reading.coverage) < 0.95:
            raise Reject("illegible: a line is hidden where the dots crowd it")
        if reading.extra:
            raise Reject(f"ambiguous: dots {reading.extra[0]} (0-based) seem joined by lines running along them")

    def _order_frames(self, sample: Sample, order: list[int], **stroke_style) -> Iterator[np.ndarray]:
        solution = Solution.model_validate(sample.solution)
        return self._scene.video(self._strokes(solution.centers, order, **stroke_style))

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct drawings: thinner lines of a darker, purer red."""
        n = self.params.num_dots
        return {"thin_dark_red": lambda: self._order_frames(sample, list(range(n)), color=(200, 20, 20), width=3)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong drawings: two numbers swapped in the path, the same lines drawn from the last number back to the
        first, the path closed into a loop, the last line left out."""
        n = self.params.num_dots
        k = n // 2
        swapped = list(range(n))
        swapped[k - 1], swapped[k] = swapped[k], swapped[k - 1]
        return {
            "swapped_numbers": lambda: self._order_frames(sample, swapped),
            "drawn_backwards": lambda: self._order_frames(sample, list(range(n))[::-1]),
            "closed_loop": lambda: self._order_frames(sample, [*range(n), 0]),
            "last_line_missing": lambda: self._order_frames(sample, list(range(n - 1))),
        }
