"""G-158 identify_all_hollow_points: circle in red every hollow point (an outline only), none of the solid ones.

Parameters → draw → solve → render → prompt:

- ``num_points`` round points scattered on a light canvas, ``num_hollow`` of them hollow (a ring of
  ``stroke`` px with the background showing through) and the others solid (filled discs); at least two are
  solid, so the answer is never "all of them";
- from the medium stratum the points differ in size, and (``colorful``) each point may take its own dark
  colour, so neither size nor colour tells hollow from solid; a hollow point's hole is always at least
  ``MIN_HOLE`` px across its radius, so it reads as hollow at a glance;
- points are placed so that the red circle around any one of them stays clear of every other point and
  circle; a crowded layout is rejected and redrawn;
- the solver reads each drawn point back from the first frame (its centre shows the background: hollow)
  and keeps the hollow ones; the video holds the scene, then draws a red circle around each of them in
  reading order, stroke by stroke (the official evaluator compares the red circles with the ground truth's).
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_disc, new_canvas, to_frame
from vbvr_core.families.geometry_marks.task import PointMarkGenerator
from vbvr_core.families.marking.task import place_apart
from vbvr_core.pipeline.generator import Reject

from vbvr_g158_identify_all_hollow_points.plugin import TASK

# Point colours: dark enough to read on every background, never red, orange or pink (the mark is red).
COLORS = ("black", "blue", "green", "purple", "brown")
MIN_HOLE = 4  # px: a hollow point's hole radius (inside its stroke) is at least this
RING_PAD = 8  # px between a point's edge and the red circle around it
MARK_WIDTH = 4
GAP = 8  # px between the circles around two points
EDGE = 12


class Params(TaskParams):
    """G-158's parameter space: more and smaller points, more of them hollow, mixed sizes and colours as it grows."""

    num_points: Annotated[int, Strata((5, 7), (7, 10), (10, 13))] = Field(
        8, ge=4, le=14, description="how many points are shown")
    num_hollow: Annotated[int, Strata((1, 3), (2, 4), (3, 6))] = Field(
        3, ge=1, le=8, description="how many of them are hollow (an outline only)")
    radius: Annotated[int, Strata((13, 16), (10, 14), (10, 13))] = Field(
        12, ge=8, le=18, description="radius of the largest point, px")
    size_spread: Annotated[float, Strata(0.0, (0.0, 0.3), (0.15, 0.3), digits=2)] = Field(
        0.0, ge=0.0, le=0.4, description="points' radii vary down to (1 - size_spread) × radius")
    stroke: Annotated[int, Strata((2, 4), (2, 3), (2, 3))] = Field(
        3, ge=2, le=5, description="outline width of a hollow point, px")
    colorful: Annotated[bool, Strata(0.0, 0.5, 0.8)] = Field(
        False, description="each point takes its own dark colour instead of all black")
    background: BackgroundIndex = 0
    mark_frames: Annotated[int, Uniform(6, 8)] = Field(
        7, ge=5, le=20, description="video frames over which one red circle is drawn")

    @model_validator(mode="after")
    def _legible(self) -> Params:
        if self.num_hollow > self.num_points - 2:
            raise ValueError(f"{self.num_hollow} hollow points of {self.num_points}: at least two must be solid")
        smallest = self.radius * (1 - self.size_spread)
        if smallest - self.stroke < MIN_HOLE:
            raise ValueError(f"a point of radius {smallest:.1f} with a {self.stroke} px outline leaves a hole under "
                             f"{MIN_HOLE} px: it would not read as hollow")
        return self


class Solution(TaskSolution):
    """The points (centre, radius, hollow or not), the radius of the circle around each, and the hollow ones in
    the order they are circled."""

    centers: list[Point]
    radii: list[float]
    hollow: list[bool]
    mark_radii: list[float]
    targets: list[int]


