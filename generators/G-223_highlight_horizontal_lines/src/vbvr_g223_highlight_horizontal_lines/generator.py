"""G-223 highlight_horizontal_lines: circle the midpoint of every horizontal line, and of no other line.

Parameters → draw → solve → render → prompt:

- ``num_lines`` straight line segments (``line_length`` px long, ``line_width`` px wide) in saturated
  colours (never black: the marks are); ``num_horizontal`` of them exactly horizontal, the others vertical or slanted (in the
  harder strata, slanted by only ``min_tilt`` degrees or more off the horizontal);
- segments are placed at least ``SPACING`` px apart from one another (a ring on one never reaches another);
  a layout that does not fit is rejected;
- the solver keeps the segments whose two ends have the same height; the video draws a black ring around the
  midpoint of each, one after another, stroke by stroke (the official convention: a black circle on each
  horizontal line's midpoint).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import chain
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, to_frame
from vbvr_core.families.geometry_marks.draw import rings_image, rings_in_turn, segments_image
from vbvr_core.families.marking.draw import MARK_BLACK, MARK_RED
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import segment_distance

from vbvr_g223_highlight_horizontal_lines.plugin import TASK

# Line colours far from the black of the mark and from the red a model may draw instead, and dark enough to
# read on every background.
COLORS: tuple[str, ...] = ("green", "blue", "purple", "cyan", "brown", "gray")
SPACING = 44.0  # least distance between two segments, px
EDGE = 24.0
RING_RADIUS = 16.0
LEAD_FRAMES = 12  # the unmarked scene is held first: half-way through the clip, the marks are not yet done


class Params(TaskParams):
    """G-223's parameter space: more lines and slants closer to the horizontal as the difficulty grows."""

    num_lines: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        5, ge=2, le=10, description="how many line segments are shown")
    num_horizontal: Annotated[int, Strata((1, 2), (1, 3), (2, 4))] = Field(
        2, ge=1, le=6, description="how many of them are exactly horizontal")
    min_tilt: Annotated[float, Strata((30, 45), (15, 30), (8, 15), digits=1)] = Field(
        20.0, ge=8, le=45, description="least angle (degrees) between a non-horizontal line and the horizontal")
    line_length: Annotated[int, Uniform(70, 150)] = Field(
        110, ge=60, le=170, description="typical segment length, pixels (each varies by ±20 %)")
    line_width: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=8, description="segment stroke width, pixels")
    one_color: Annotated[bool, Strata(0.5, 0.3, 0.2)] = Field(
        False, description="all segments in one colour instead of mixed colours")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(4, 5)] = Field(4, ge=3, le=7, description="stroke width of each black ring, pixels")
    mark_frames: Annotated[int, Uniform(7, 9)] = Field(
        8, ge=5, le=20, description="video frames over which one ring is drawn")

    @model_validator(mode="after")
    def _some_not_horizontal(self) -> Params:
        if self.num_horizontal >= self.num_lines:
            raise ValueError(f"{self.num_horizontal} horizontal lines of {self.num_lines}: at least one line must "
                             "not be horizontal")
        return self


class Solution(TaskSolution):
    """The segments (end points, colour name, stroke width), the horizontal ones in the order they are ringed."""

    segments: list[tuple[Point, Point]]
    colors: list[str]
    horizontal: list[int]
    line_width: int
    ring_radius: float


def horizontal_lines(segments: list[tuple[Point, Point]]) -> list[int]:
    """Indices of the segments whose ends have the same height (within half a pixel)."""
    return [k for k, ((_, y0), (_, y1)) in enumerate(segments) if abs(y0 - y1) <= 0.5]


def midpoint(segment: tuple[Point, Point]) -> Point:
    (x0, y0), (x1, y1) = segment
    return ((x0 + x1) / 2, (y0 + y1) / 2)


class HorizontalLinesGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters line segments of several orientations and rings the midpoint of every horizontal one."""

    def _angle(self, horizontal: bool) -> float:
        """A segment direction in degrees: 0 for a horizontal one, else vertical or slanted ≥ ``min_tilt``."""
        if horizontal:
            return 0.0
        rng, tilt = self.rng, self.params.min_tilt
        if rng.random() < 0.25:
            return 90.0
        magnitude = float(rng.uniform(tilt, 90.0 - 5.0)) if rng.random() < 0.5 else float(rng.uniform(tilt, tilt + 10))
        return round(magnitude if rng.random() < 0.5 else -magnitude, 1)

    def generate(self) -> Sample:
        """Draw the segments, paint them, and ring every horizontal one's midpoint."""
        p, rng = self.params, self.rng
        kinds = [k < p.num_horizontal for k in range(p.num_lines)]
        kinds = [kinds[int(k)] for k in rng.permutation(p.num_lines)]
        segments: list[tuple[Point, Point]] = []
        for is_horizontal in kinds:
            angle = math.radians(self._angle(is_horizontal))
            length = p.line_length * float(rng.uniform(0.8, 1.2))
            dx, dy = length / 2 * math.cos(angle), length / 2 * math.sin(angle)
            for _ in range(200):
                cx = float(rng.uniform(EDGE + abs(dx), 512 - EDGE - abs(dx)))
                cy = float(rng.uniform(EDGE + abs(dy), 512 - EDGE - abs(dy)))
                cy = round(cy) if is_horizontal else cy
                seg = ((round(cx - dx, 1), round(cy - dy, 1)), (round(cx + dx, 1), round(cy + dy, 1)))
                if is_horizontal:
                    seg = ((seg[0][0], float(cy)), (seg[1][0], float(cy)))
                if all(segment_distance(seg, other) >= SPACING for other in segments):
                    segments.append(seg)
                    break
            else:
                raise Reject("cluttered: the segments do not fit apart")
        horizontal = horizontal_lines(segments)
        if len(horizontal) != p.num_horizontal:
            raise Reject(f"drawn {len(horizontal)} horizontal segments, asked {p.num_horizontal}")
        if p.one_color:
            colors = [COLORS[int(rng.integers(0, len(COLORS)))]] * p.num_lines
        else:
            colors = [COLORS[int(rng.integers(0, len(COLORS)))] for _ in range(p.num_lines)]
        order = sorted(horizontal, key=lambda k: (midpoint(segments[k])[1], midpoint(segments[k])[0]))
        solution = Solution(segments=segments, colors=colors, horizontal=order, line_width=p.line_width,
                            ring_radius=RING_RADIUS)
        first = segments_image(BACKGROUNDS[p.background], segments, [PALETTE[c] for c in colors], p.line_width)
        final = rings_image(first, [midpoint(segments[k]) for k in order], RING_RADIUS, p.ring_width, MARK_BLACK)
        prompt = (
            "Several straight line segments are shown. Find every horizontal line segment (both ends at the same "
            "height) and highlight each one by drawing a black circle around its midpoint. Do not mark vertical or "
            "slanted lines, and do not change anything else in the image."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._ring_frames(first, order, solution), solution=solution, params=p)

    def _ring_frames(self, first: np.ndarray, lines: list[int], solution: Solution) -> Iterator[np.ndarray]:
        """The first frame held (``LEAD_FRAMES``), then a black ring drawn around each of ``lines``' midpoints in
        turn, stroke by stroke."""
        p = self.params
        frames = list(rings_in_turn(first, [midpoint(solution.segments[k]) for k in lines], solution.ring_radius,
                                    p.mark_frames, p.ring_width, MARK_BLACK))
        return chain([first] * (LEAD_FRAMES - 1), frames, frames[-1:])

    def _traced_frames(self, first: np.ndarray, solution: Solution) -> Iterator[np.ndarray]:
        """Another highlight style: each horizontal line traced over in red, left to right, one after another."""
        p = self.params
        yield first
        base = Image.fromarray(first.copy())
        for k in solution.horizontal:
            (x0, y), (x1, _) = solution.segments[k]
            for step in range(1, p.mark_frames + 1):
                image = base.copy()
                ImageDraw.Draw(image).line([(x0, y), (x0 + (x1 - x0) * step / p.mark_frames, y)],
                                           fill=MARK_RED, width=p.line_width + 4)
                yield to_frame(image)
            base = image
        yield to_frame(base)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct highlight: every horizontal line traced over in red instead of ringed."""
        solution = Solution.model_validate(sample.solution)
        return {"lines_traced_red": lambda: self._traced_frames(sample.first_frame, solution)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers ringed exactly like the right one: one horizontal line left out, and the non-horizontal
        line nearest the horizontal ringed as well."""
        solution = Solution.model_validate(sample.solution)

        def tilt(k: int) -> float:
            (x0, y0), (x1, y1) = solution.segments[k]
            angle = abs(math.degrees(math.atan2(y1 - y0, x1 - x0))) % 180
            return min(angle, 180 - angle)

        others = [k for k in range(len(solution.segments)) if k not in solution.horizontal]
        flattest = min(others, key=tilt)
        return {"one_horizontal_missed": lambda: self._ring_frames(sample.first_frame, solution.horizontal[:-1], solution),
                "slanted_line_ringed_too": lambda: self._ring_frames(sample.first_frame,
                                                                     [*solution.horizontal, flattest], solution)}
