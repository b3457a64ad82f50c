"""G-140 locate_topmost_unobscured_figure: outline the figure that lies on top of an overlapping pile.

Parameters → draw → solve → render → prompt:

- ``num_figures`` filled figures (circles and regular polygons of mixed kinds, each in its own colour, with a
  thin dark border) lie along a winding chain near the canvas middle, each overlapping the one before; the
  topmost sits at an end of the chain or (``top_inside``) inside it, and the stacking falls away from it on
  both sides; the topmost is ``top_scale`` times the usual size (smaller, so less salient, as the difficulty
  grows);
- the stacking must be visible: every figure keeps at least :data:`MIN_VISIBLE_SHARE` of its area in view, and
  every figure but the topmost is visibly covered — some figure above it shows at least
  :data:`MIN_EVIDENCE` px² of itself over it — so exactly one figure is uncovered; piles that fail are
  rejected;
- the solver rasterises the pile and takes the one figure no other covers; the video traces a red outline
  along its boundary, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex
from vbvr_core.families.marking.draw import MARK_RED, filled_polygons
from vbvr_core.families.marking.task import SCENE_KINDS
from vbvr_core.families.outline.draw import polygon_mask
from vbvr_core.families.outline.task import TraceOutlineGenerator, shape_boundary
from vbvr_core.pipeline.generator import Reject

from vbvr_g140_locate_topmost_unobscured_figure.plugin import TASK

# Fill colours far from the red of the outline (no red, orange or pink).
FILL_COLORS = ("green", "blue", "purple", "cyan", "brown", "gray", "yellow", "black")
BORDER = (45, 45, 45)
BORDER_WIDTH = 2
EDGE = 14
MIN_VISIBLE_SHARE = 0.4  # every figure keeps this share of its area in view
MIN_VISIBLE_AREA = 1500.0  # px², and at least this much
MIN_EVIDENCE = 350.0  # px² of a covering figure seen over each covered figure
TOLERANCE = 9.0  # px: how far from the topmost figure's boundary an outline may run


class Params(TaskParams):
    """G-140's parameter space: more figures and a smaller topmost figure as the difficulty grows."""

    num_figures: Annotated[int, Strata((3, 3), (4, 5), (5, 6))] = Field(
        4, ge=2, le=7, description="how many figures are stacked")
    top_scale: Annotated[float, Strata((1.0, 1.2), (0.8, 1.0), (0.65, 0.85), digits=2)] = Field(
        1.0, ge=0.5, le=1.4, description="size of the topmost figure relative to the usual figure size")
    top_inside: Annotated[bool, Strata(0.0, 0.5, 1.0)] = Field(
        False, description="the topmost figure lies inside the chain of figures instead of at one end")
    radius: Annotated[float, Strata((56, 66), (48, 58), (42, 50), digits=1)] = Field(
        52.0, ge=36, le=80, description="usual nominal radius (px) of a figure (each varies by ±20 %)")
    background: BackgroundIndex = 0
    line_width: Annotated[int, Uniform(5, 7)] = Field(6, ge=3, le=9, description="stroke width of the red outline, pixels")
    mark_frames: Annotated[int, Uniform(14, 20)] = Field(
        16, ge=8, le=40, description="video frames over which the outline is traced")


class Solution(TaskSolution):
    """The figures bottom to top (kind, centre, nominal radius, rotation), the topmost one and its outline."""

    kinds: list[str]
    centers: list[Point]
    radii: list[float]
    rotations: list[float]
    target: int
    outline: list[Point]
    tolerance: float


def uncovered(masks: list[np.ndarray]) -> int:
    """The index of the one figure (masks bottom to top) no other visibly covers; ``Reject`` when the stacking is
    not plain to see: a figure mostly hidden, a figure covered unseen, or more than one figure uncovered."""
    count = len(masks)
    above = [np.zeros_like(masks[0]) for _ in range(count)]  # union of the figures above each one
    for k in range(count - 2, -1, -1):
        above[k] = above[k + 1] | masks[k + 1]
    visible = [masks[k] & ~above[k] for k in range(count)]
    free = []
    for k in range(count):
        area = float(masks[k].sum())
        seen = float(visible[k].sum())
        if seen < max(MIN_VISIBLE_AREA, MIN_VISIBLE_SHARE * area):
            raise Reject(f"occluded: figure {k} shows {seen:.0f} of its {area:.0f} px²")
        evidence = max((float((masks[k] & visible[j]).sum()) for j in range(k + 1, count)), default=0.0)
        if evidence >= MIN_EVIDENCE:
            continue
        if (masks[k] & above[k]).sum() > 0:
            raise Reject(f"ambiguous: figure {k} is covered only {evidence:.0f} px² where it can be seen")
        free.append(k)
    if len(free) != 1:
        raise Reject(f"ambiguous: {len(free)} figures lie uncovered")
    if not any((masks[free[0]] & masks[k]).sum() >= MIN_EVIDENCE for k in range(count) if k != free[0]):
        raise Reject("trivial: the uncovered figure overlaps no other")
    return free[0]