def read_hollow(frame: np.ndarray, centers: list[Point], radii: list[float]) -> list[bool]:
    """For each drawn point, whether its centre shows the background (hollow) rather than its ink (solid): the
    centre pixel is compared with the frame's background colour (its median) and with the point's rim."""
    background = np.median(frame.reshape(-1, 3), axis=0).astype(np.float64)
    out = []
    for (x, y), r in zip(centers, radii, strict=True):
        centre = frame[round(y), round(x)].astype(np.float64)
        rim = frame[round(y), min(frame.shape[1] - 1, round(x + r - 1))].astype(np.float64)
        to_background, to_rim = np.abs(centre - background).max(), np.abs(centre - rim).max()
        if min(to_background, to_rim) > 24 or np.abs(rim - background).max() < 60:
            raise Reject(f"illegible: the point at ({x:.0f}, {y:.0f}) reads as neither hollow nor solid")
        out.append(bool(to_background < to_rim))
    return out


class HollowPointsGenerator(PointMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters hollow and solid points and circles every hollow one in red."""

    ring_width = MARK_WIDTH
    hold_frames = 8  # frames the pipeline holds the start and the end (a third of a second each)

    def generate(self) -> Sample:
        """Draw sizes, kinds, colours and the layout, paint the points, find the hollow ones, and circle them."""
        p, rng = self.params, self.rng
        n = p.num_points
        radii = [round(p.radius * (1 - float(rng.uniform(0, p.size_spread))), 1) for _ in range(n)]
        kinds = [True] * p.num_hollow + [False] * (n - p.num_hollow)
        kinds = [kinds[int(k)] for k in rng.permutation(n)]
        mark_radii = [round(r + RING_PAD, 1) for r in radii]
        centers = place_apart(rng, [m + MARK_WIDTH for m in mark_radii], GAP, 6, edge=EDGE, digits=1, tries=200,
                              what="points with their circles")
        if p.colorful:
            colors = [PALETTE[COLORS[int(rng.integers(0, len(COLORS)))]] for _ in range(n)]
        else:
            colors = [PALETTE["black"]] * n

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for center, r, hollow, color in zip(centers, radii, kinds, colors, strict=True):
            if hollow:
                draw_disc(draw, center, r, None, outline=color, width=p.stroke)
            else:
                draw_disc(draw, center, r, color)
        first = to_frame(canvas)
        read = read_hollow(first, centers, radii)
        if read != kinds:
            raise Reject("illegible: a drawn point does not read back as it was drawn")
        targets = sorted((k for k in range(n) if read[k]), key=lambda k: (round(centers[k][1] / 40), centers[k][0]))
        solution = Solution(centers=centers, radii=radii, hollow=read, mark_radii=mark_radii, targets=targets)
        prompt = (
            "Several round points are shown. Some are hollow (only an outline, with the background showing inside) "
            "and the others are solid (completely filled). Find every hollow point and mark each of them by drawing "
            "a red circle around it. Do not mark the solid points, and do not change anything else in the image."
        )
        return self.marked_sample(first, prompt, solution, [centers[k] for k in targets],
                                  [mark_radii[k] for k in targets])

    def _ringed(self, first: np.ndarray, s: Solution, indices: list[int], scale: float = 1.0) -> FrameSource:
        """The scene, then a red circle drawn around each point of ``indices`` in turn, stroke by stroke."""
        return lambda: self.rings(first, [s.centers[k] for k in indices], [s.mark_radii[k] * scale for k in indices])

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct answers: each hollow point covered by a red disc, or circled wider."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        return {"red_discs": lambda: self.dots(first, [s.centers[k] for k in s.targets], [s.radii[k] + 3 for k in s.targets]),
                "wide_rings": self._ringed(first, s, s.targets, scale=1.25)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong sets circled like the right one: the solid point nearest a hollow one circled too, one hollow point
        swapped for that solid point, and one hollow point left out (with two or more)."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        solids = [k for k in range(len(s.centers)) if not s.hollow[k]]
        last = s.targets[-1]
        nearest = min(solids, key=lambda k: (math.dist(s.centers[k], s.centers[last]), k))
        misses: dict[str, FrameSource] = {
            "solid_point_too": self._ringed(first, s, [*s.targets, nearest]),
            "solid_point_instead": self._ringed(first, s, [*s.targets[:-1], nearest]),
        }
        if len(s.targets) >= 2:
            misses["one_hollow_point_missed"] = self._ringed(first, s, s.targets[:-1])
        return misses
