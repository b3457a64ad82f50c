"""G-221 outline_innermost_square: trace a blue outline along the innermost of nested squares.

Parameters → draw → solve → render → prompt:

- ``num_squares`` filled, axis-aligned squares, each inside the one before; between a square and the next one
  in, at least ``min_gap`` px on every side. With ``concentric`` they share one centre (as the official
  task); otherwise each inner square sits off-centre inside its parent, and the whole nest off the canvas
  centre;
- every side lies on an even pixel line (so the video's 2×2 colour blocks never straddle an edge); neighbouring
  squares get clearly different colours, none of them blue or purple (the mark is blue);
- the solver finds the square that lies inside every other (the smallest of the chain, checked to be contained
  by all); the video traces a blue outline along its boundary, stroke by stroke.
"""

from __future__ import annotations

from typing import Annotated

from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, color_distance, new_canvas, to_frame
from vbvr_core.families.outline.draw import square_polygon
from vbvr_core.families.outline.task import TraceOutlineGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g221_outline_innermost_square.plugin import TASK

# Fill colours: the palette without blue and purple (near the mark's blue) and white (the canvas).
FILL_COLORS = ("red", "green", "yellow", "orange", "cyan", "pink", "brown", "gray", "light_gray", "black")
MIN_COLOR_DISTANCE = 90.0  # neighbouring squares (and the outermost and the canvas) differ at least this much
EDGE = 12  # the outermost square keeps this far from the canvas border
SNAP_ALLOWANCE = 3.0  # px a gap may lose when the squares snap to even pixel lines (built in, so ``min_gap`` holds)
TOLERANCE = 10.0  # px: how far from the innermost square's boundary an outline may run (less when squares are close)


class Params(TaskParams):
    """G-221's parameter space: more squares, closer boundaries and off-centre nesting as the difficulty grows."""

    num_squares: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=2, le=8, description="how many nested squares are shown")
    min_gap: Annotated[float, Strata((30, 40), (22, 30), (18, 22), digits=1)] = Field(
        26.0, ge=18, le=48, description="least distance (px) between a square's side and the next square in")
    concentric: Annotated[bool, Strata(1.0, 0.5, 0.0)] = Field(
        True, description="all squares share one centre at the canvas centre, instead of sitting off-centre")
    inner_half: Annotated[float, Uniform(16, 48, digits=1)] = Field(
        30.0, ge=12, le=80, description="half the side (px) of the innermost square")
    background: BackgroundIndex = 0
    line_width: Annotated[int, Uniform(5, 7)] = Field(6, ge=3, le=9, description="stroke width of the blue outline, pixels")
    mark_frames: Annotated[int, Uniform(14, 20)] = Field(
        16, ge=8, le=40, description="video frames over which the outline is traced")


class Solution(TaskSolution):
    """The squares (centre and half side, outermost first), the innermost one, and the outline tolerance."""

    centers: list[Point]
    halves: list[float]
    target: int
    tolerance: float


def snap(position: float, half: float) -> float:
    """The whole-pixel position nearest ``position`` at which a square of (whole) ``half`` has its sides on even
    pixel lines."""
    return float(2 * round((position - half) / 2) + half)


def contains(outer: tuple[Point, float], inner: tuple[Point, float], gap: float = 0.0) -> bool:
    """Whether square ``inner`` lies inside ``outer`` with at least ``gap`` px on every side."""
    (ox, oy), oh = outer
    (ix, iy), ih = inner
    return abs(ix - ox) + ih + gap <= oh and abs(iy - oy) + ih + gap <= oh


def innermost(centers: list[Point], halves: list[float]) -> int:
    """The square that every other square contains; ``Reject`` when none does (the squares are not nested)."""
    inside_all = [k for k in range(len(halves))
                  if all(contains((centers[j], halves[j]), (centers[k], halves[k])) for j in range(len(halves)) if j != k)]
    if len(inside_all) != 1:
        raise Reject(f"not nested: {len(inside_all)} squares lie inside every other")
    return inside_all[0]


