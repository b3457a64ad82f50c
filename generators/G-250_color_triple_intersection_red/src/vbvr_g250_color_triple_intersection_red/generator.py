"""G-250 color_triple_intersection_red: paint red the region where all three circles of a Venn diagram overlap.

Parameters → draw → solve → render → prompt:

- three circles (radius ``radius`` ± ``radius_jitter``) whose centres sit ``spread`` × radius from a common
  middle, about 120° apart (turned by ``rotation``, each moved by up to ``jitter`` px), outlined in three
  colours, in the harder strata with pale see-through fills;
- the solver rasterises the circles and takes the pixels inside all three; an instance whose triple region,
  any region of exactly two circles, or any region of one circle only is too small to read is rejected;
- the video paints the triple region red, sweeping across it from left to right, the outlines staying on top.
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
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_disc, new_canvas, to_frame
from vbvr_core.families.marking.draw import MARK_RED
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g250_color_triple_intersection_red.plugin import TASK

# Outline colours far from the red of the answer.
COLORS: tuple[str, ...] = ("blue", "green", "purple", "cyan", "brown", "gray", "black")
MIN_TRIPLE = 1400.0  # px²: the triple region must be at least this large to paint and to judge
MIN_REGION = 900.0  # px²: every other region of the diagram too
OUTLINE_WIDTH = 3
LEAD_FRAMES = 16
FILL_ALPHA = 0.22


class Params(TaskParams):
    """G-250's parameter space: smaller overlaps, uneven circles and tinted fills as the difficulty grows."""

    radius: Annotated[int, Uniform(90, 125)] = Field(105, ge=70, le=140, description="typical circle radius, pixels")
    radius_jitter: Annotated[float, Strata((0.0, 0.05), (0.05, 0.15), (0.1, 0.2), digits=2)] = Field(
        0.1, ge=0.0, le=0.25, description="each circle's radius varies by up to this share")
    spread: Annotated[float, Strata((0.5, 0.62), (0.6, 0.72), (0.68, 0.8), digits=2)] = Field(
        0.62, ge=0.4, le=0.85, description="distance of the centres from the middle, in radii (larger: smaller overlap)")
    jitter: Annotated[int, Strata((0, 6), (4, 14), (8, 20))] = Field(
        8, ge=0, le=24, description="how far each centre is moved off the symmetric layout, pixels")
    rotation: Annotated[float, Uniform(0, 360, digits=1)] = Field(
        90.0, ge=0, le=360, description="turn of the whole diagram, degrees")
    tinted: Annotated[bool, Strata(0.2, 0.5, 0.8)] = Field(
        False, description="circles carry pale see-through fills of their outline colours")
    background: BackgroundIndex = 0
    fill_frames: Annotated[int, Uniform(12, 16)] = Field(
        14, ge=8, le=30, description="video frames over which the region is painted")


class Solution(TaskSolution):
    """The circles (centre, radius, outline colour) and the triple region's area and bounding box."""

    centers: list[Point]
    radii: list[float]
    colors: list[str]
    triple_area: float
    triple_box: tuple[int, int, int, int]


