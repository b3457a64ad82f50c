"""G-202 mark_wave_peaks: mark every peak of a drawn wave with a red ring and a red dot at its centre.

Parameters → draw → solve → render → prompt:

- a wave is drawn left to right across the canvas as a smooth curve through ``num_peaks`` crests (the peaks)
  and the troughs between them; it starts and ends low, rising to its first crest and falling from its last,
  so the ends are never peaks;
- in the easy stratum the crests are evenly spaced and equally high (a sine); from the medium stratum their
  spacing varies (``spacing_jitter``), their heights vary (``height_jitter``) and the whole wave is tilted
  (``tilt``), so the crests stand at different heights: a peak is a local maximum, not the highest point;
- between two consecutive extrema the curve follows a half cosine, so it rises or falls monotonically and has
  exactly the drawn extrema; a crest that stands less than ``MIN_PROMINENCE`` of the amplitude (and 30 px)
  above either neighbouring trough, or a curve leaving the canvas, rejects the instance;
- the solver samples the drawn curve and keeps its local maxima (the crests); the video draws, crest by crest
  from the left, a red ring and then a red dot at its centre (the official evaluator's double-layer marker).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator
from functools import partial
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, new_canvas, to_frame
from vbvr_core.families.geometry_marks.draw import dot_sweep, in_turn
from vbvr_core.families.geometry_marks.task import PointMarkGenerator
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.pipeline.generator import Reject

from vbvr_g202_mark_wave_peaks.plugin import TASK

X_LEFT, X_RIGHT = 36.0, 476.0
Y_TOP, Y_BOTTOM = 40.0, 472.0
MIN_PROMINENCE = 0.45  # a crest stands at least this share of the amplitude above each neighbouring trough
MIN_PROMINENCE_PX = 30.0
CURVE_COLORS = ("blue", "green", "purple", "black")
GRID_COLOR = (222, 222, 222)
MARK_WIDTH = 3
DOT_RADIUS = 4.0
DOT_FRAMES = 1


class Params(TaskParams):
    """G-202's parameter space: more crests, uneven spacing and heights, and a tilt as the difficulty grows."""

    num_peaks: Annotated[int, Strata((2, 3), (3, 5), (4, 6))] = Field(
        3, ge=1, le=7, description="how many crests (peaks) the wave has")
    amplitude: Annotated[int, Strata((80, 120), (70, 110), (60, 100))] = Field(
        90, ge=50, le=140, description="half the height from trough to crest, px (before jitter and tilt)")
    spacing_jitter: Annotated[float, Strata(0.0, (0.1, 0.25), (0.2, 0.3), digits=2)] = Field(
        0.0, ge=0.0, le=0.35, description="how far each half-wave's width varies (share of the even width)")
    height_jitter: Annotated[float, Strata(0.0, (0.1, 0.3), (0.25, 0.45), digits=2)] = Field(
        0.0, ge=0.0, le=0.5, description="how far each crest's and trough's height varies (share of the amplitude)")
    tilt: Annotated[float, Strata(0.0, (-0.6, 0.6), (-1.2, 1.2), digits=2)] = Field(
        0.0, ge=-1.5, le=1.5, description="rise of the wave's middle line across the canvas (share of the amplitude)")
    line_width: Annotated[int, Uniform(3, 4)] = Field(3, ge=2, le=5, description="stroke width of the curve, px")
    grid: Annotated[bool, Strata(0.3, 0.3, 0.3)] = Field(False, description="a faint grey grid behind the curve")
    background: BackgroundIndex = 0
    mark_radius: Annotated[float, Uniform(11, 14, digits=1)] = Field(
        12.0, ge=9, le=16, description="radius of the red ring around each peak, px")
    mark_frames: Annotated[int, Uniform(4, 5)] = Field(
        5, ge=4, le=20, description="video frames over which one ring is drawn")


class Solution(TaskSolution):
    """The curve's extrema (ends, crests and troughs, left to right), which of them are crests, and the marker size."""

    extrema: list[Point]
    peaks: list[int]
    curve_color: str
    mark_radius: float


def wave_points(extrema: list[Point], step: float = 1.0) -> list[Point]:
    """The curve through ``extrema`` (x increasing), a half cosine between each consecutive pair, every ``step`` px."""
    points: list[Point] = []
    for (x0, y0), (x1, y1) in zip(extrema, extrema[1:], strict=False):
        count = max(2, math.ceil((x1 - x0) / step))
        for k in range(count):
            t = k / count
            points.append((x0 + t * (x1 - x0), y0 + (y1 - y0) * (1 - math.cos(math.pi * t)) / 2))
    points.append(tuple(extrema[-1]))
    return points


def find_peaks(points: list[Point]) -> list[int]:
    """Indices (into ``points``) of the curve's strict local maxima on screen (smallest y), plateaus not included;
    the ends are never peaks."""
    ys = [y for _, y in points]
    return [k for k in range(1, len(ys) - 1) if ys[k] < ys[k - 1] and ys[k] < ys[k + 1]]