class OutlineInnermostSquareGenerator(TraceOutlineGenerator, task=TASK, params=Params, solution=Solution):
    """Nests filled squares and traces a blue outline along the innermost one."""

    def _nest(self) -> tuple[list[Point], list[float]]:
        """Centres and half sides, outermost first: built from the innermost outwards, then placed on the canvas."""
        p, rng = self.params, self.rng
        halves = [p.inner_half]
        offsets: list[Point] = []  # each inner square's centre relative to its parent's
        for _ in range(p.num_squares - 1):
            extra = float(rng.uniform(0.0, 0.8) if p.concentric else rng.uniform(0.2, 1.0)) * p.min_gap
            halves.append(round(halves[-1] + p.min_gap + SNAP_ALLOWANCE + extra, 1))
            slack = 0.0 if p.concentric else extra
            offsets.append((round(float(rng.uniform(-slack, slack)), 1), round(float(rng.uniform(-slack, slack)), 1)))
        halves.reverse()
        offsets.reverse()
        if halves[0] > 256 - EDGE:
            raise Reject(f"cluttered: {p.num_squares} squares {p.min_gap:.0f} px apart do not fit on the canvas")
        centers = [(0.0, 0.0)]
        for dx, dy in offsets:
            centers.append((centers[-1][0] + dx, centers[-1][1] + dy))
        room = 256 - EDGE - halves[0]
        shift = (0.0, 0.0) if p.concentric else (float(rng.uniform(-room, room)), float(rng.uniform(-room, room)))
        # Whole pixels, every side on an even pixel line: H.264's 2×2 colour blocks then never straddle an edge.
        halves = [float(round(h)) for h in halves]
        return [(snap(256 + shift[0] + x, h), snap(256 + shift[1] + y, h)) for (x, y), h in zip(centers, halves, strict=True)], halves

    def _colors(self, count: int) -> list[tuple[int, int, int]]:
        """A colour per square, outermost first, each clearly unlike the one around it (or the canvas)."""
        rng = self.rng
        colors: list[tuple[int, int, int]] = []
        around = BACKGROUNDS[self.params.background]
        for _ in range(count):
            choices = [PALETTE[name] for name in FILL_COLORS
                       if color_distance(PALETTE[name], around) >= MIN_COLOR_DISTANCE and PALETTE[name] not in colors[-2:]]
            around = choices[int(rng.integers(0, len(choices)))]
            colors.append(around)
        return colors

    def generate(self) -> Sample:
        """Nest the squares, paint them outermost first, and trace the innermost."""
        p = self.params
        centers, halves = self._nest()
        colors = self._colors(len(halves))
        target = innermost(centers, halves)
        gaps = [min(h - abs(c[0] - centers[target][0]) - halves[target], h - abs(c[1] - centers[target][1]) - halves[target])
                for c, h in zip(centers, halves, strict=True) if h > halves[target]]
        tolerance = round(min(TOLERANCE, 0.45 * min(gaps)), 1)

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for center, half, color in zip(centers, halves, colors, strict=True):
            (x0, y0), _, (x1, y1), _ = square_polygon(center, half)
            draw.rectangle([x0, y0, x1 - 1, y1 - 1], fill=color)  # pixels x0 … x1 − 1: the square spans x0 to x1
        prompt = (
            "Several filled squares of different colours are nested one inside another. Find the innermost square "
            "and outline it by tracing a blue line along its boundary. Outline only that square and do not change "
            "anything else in the image."
        )
        solution = Solution(centers=centers, halves=halves, target=target, tolerance=tolerance)
        return self.traced_sample(to_frame(canvas), prompt, square_polygon(centers[target], halves[target]), solution)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct outlines: a thin one, and one traced a few pixels outside the square."""
        s = Solution.model_validate(sample.solution)
        return self.thin_and_outside(sample.first_frame, square_polygon(s.centers[s.target], s.halves[s.target]),
                                     0.4 * s.tolerance)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong squares outlined exactly like the right one: the next one out, and the outermost."""
        s = Solution.model_validate(sample.solution)
        return self.traced_misses(sample.first_frame, {
            "next_square_out": square_polygon(s.centers[s.target - 1], s.halves[s.target - 1]),
            "outermost_outlined": square_polygon(s.centers[0], s.halves[0])})