class TopmostFigureGenerator(TraceOutlineGenerator, task=TASK, params=Params, solution=Solution):
    """Stacks overlapping figures and traces a red outline along the one on top."""

    trace_color = MARK_RED

    def _pile(self) -> tuple[list[str], list[Point], list[float], list[float]]:
        """Kinds, centres, radii and rotations bottom to top.

        The figures lie along a winding chain, each overlapping the one before; the topmost sits at an end of
        the chain or, with ``top_inside``, inside it, and the stacking falls away from it on both sides, so
        each other figure is covered by its neighbour towards the top."""
        p, rng = self.params, self.rng
        count = p.num_figures
        top = (int(rng.integers(1, count - 1)) if p.top_inside and count >= 3
               else (0 if rng.random() < 0.5 else count - 1))
        kinds = [SCENE_KINDS[int(rng.integers(0, len(SCENE_KINDS)))] for _ in range(count)]
        radii = [round(p.radius * (p.top_scale if k == top else float(rng.uniform(0.8, 1.2))), 1) for k in range(count)]
        rotations = [0.0 if kind == "circle" else round(float(rng.uniform(0, 2 * math.pi)), 3) for kind in kinds]
        reaches = [max(math.hypot(x, y) for x, y in shape_boundary(kind, (0.0, 0.0), r, a))
                   for kind, r, a in zip(kinds, radii, rotations, strict=True)]
        points = [(0.0, 0.0)]
        heading = float(rng.uniform(0, 2 * math.pi))
        for k in range(1, count):
            heading += float(rng.uniform(-1.2, 1.2))
            step = float(rng.uniform(0.55, 0.85)) * (radii[k - 1] + radii[k])
            points.append((points[-1][0] + step * math.cos(heading), points[-1][1] + step * math.sin(heading)))
        low = [min(x - r for (x, _), r in zip(points, reaches, strict=True)),
               min(y - r for (_, y), r in zip(points, reaches, strict=True))]
        high = [max(x + r for (x, _), r in zip(points, reaches, strict=True)),
                max(y + r for (_, y), r in zip(points, reaches, strict=True))]
        room = [512 - 2 * EDGE - (high[a] - low[a]) for a in range(2)]
        if min(room) < 0:
            raise Reject("cluttered: the pile does not fit on the canvas")
        shift = [EDGE - low[a] + float(rng.uniform(0.3, 0.7)) * room[a] for a in range(2)]  # near the middle
        centers = [(round(x + shift[0], 2), round(y + shift[1], 2)) for x, y in points]
        # Bottom to top: farthest from the top first (ties between the two sides broken at random).
        order = sorted(range(count), key=lambda k: (-abs(k - top), float(rng.random())))
        return ([kinds[k] for k in order], [centers[k] for k in order], [radii[k] for k in order],
                [rotations[k] for k in order])

    def generate(self) -> Sample:
        """Stack the figures, check the stacking can be seen, paint them bottom to top, and outline the topmost."""
        p, rng = self.params, self.rng
        kinds, centers, radii, rotations = self._pile()
        outlines = [shape_boundary(*figure) for figure in zip(kinds, centers, radii, rotations, strict=True)]
        target = uncovered([polygon_mask(polygon) for polygon in outlines])
        colors = [PALETTE[FILL_COLORS[int(i)]] for i in rng.choice(len(FILL_COLORS), size=len(kinds), replace=False)]

        first = filled_polygons(BACKGROUNDS[p.background], outlines, colors, outline=BORDER, width=BORDER_WIDTH)
        prompt = (
            "Several filled figures overlap one another. Find the topmost figure, the one that no other figure "
            "covers, and outline it by tracing a red line along its boundary. Outline only that figure and do not "
            "change anything else in the image."
        )
        solution = Solution(kinds=kinds, centers=centers, radii=radii, rotations=rotations, target=target,
                            outline=outlines[target], tolerance=TOLERANCE)
        return self.traced_sample(first, prompt, outlines[target], solution)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct outlines: a thin one, and one traced a few pixels outside the figure."""
        return self.thin_and_outside(sample.first_frame, Solution.model_validate(sample.solution).outline, 4.0)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong figures outlined exactly like the right one: the one just below the top, and the bottom one."""
        s = Solution.model_validate(sample.solution)
        below = max(k for k in range(len(s.kinds)) if k != s.target)
        bottom = min(k for k in range(len(s.kinds)) if k != s.target)
        return self.traced_misses(sample.first_frame, {
            name: shape_boundary(s.kinds[k], s.centers[k], s.radii[k], s.rotations[k])
            for name, k in (("figure_below_outlined", below), ("bottom_figure_outlined", bottom))})
