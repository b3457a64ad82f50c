"""G-161 mark_second_largest_shape: ring the shape with the second largest area.

Parameters → draw → solve → render → prompt:

- ``num_shapes`` filled shapes (circles and regular polygons: one kind, or mixed kinds when ``mixed_kinds``),
  in one colour or several;
- their areas are drawn as a ladder: the second largest has the area of a disc of ``second_radius`` px, the
  largest is at least ``size_step`` times bigger, the third at least ``size_step`` times smaller, every
  other shape smaller still; each shape's size follows from its area and kind, so a triangle reaches
  farther than a circle of the same area;
- shapes are scattered so that a ring around any one of them touches no other; crowded layouts are rejected;
- the solver measures every drawn outline's area (shoelace, or πr² for a circle) and takes the second largest;
  the video draws a red ring around it, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, shape_points
from vbvr_core.families.marking.draw import shapes_image
from vbvr_core.families.marking.task import (
    SCENE_KINDS,
    RingMarkGenerator,
    fill_colors,
    shape_outline,
    shape_reach,
    shuffle_together,
)
from vbvr_core.pipeline.generator import Reject

from vbvr_g161_mark_second_largest_shape.plugin import TASK

Kind = Literal["circle", "square", "triangle", "diamond", "pentagon", "hexagon"]
RING_PADDING = 8
GAP = 6
MIN_RADIUS = 14.0  # no shape smaller than a disc of this radius (px): smaller ones are hard to compare


class Params(TaskParams):
    """G-161's parameter space: more shapes, closer areas and mixed kinds as the difficulty grows."""

    num_shapes: Annotated[int, Strata((3, 4), (4, 5), (5, 7))] = Field(
        4, ge=3, le=8, description="how many shapes are shown")
    size_step: Annotated[float, Strata((1.6, 1.9), (1.35, 1.6), (1.2, 1.35), digits=2)] = Field(
        1.5, ge=1.15, le=2.5, description="least area ratio between the second largest shape and its neighbours in size")
    mixed_kinds: Annotated[bool, Strata(0.0, 0.5, 1.0)] = Field(
        False, description="shapes of different kinds (areas compared across kinds) instead of one kind")
    kind: Annotated[Kind, Uniform()] = Field("circle", description="the shape kind when the kinds are not mixed")
    mixed_colors: Annotated[bool, Strata(0.3, 0.6, 1.0)] = Field(
        True, description="each shape in its own colour instead of all in one")
    second_radius: Annotated[float, Uniform(30, 44, digits=1)] = Field(
        38.0, ge=24, le=50, description="radius (px) of the disc with the second largest shape's area")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The shapes (kind, centre, nominal radius, rotation, area), the ring radius around each, and the target."""

    kinds: list[str]
    centers: list[Point]
    radii: list[float]
    rotations: list[float]
    areas: list[float]
    ring_radii: list[float]
    target: int


def shape_area(kind: str, radius: float) -> float:
    """The area (px²) of a shape of ``kind`` with nominal ``radius``: πr² or the shoelace of its outline."""
    if kind == "circle":
        return math.pi * radius**2
    xs, ys = np.asarray(shape_points(kind, (0.0, 0.0), radius, 0.0), dtype=np.float64).T
    return float(abs(np.dot(xs, np.roll(ys, 1)) - np.dot(ys, np.roll(xs, 1))) / 2)


def second_largest(areas: list[float], least_ratio: float = 1.1) -> int:
    """The index of the second largest area; ``Reject`` when it is within ``least_ratio`` of its neighbours."""
    order = sorted(range(len(areas)), key=lambda k: -areas[k])
    first, second = areas[order[0]], areas[order[1]]
    third = areas[order[2]] if len(areas) > 2 else 0.0
    if first < least_ratio * second or second < least_ratio * third:
        raise Reject(f"ambiguous: the second largest area {second:.0f} px² is too close to {first:.0f} or {third:.0f}")
    return order[1]


class SecondLargestShapeGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters filled shapes of laddered areas and rings the one with the second largest area."""

    def _areas(self) -> list[float]:
        """The shapes' areas, largest first: a ladder around the second largest with ``size_step`` gaps."""
        p, rng = self.params, self.rng
        second = math.pi * p.second_radius**2
        areas = [second * p.size_step * float(rng.uniform(1.0, 1.25)), second]
        while len(areas) < p.num_shapes:
            step = p.size_step * float(rng.uniform(1.0, 1.25)) if len(areas) == 2 else float(rng.uniform(1.1, 1.5))
            areas.append(areas[-1] / step)
        if areas[-1] < math.pi * MIN_RADIUS**2:
            raise Reject(f"illegible: the smallest shape ({areas[-1]:.0f} px²) is smaller than a {MIN_RADIUS:.0f}-px disc")
        return areas

    def generate(self) -> Sample:
        """Draw the areas, kinds and layout, paint the shapes, and ring the second largest."""
        p, rng = self.params, self.rng
        areas = self._areas()
        count = len(areas)
        kinds = [SCENE_KINDS[int(rng.integers(0, len(SCENE_KINDS)))] if p.mixed_kinds else p.kind for _ in range(count)]
        radii = [math.sqrt(area / shape_area(kind, 1.0)) for kind, area in zip(kinds, areas, strict=True)]
        rotations = [round(float(rng.uniform(0, 2 * math.pi)), 3) if kind != "circle" else 0.0 for kind in kinds]
        ring_radii = [round(shape_reach(kind, r) + RING_PADDING, 1) for kind, r in zip(kinds, radii, strict=True)]
        # Place the biggest rings first (they are the hardest to fit); each ring, stroke included, stays apart.
        centers = self.rings_apart(ring_radii, GAP, 8, largest_first=True)
        colors = fill_colors(rng, count, p.mixed_colors)
        # The list order says nothing about the sizes.
        kinds, radii, rotations, ring_radii, centers, colors = shuffle_together(
            rng, kinds, radii, rotations, ring_radii, centers, colors)
        measured = [shape_area(kind, r) for kind, r in zip(kinds, radii, strict=True)]
        target = second_largest(measured)

        first = shapes_image(BACKGROUNDS[p.background], kinds, centers, radii, rotations, colors)
        prompt = (
            "Several shapes of different sizes are shown. Find the shape with the second largest area and mark it "
            "by drawing a red circle around it. Mark only that shape and do not change anything else in the image."
        )
        solution = Solution(kinds=kinds, centers=centers, radii=[round(r, 2) for r in radii], rotations=rotations,
                            areas=[round(a, 1) for a in measured], ring_radii=ring_radii, target=target)
        return self.ringed_sample(first, prompt, solution)

    def target_outline(self, solution: Solution) -> list[Point]:
        """The target's own outline, 3 px out, traced in red instead of a ring around it."""
        k = solution.target
        return shape_outline(solution.kinds[k], solution.centers[k], solution.radii[k] + 3, solution.rotations[k])

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The largest shape, and the third largest."""
        order = sorted(range(len(solution.areas)), key=lambda k: -solution.areas[k])
        return {"largest_ringed": order[0], "third_largest_ringed": order[2]}