def prominence_problem(extrema: list[Point], amplitude: float) -> str | None:
    """Why the crests (odd indices of ``extrema``) are not all clearly peaks, or the curve leaves the canvas."""
    ys = [y for _, y in extrema]
    if min(ys) < Y_TOP or max(ys) > Y_BOTTOM:
        return "out of bounds: the wave leaves the canvas"
    least = max(MIN_PROMINENCE * amplitude, MIN_PROMINENCE_PX)
    for k in range(1, len(ys) - 1, 2):
        rise = min(ys[k - 1], ys[k + 1]) - ys[k]
        if rise < least:
            return f"ambiguous: the crest at x={extrema[k][0]:.0f} stands only {rise:.0f} px above a trough"
    return None


class WavePeaksGenerator(PointMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a wave and marks each of its crests with a red ring and dot."""

    ring_width = MARK_WIDTH
    hold_frames = 8  # frames the pipeline holds the start and the end (a third of a second each)

    def _extrema(self) -> list[Point]:
        """Ends, crests and troughs, left to right: 2·num_peaks half-waves across the canvas."""
        p, rng = self.params, self.rng
        halves = 2 * p.num_peaks
        widths = 1 + p.spacing_jitter * rng.uniform(-1, 1, halves)
        xs = X_LEFT + np.concatenate([[0.0], np.cumsum(widths)]) / widths.sum() * (X_RIGHT - X_LEFT)
        middle = 256.0 + float(rng.uniform(-30, 30))
        extrema = []
        for k, x in enumerate(xs):
            level = middle - p.tilt * p.amplitude * (x - 256.0) / (X_RIGHT - X_LEFT)
            swing = p.amplitude * (1 + p.height_jitter * float(rng.uniform(-1, 1)))
            extrema.append((round(float(x), 1), round(level - swing if k % 2 else level + swing, 1)))
        return extrema

    def generate(self) -> Sample:
        """Draw the wave, find its crests, and mark each with a red ring and dot."""
        p, rng = self.params, self.rng
        extrema = self._extrema()
        problem = prominence_problem(extrema, p.amplitude)
        if problem:
            raise Reject(problem)
        curve = wave_points(extrema)
        found = [curve[k] for k in find_peaks(curve)]
        peaks = [k for k in range(len(extrema)) if any(math.dist(extrema[k], q) < 1.0 for q in found)]
        if len(peaks) != len(found) or peaks != list(range(1, len(extrema) - 1, 2)):
            raise Reject("ambiguous: the drawn curve's local maxima are not its crests")
        color = CURVE_COLORS[int(rng.integers(0, len(CURVE_COLORS)))]

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        if p.grid:
            for v in range(32, 512, 64):
                draw.line([(v, 0), (v, 511)], fill=GRID_COLOR, width=1)
                draw.line([(0, v), (511, v)], fill=GRID_COLOR, width=1)
        draw.line(curve, fill=PALETTE[color], width=p.line_width, joint="curve")
        first = to_frame(canvas)
        solution = Solution(extrema=extrema, peaks=peaks, curve_color=color, mark_radius=p.mark_radius)
        final = deque(self._mark_frames(first, solution, peaks), maxlen=1)[0]  # every ring and dot
        prompt = (
            "A wave curve is drawn across the image. Find every peak of the wave (each crest, where the curve is "
            "higher than just to its left and right) and mark each one with a red circle with a small red dot at "
            "its centre, on the peak. Do not mark the valleys or the ends of the curve, and do not change "
            "anything else in the image."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._mark_frames(first, solution, peaks), solution=solution, params=p,
                      hold_frames=self.hold_frames)

    def _mark_frames(self, first: np.ndarray, solution: Solution, indices: list[int]) -> Iterator[np.ndarray]:
        """The scene, then at each of ``indices`` in turn a red ring drawn stroke by stroke and a red dot grown at
        its centre."""
        ring = partial(ring_sweep, radius=solution.mark_radius, frames=self.params.mark_frames, width=MARK_WIDTH)
        dot = partial(dot_sweep, radius=DOT_RADIUS, frames=DOT_FRAMES)
        return in_turn(first, [partial(sweep, center=solution.extrema[k]) for k in indices for sweep in (ring, dot)])

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct marks: a plain ring on each peak, or a filled red dot."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        points = [s.extrema[k] for k in s.peaks]
        return {"rings_only": lambda: self.rings(first, points, s.mark_radius),
                "dots_only": lambda: self.dots(first, points, s.mark_radius * 0.6)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong sets marked like the right one: the highest crest only (a global maximum is not every peak), the
        deepest trough marked too, one peak left out (with two or more)."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        troughs = list(range(2, len(s.extrema) - 1, 2)) or [0]
        highest = min(s.peaks, key=lambda k: (s.extrema[k][1], k))
        deepest = max(troughs, key=lambda k: (s.extrema[k][1], -k))
        misses: dict[str, FrameSource] = {
            "trough_marked_too": lambda: self._mark_frames(first, s, sorted([*s.peaks, deepest])),
        }
        if len(s.peaks) >= 2:
            misses["highest_peak_only"] = lambda: self._mark_frames(first, s, [highest])
            misses["one_peak_missed"] = lambda: self._mark_frames(first, s, s.peaks[:-1])
        return misses