def inside_counts(centers: list[Point], radii: list[float], size: int = 512) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel of a ``size`` canvas (512 units scaled), which circles hold it: a (3, size, size) bool array and
    the count per pixel."""
    scale = size / 512
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32)
    xs, ys = (xs + 0.5) / scale, (ys + 0.5) / scale
    inside = np.stack([(xs - x) ** 2 + (ys - y) ** 2 <= r * r for (x, y), r in zip(centers, radii, strict=True)])
    return inside, inside.sum(axis=0)


def triple_mask(centers: list[Point], radii: list[float], size: int = 512) -> np.ndarray:
    """The pixels inside all three circles."""
    inside, _ = inside_counts(centers, radii, size)
    return inside.all(axis=0)


def region_problem(centers: list[Point], radii: list[float]) -> str | None:
    """Why the diagram cannot be used (a circle off the canvas, a region too small), or None."""
    for (x, y), r in zip(centers, radii, strict=True):
        if x - r < 6 or y - r < 6 or x + r > 506 or y + r > 506:
            return "a circle leaves the canvas"
    inside, count = inside_counts(centers, radii)
    if (count == 3).sum() < MIN_TRIPLE:
        return f"the triple region ({int((count == 3).sum())} px²) is too small"
    for k in range(3):
        alone = inside[k] & (count == 1)
        pair = inside[k] & inside[(k + 1) % 3] & (count == 2)
        if alone.sum() < MIN_REGION or pair.sum() < MIN_REGION:
            return "a region of one or two circles is too small"
    return None


class TripleIntersectionGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a three-circle Venn diagram and paints the region inside all three circles red."""

    def generate(self) -> Sample:
        """Draw the circles, check every region is legible, and paint the triple region red."""
        p, rng = self.params, self.rng
        radii = [round(p.radius * (1 + float(rng.uniform(-p.radius_jitter, p.radius_jitter))), 1) for _ in range(3)]
        middle = (256 + float(rng.uniform(-20, 20)), 256 + float(rng.uniform(-20, 20)))
        centers: list[Point] = []
        for k in range(3):
            angle = math.radians(p.rotation + 120 * k)
            x = middle[0] + p.spread * p.radius * math.cos(angle) + float(rng.uniform(-p.jitter, p.jitter))
            y = middle[1] + p.spread * p.radius * math.sin(angle) + float(rng.uniform(-p.jitter, p.jitter))
            centers.append((round(x, 1), round(y, 1)))
        problem = region_problem(centers, radii)
        if problem:
            raise Reject(f"illegible: {problem}")
        colors = [COLORS[int(i)] for i in rng.choice(len(COLORS), size=3, replace=False)]
        triple = triple_mask(centers, radii)
        ys, xs = np.nonzero(triple)
        box = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
        solution = Solution(centers=centers, radii=radii, colors=colors, triple_area=float(triple.sum()),
                            triple_box=box)
        base = self._base(solution)
        first = self._render(solution, None, base=base)
        final = self._render(solution, triple, base=base)
        prompt = (
            "Three overlapping circles form a Venn diagram. Find the region where all three circles overlap and fill "
            "exactly that region with red. Do not colour any other region and do not change anything else."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._paint_frames(solution, triple), solution=solution, params=p)

    def _base(self, solution: Solution) -> np.ndarray:
        """The canvas with the circles' pale fills (when tinted), without outlines or paint."""
        p = self.params
        frame = np.asarray(new_canvas(BACKGROUNDS[p.background]), dtype=np.float32).copy()
        if p.tinted:
            inside, _ = inside_counts(solution.centers, solution.radii)
            for k, name in enumerate(solution.colors):
                frame[inside[k]] = frame[inside[k]] * (1 - FILL_ALPHA) + np.asarray(PALETTE[name]) * FILL_ALPHA
        return np.rint(frame).astype(np.uint8)

    def _render(self, solution: Solution, red: np.ndarray | None, color=MARK_RED,
                base: np.ndarray | None = None) -> np.ndarray:
        """The diagram, with the pixels of ``red`` painted in ``color`` under the outlines."""
        frame = (self._base(solution) if base is None else base).copy()
        if red is not None:
            frame[red] = color
        canvas = Image.fromarray(frame)
        draw = ImageDraw.Draw(canvas)
        for center, r, name in zip(solution.centers, solution.radii, solution.colors, strict=True):
            draw_disc(draw, center, r, None, outline=PALETTE[name], width=OUTLINE_WIDTH)
        return to_frame(canvas)

    def _paint_frames(self, solution: Solution, region: np.ndarray, color=MARK_RED) -> Iterator[np.ndarray]:
        """The first frame held (``LEAD_FRAMES``), then ``region`` painted in an even sweep from left to right, then
        held briefly: the painting is under way, not done, half-way through the clip."""
        p = self.params
        base = self._base(solution)
        first = self._render(solution, None, base=base)
        for _ in range(LEAD_FRAMES):
            yield first
        xs = np.nonzero(region.any(axis=0))[0]
        left, right = int(xs.min()), int(xs.max()) + 1
        columns = np.arange(512)[None, :]
        for step in range(1, p.fill_frames + 1):
            edge = left + (right - left) * step / p.fill_frames
            yield self._render(solution, region & (columns < edge), color, base)
        last = self._render(solution, region, color, base)
        for _ in range(3):
            yield last

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct answer: the region painted pure red (255, 0, 0), the official evaluator's ideal."""
        solution = Solution.model_validate(sample.solution)
        triple = triple_mask(solution.centers, solution.radii)
        return {"pure_red_fill": lambda: self._paint_frames(solution, triple, (255, 0, 0))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers painted exactly like the right one: the largest region of exactly two circles instead,
        and the triple region together with that region."""
        solution = Solution.model_validate(sample.solution)
        inside, count = inside_counts(solution.centers, solution.radii)
        pairs = [inside[k] & inside[(k + 1) % 3] & (count == 2) for k in range(3)]
        pair = max(pairs, key=lambda mask: int(mask.sum()))
        triple = count == 3
        return {"pair_region_painted": lambda: self._paint_frames(solution, pair),
                "triple_and_pair_painted": lambda: self._paint_frames(solution, triple | pair)}
