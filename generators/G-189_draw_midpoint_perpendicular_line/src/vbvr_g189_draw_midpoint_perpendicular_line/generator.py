"""G-189 draw_midpoint_perpendicular_line: from the upper segment's midpoint, draw the perpendicular to the lower one.

Parameters → draw → solve → render → prompt:

- two parallel segments at an angle ``tilt`` to the horizontal (level in the easy stratum, as the official
  task), ``gap`` px apart (measured along their normal); the upper one ``top_length`` long with its midpoint
  ``M``, the lower one ``bottom_length`` long, its midpoint shifted along the lines by at least
  ``min_shift`` px from the foot of ``M`` (so "the lower line's midpoint" is a clearly different answer);
  with ``centered`` the upper midpoint lies on the canvas's vertical centre line (as the official task);
- the solver drops the perpendicular from ``M`` onto the lower line: its foot ``F`` must lie on the lower
  segment, at least ``FOOT_MARGIN`` px inside its ends, else the instance is rejected;
- the video holds the scene, then draws the red segment ``M`` → ``F`` stroke by stroke (the official
  evaluator looks for a red line), and holds it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import chain
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_disc, new_canvas, to_frame
from vbvr_core.families.geometry_marks.draw import segment_sweep
from vbvr_core.families.geometry_marks.task import inside_canvas
from vbvr_core.families.marking.draw import MARK_RED
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import share_along, shift_room

from vbvr_g189_draw_midpoint_perpendicular_line.plugin import TASK

Segment = tuple[Point, Point]

# Line colours: dark or saturated, never red, orange or pink (the answer is red).
COLORS: tuple[str, ...] = ("black", "blue", "green", "purple", "brown")
EDGE = 28.0  # every end keeps this far from the canvas border
FOOT_MARGIN = 30.0  # the perpendicular's foot lies this far inside the lower segment's ends
END_RADIUS = 4.5  # px: the segments' ends are marked with dots of this radius
TOLERANCE = 7.0  # px (canvas): how far from the answer segment a drawn line may run
MIN_DROP = 60.0  # px: the lower segment's midpoint lies at least this much lower on the canvas than the upper one's
LEAD_FRAMES = 1  # the first frame, then the line; the pipeline holds both ends (hold_frames)


class Params(TaskParams):
    """G-189's parameter space: tilted lines, off-centre figures and closer wrong midpoints as difficulty grows."""

    tilt: Annotated[float, Strata((0, 0), (4, 18), (12, 32), digits=1)] = Field(
        0.0, ge=0, le=35, description="angle (degrees) of the parallel lines to the horizontal, either way")
    gap: Annotated[float, Strata((150, 240), (120, 220), (100, 200), digits=1)] = Field(
        170.0, ge=90, le=260, description="distance (px) between the two parallel lines")
    top_length: Annotated[float, Uniform(180, 340, digits=1)] = Field(
        260.0, ge=140, le=380, description="length (px) of the upper segment, whose midpoint is the answer's start")
    bottom_length: Annotated[float, Uniform(220, 380, digits=1)] = Field(
        300.0, ge=180, le=420, description="length (px) of the lower segment")
    min_shift: Annotated[float, Strata((60, 80), (40, 60), (24, 36), digits=1)] = Field(
        50.0, ge=20, le=100,
        description="least distance (px) along the lines between the lower segment's midpoint and the answer's foot")
    centered: Annotated[bool, Strata(1.0, 0.4, 0.0)] = Field(
        True, description="the upper segment's midpoint lies on the canvas's vertical centre line")
    background: BackgroundIndex = 0
    line_width: Annotated[int, Uniform(3, 5)] = Field(4, ge=2, le=6, description="stroke width of the two segments, px")
    mark_width: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=8, description="stroke width of the red line, px")
    mark_frames: Annotated[int, Uniform(12, 16)] = Field(
        16, ge=8, le=40, description="video frames over which the red line is drawn")


class Solution(TaskSolution):
    """The two segments (upper first), the answer (midpoint of the upper one and its foot on the lower one), the
    lower segment's midpoint (the tempting wrong start) and the line tolerance."""

    top: Segment
    bottom: Segment
    midpoint: Point
    foot: Point
    bottom_midpoint: Point
    tolerance: float


def _round(point: tuple[float, float]) -> Point:
    return (round(point[0], 2), round(point[1], 2))


def perpendicular_foot(point: Point, segment: Segment) -> tuple[Point, float]:
    """The foot of the perpendicular from ``point`` onto ``segment``'s line, and where it falls along the segment
    (0 at its first end, 1 at its second)."""
    (x0, y0), (x1, y1) = segment
    t = share_along(point, *segment)
    return (x0 + t * (x1 - x0), y0 + t * (y1 - y0)), t


def solve(top: Segment, bottom: Segment) -> tuple[Point, Point]:
    """The answer: the upper segment's midpoint and the foot of its perpendicular on the lower segment; ``Reject``
    when the foot falls off the lower segment (or within ``FOOT_MARGIN`` of an end)."""
    (a, b) = top
    midpoint = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    foot, t = perpendicular_foot(midpoint, bottom)
    length = math.dist(*bottom)
    if not FOOT_MARGIN / length <= t <= 1 - FOOT_MARGIN / length:
        raise Reject("unsolvable: the perpendicular from the upper midpoint misses the lower segment")
    return midpoint, foot


class DrawMidpointPerpendicularLineGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws two parallel segments and, in red, the perpendicular from the upper one's midpoint to the lower one."""

    def _layout(self) -> tuple[Segment, Segment]:
        """The upper and the lower segment; ``Reject`` when they do not fit on the canvas."""
        p, rng = self.params, self.rng
        angle = math.radians(p.tilt) * (1 if rng.random() < 0.5 else -1)
        u = (math.cos(angle), math.sin(angle))  # along the lines
        n = (-u[1], u[0])  # their normal, pointing down the canvas
        room = p.bottom_length / 2 - FOOT_MARGIN  # the lower midpoint may sit this far from the foot, either way
        if p.centered:  # the lower segment must still fit across the canvas from the centre line
            room = min(room, (256 - EDGE - 1) / max(abs(u[0]), 1e-6) - p.bottom_length / 2)
        if room < p.min_shift:
            raise Reject(f"layout: a {p.bottom_length:.0f} px lower line cannot shift {p.min_shift:.0f} px")
        shift = float(rng.uniform(p.min_shift, room)) * (1 if rng.random() < 0.5 else -1)
        # Relative to the upper midpoint M = (0, 0): the foot F = gap · n, the lower midpoint F + shift · u.
        top = [(-p.top_length / 2 * u[0], -p.top_length / 2 * u[1]), (p.top_length / 2 * u[0], p.top_length / 2 * u[1])]
        low_mid = (p.gap * n[0] + shift * u[0], p.gap * n[1] + shift * u[1])
        bottom = [(low_mid[0] - p.bottom_length / 2 * u[0], low_mid[1] - p.bottom_length / 2 * u[1]),
                  (low_mid[0] + p.bottom_length / 2 * u[0], low_mid[1] + p.bottom_length / 2 * u[1])]
        points = top + bottom
        x_range, y_range = shift_room(points, EDGE)
        if x_range[0] > x_range[1] or y_range[0] > y_range[1]:
            raise Reject("layout: the two lines do not fit on the canvas")
        if p.centered:
            if not x_range[0] <= 256 <= x_range[1]:
                raise Reject("layout: the lines do not fit with the upper midpoint at the canvas centre")
            mx = 256.0
        else:
            mx = float(rng.uniform(*x_range))
        my = float(rng.uniform(*y_range))
        place = [_round((mx + x, my + y)) for x, y in points]
        return (place[0], place[1]), (place[2], place[3])

    def generate(self) -> Sample:
        """Lay out the lines, solve for the perpendicular, draw the scene and the red line."""
        p, rng = self.params, self.rng
        top, bottom = self._layout()
        midpoint, foot = solve(top, bottom)
        midpoint, foot = _round(midpoint), _round(foot)
        if not inside_canvas((*top, *bottom), EDGE):
            raise Reject("layout: a line leaves the canvas")
        bottom_midpoint = _round(((bottom[0][0] + bottom[1][0]) / 2, (bottom[0][1] + bottom[1][1]) / 2))
        if bottom_midpoint[1] - midpoint[1] < MIN_DROP:
            raise Reject("ambiguous: the lower segment's middle is not clearly below the upper one's")
        color = PALETTE[COLORS[int(rng.integers(0, len(COLORS)))]]
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for seg in (top, bottom):
            draw.line(list(seg), fill=color, width=p.line_width)
            for end in seg:
                draw_disc(draw, end, END_RADIUS, fill=color)
        first = to_frame(canvas)
        solution = Solution(top=top, bottom=bottom, midpoint=midpoint, foot=foot, bottom_midpoint=bottom_midpoint,
                            tolerance=TOLERANCE)
        final = next(segment_sweep(first, midpoint, foot, 1, MARK_RED, p.mark_width))  # the whole line
        prompt = (
            "Two parallel line segments are drawn. Find the midpoint of the upper segment and, starting there, "
            "draw a straight red line perpendicular to both segments down to the lower segment. Do not change "
            "anything else in the image."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._line_frames(first, midpoint, foot), solution=solution, params=p)

    def _line_frames(self, first: np.ndarray, start: Point, end: Point, width: int | None = None) -> Iterator[np.ndarray]:
        """The scene, then a red line drawn from ``start`` to ``end`` stroke by stroke."""
        p = self.params
        return chain([first] * LEAD_FRAMES,
                     segment_sweep(first, start, end, p.mark_frames, MARK_RED, width or p.mark_width))

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct drawings: a thin line, and the same line drawn upwards from the lower segment."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        return {"thin_line": lambda: self._line_frames(first, s.midpoint, s.foot, width=3),
                "drawn_upwards": lambda: self._line_frames(first, s.foot, s.midpoint)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong lines drawn like the right one: the perpendicular from the lower segment's midpoint, one from a
        point a sixth of the way off the upper midpoint, a line stopped half-way, and (tilted lines) a vertical
        line from the right midpoint."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        (a, b) = s.top
        up, _ = perpendicular_foot(s.bottom_midpoint, s.top)
        off = (s.midpoint[0] + (b[0] - a[0]) / 6, s.midpoint[1] + (b[1] - a[1]) / 6)
        off_foot, _ = perpendicular_foot(off, s.bottom)
        half = ((s.midpoint[0] + s.foot[0]) / 2, (s.midpoint[1] + s.foot[1]) / 2)
        misses: dict[str, FrameSource] = {
            "from_lower_midpoint": lambda: self._line_frames(first, up, s.bottom_midpoint),
            "off_midpoint": lambda: self._line_frames(first, off, off_foot),
            "stopped_half_way": lambda: self._line_frames(first, s.midpoint, half),
        }
        slope = (b[1] - a[1]) / max(abs(b[0] - a[0]), 1e-9)
        if abs(slope) > math.tan(math.radians(8)):
            # The vertical from M meets the lower line where y on it equals … solve along the lower segment.
            (c, d) = s.bottom
            t = (s.midpoint[0] - c[0]) / (d[0] - c[0])
            vertical_end = (s.midpoint[0], c[1] + t * (d[1] - c[1]))
            misses["vertical_not_perpendicular"] = lambda: self._line_frames(first, s.midpoint, vertical_end)
        return misses
