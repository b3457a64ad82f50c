"""G-248 mark_asymmetrical_shape: ring the one shape that has no line of mirror symmetry.

Parameters → draw → solve → render → prompt:

- ``num_shapes`` filled shapes, each of a mirror-symmetric kind (square, rectangle, rhombus, kite, isosceles
  trapezoid, hexagon, octagon, disc, star; with ``odd_sided`` also isosceles triangle, regular pentagon and
  arrow, which are symmetric although odd-sided), turned at random;
- one of them is made asymmetric: a polygonal kind with one or two vertices moved by ``distortion`` of its
  radius, or with a bump (a new corner off the middle of an edge, that far across it); small distortions keep
  it close to a symmetric shape;
- the solver measures every drawn outline's best mirror match (IoU of the shape and its reflection about the
  best axis through its centroid, on a raster): the symmetric ones match, the answer must miss by at
  least ``MIN_ASYMMETRY``; the video draws a red ring around it, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex
from vbvr_core.families.marking.draw import filled_polygons
from vbvr_core.families.marking.task import RingMarkGenerator, fill_colors, shuffle_together
from vbvr_core.families.outline.draw import polygon_mask
from vbvr_core.pipeline.generator import Reject
from vbvr_core.plane import segments_cross

from vbvr_g248_mark_asymmetrical_shape.plugin import TASK

EVEN_KINDS = ("square", "rectangle", "rhombus", "kite", "trapezoid", "hexagon", "octagon", "disc", "star")
ODD_KINDS = ("triangle", "pentagon", "arrow")
RING_PADDING = 8
GAP = 8
MIN_ASYMMETRY = 0.1  # the answer's best mirror image overlaps it by at most 1 − this (IoU)
CENTRE_DEPTH = 0.15  # unit radii: the distorted outline keeps its centre this far inside (``centre_depth``)
MAX_SYMMETRY_ERROR = 0.05  # a symmetric shape's best mirror image overlaps it by at least 1 − this
RASTER = 96


def regular(n: int, radius: float = 1.0, phase: float = -math.pi / 2) -> list[Point]:
    """A regular ``n``-gon around the origin, a vertex at ``phase``."""
    return [(radius * math.cos(phase + 2 * math.pi * k / n), radius * math.sin(phase + 2 * math.pi * k / n))
            for k in range(n)]


def kind_points(kind: str, aspect: float) -> list[Point]:
    """Unit-size outline of a symmetric ``kind`` around the origin (``aspect`` shapes the rectangle and rhombus)."""
    if kind == "square":
        return regular(4, 1.0, math.pi / 4)
    if kind == "rectangle":
        return [(-1.0, -aspect), (1.0, -aspect), (1.0, aspect), (-1.0, aspect)]
    if kind == "rhombus":
        return [(0.0, -1.0), (aspect, 0.0), (0.0, 1.0), (-aspect, 0.0)]
    if kind == "kite":
        return [(0.0, -1.0), (0.62, -0.35), (0.0, 1.0), (-0.62, -0.35)]
    if kind == "trapezoid":
        return [(-0.5, -0.75), (0.5, -0.75), (1.0, 0.75), (-1.0, 0.75)]
    if kind == "hexagon":
        return regular(6)
    if kind == "octagon":
        return regular(8, 1.0, math.pi / 8)
    if kind == "disc":
        return regular(32)
    if kind == "star":
        outer, inner = regular(5), regular(5, 0.45, -math.pi / 2 + math.pi / 5)
        return [point for pair in zip(outer, inner, strict=True) for point in pair]
    if kind == "triangle":
        return [(0.0, -1.0), (0.85, 0.8), (-0.85, 0.8)]
    if kind == "pentagon":
        return regular(5)
    if kind == "arrow":
        return [(0.0, -1.0), (0.75, -0.15), (0.3, -0.15), (0.3, 1.0), (-0.3, 1.0), (-0.3, -0.15), (-0.75, -0.15)]
    raise ValueError(f"unknown kind {kind!r}")


def polygon_area(points: list[Point]) -> float:
    """Area of a simple polygon (shoelace)."""
    xs, ys = np.asarray(points, dtype=np.float64).T
    return float(abs(np.dot(xs, np.roll(ys, -1)) - np.dot(ys, np.roll(xs, -1))) / 2)


def placed(points: list[Point], center: Point, radius: float, rotation: float) -> list[Point]:
    """``points`` scaled to the area of a disc of 0.8 ``radius`` (reaching at most 1.2 ``radius`` from the
    origin, so no shape stands out by size), turned by ``rotation``, moved to ``center``."""
    reach = max(math.hypot(x, y) for x, y in points)
    scale = min(math.sqrt(math.pi * (0.8 * radius) ** 2 / polygon_area(points)), 1.2 * radius / reach)
    c, s = math.cos(rotation), math.sin(rotation)
    return [(round(center[0] + scale * (x * c - y * s), 2), round(center[1] + scale * (x * s + y * c), 2))
            for x, y in points]


def centroid(points: list[Point]) -> Point:
    """Area centroid of a simple polygon."""
    xs, ys = np.asarray(points, dtype=np.float64).T
    cross = xs * np.roll(ys, -1) - np.roll(xs, -1) * ys
    area = cross.sum() / 2
    return (float(((xs + np.roll(xs, -1)) * cross).sum() / (6 * area)),
            float(((ys + np.roll(ys, -1)) * cross).sum() / (6 * area)))


def mirror_match(points: list[Point], steps: int = 24) -> float:
    """The best IoU between a polygon and its reflection about a line through its centroid (1 = symmetric).

    The lines tried: every line through the centroid and a vertex or an edge's midpoint (a polygon's mirror
    axis is one of them, so a symmetric outline scores ≈ 1 exactly), plus ``steps`` evenly turned ones."""
    cx, cy = centroid(points)
    rel = np.asarray(points, dtype=np.float64) - (cx, cy)
    rel = rel * (0.45 * RASTER / np.hypot(rel[:, 0], rel[:, 1]).max())
    shape = polygon_mask(rel + RASTER / 2, RASTER)
    middles = (rel + np.roll(rel, -1, axis=0)) / 2
    angles = {round(math.atan2(y, x) % math.pi, 6) for x, y in np.concatenate([rel, middles]).tolist()}
    angles |= {math.pi * k / steps for k in range(steps)}
    best = 0.0
    for a in sorted(angles):
        c, s = math.cos(2 * a), math.sin(2 * a)
        mirrored = np.stack([c * rel[:, 0] + s * rel[:, 1], s * rel[:, 0] - c * rel[:, 1]], axis=1)
        other = polygon_mask(mirrored + RASTER / 2, RASTER)
        best = max(best, float((shape & other).sum() / max(1, (shape | other).sum())))
    return best


def centre_depth(points: list[Point]) -> float:
    """How deep the origin, the point the ring and the judge centre on, lies inside the outline (its distance to
    the nearest edge; negative outside). A lopsided distortion can push an edge past it, and a mark traced round
    the shape would then not surround the shape's given centre."""
    import cv2

    return float(cv2.pointPolygonTest(np.asarray(points, np.float32).reshape(-1, 1, 2), (0.0, 0.0), True))


def is_simple(points: list[Point]) -> bool:
    """Whether no two non-adjacent edges of the polygon cross."""
    n = len(points)
    edges = [(points[k], points[(k + 1) % n]) for k in range(n)]
    return not any(segments_cross(*edges[i], *edges[j])
                   for i in range(n) for j in range(i + 2, n) if not (i == 0 and j == n - 1))


def asymmetrical_one(areas_symmetry: list[float]) -> int:
    """The index of the only shape whose mirror match misses; ``Reject`` unless exactly one misses clearly."""
    odd = [k for k, m in enumerate(areas_symmetry) if m <= 1 - MIN_ASYMMETRY]
    unclear = [k for k, m in enumerate(areas_symmetry) if 1 - MIN_ASYMMETRY < m < 1 - MAX_SYMMETRY_ERROR]
    if len(odd) != 1 or unclear:
        raise Reject(f"ambiguous: {len(odd)} clearly asymmetric shapes and {len(unclear)} unclear ones")
    return odd[0]


class Params(TaskParams):
    """G-248's parameter space: more shapes, subtler asymmetry and odd-sided symmetric shapes as it grows harder."""

    num_shapes: Annotated[int, Strata((4, 5), (5, 6), (6, 8))] = Field(
        5, ge=3, le=9, description="how many shapes are shown (one is asymmetric)")
    distortion: Annotated[float, Strata((0.42, 0.55), (0.3, 0.42), (0.22, 0.3), digits=2)] = Field(
        0.35, ge=0.18, le=0.6, description="how far (share of the radius) the asymmetric shape's moved vertices go")
    odd_sided: Annotated[bool, Strata(0.0, 0.5, 1.0)] = Field(
        False, description="symmetric odd-sided kinds (isosceles triangle, pentagon, arrow) among the shapes")
    mixed_colors: Annotated[bool, Strata(0.3, 0.6, 1.0)] = Field(
        True, description="each shape in its own colour instead of all in one")
    radius: Annotated[float, Uniform(36, 46, digits=1)] = Field(
        40.0, ge=28, le=52, description="size of the shapes: each has the area of a disc of 0.8 × this radius (px)")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The shapes (kind, centre, outline, mirror match), the ring radius, and the asymmetric one."""

    kinds: list[str]
    centers: list[Point]
    outlines: list[list[Point]]
    mirror: list[float]
    ring_radius: float
    target: int


class AsymmetricalShapeGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters mirror-symmetric shapes and one distorted, asymmetric one, and rings the asymmetric one."""

    def _distorted(self, kinds: tuple[str, ...]) -> tuple[str, list[Point]]:
        """A polygonal kind with one or two vertices moved by ``distortion``, or a bump (a new corner off the
        middle of an edge, ``distortion`` across it): simple and clearly asymmetric."""
        p, rng = self.params, self.rng
        polygonal = [k for k in kinds if k != "disc"]
        for _ in range(12):
            kind = polygonal[int(rng.integers(0, len(polygonal)))]
            points = list(kind_points(kind, float(rng.uniform(0.5, 0.7))))
            if len(points) <= 12 and rng.random() < 0.5:
                # A bump: a new corner off the middle of one edge, pushed out (or in) across the edge.
                edge = int(rng.integers(0, len(points)))
                (x0, y0), (x1, y1) = points[edge], points[(edge + 1) % len(points)]
                t = float(rng.uniform(0.2, 0.35)) if rng.random() < 0.5 else float(rng.uniform(0.65, 0.8))
                length = math.hypot(x1 - x0, y1 - y0)
                push = p.distortion * (1.0 if rng.random() < 0.75 else -0.6)
                bump = (x0 + t * (x1 - x0) + push * (y1 - y0) / length, y0 + t * (y1 - y0) - push * (x1 - x0) / length)
                points.insert(edge + 1, bump)
            else:
                for index in rng.choice(len(points), size=min(len(points), int(rng.integers(1, 3))), replace=False):
                    a = float(rng.uniform(0, 2 * math.pi))
                    x, y = points[int(index)]
                    points[int(index)] = (x + p.distortion * math.cos(a), y + p.distortion * math.sin(a))
            if (is_simple(points) and mirror_match(points) <= 1 - MIN_ASYMMETRY - 0.02
                    and centre_depth(points) >= CENTRE_DEPTH):
                return kind, points
        raise Reject("no clearly asymmetric distortion found")

    def generate(self) -> Sample:
        """Draw the kinds and the distorted shape, lay them out, measure each outline's symmetry, ring the odd one."""
        p, rng = self.params, self.rng
        kinds_pool = EVEN_KINDS + (ODD_KINDS if p.odd_sided else ())
        count = p.num_shapes
        base_kind, odd_points = self._distorted(kinds_pool)
        kinds = [kinds_pool[int(rng.integers(0, len(kinds_pool)))] for _ in range(count - 1)]
        if p.odd_sided and not any(k in ODD_KINDS for k in kinds):
            kinds[0] = ODD_KINDS[int(rng.integers(0, len(ODD_KINDS)))]
        shapes = [kind_points(k, float(rng.uniform(0.5, 0.7))) for k in kinds] + [odd_points]
        kinds = kinds + [f"distorted_{base_kind}"]
        ring = round(1.2 * p.radius + RING_PADDING, 1)
        centers = self.rings_apart([ring] * count, GAP, 6)
        kinds, shapes = shuffle_together(rng, kinds, shapes)
        outlines = [placed(points, center, p.radius, float(rng.uniform(0, 2 * math.pi)))
                    for points, center in zip(shapes, centers, strict=True)]
        # The candidate axes alone find a symmetric outline's mirror line; only a miss needs the turned lines too.
        mirror = [round(quick if (quick := mirror_match(o, steps=0)) >= 1 - MAX_SYMMETRY_ERROR else mirror_match(o), 3)
                  for o in outlines]
        target = asymmetrical_one(mirror)
        colors = fill_colors(rng, count, p.mixed_colors)

        first = filled_polygons(BACKGROUNDS[p.background], outlines, colors)
        solution = Solution(kinds=kinds, centers=centers, outlines=outlines, mirror=mirror, ring_radius=ring,
                            target=target)
        prompt = (
            "Several shapes are shown. All of them but one are mirror-symmetric (each has a line that splits it "
            "into two mirror-image halves). Find the one shape that is not symmetric and mark it by drawing a red "
            "circle around it. Mark only that shape and do not change anything else in the image."
        )
        return self.ringed_sample(first, prompt, solution)

    def target_outline(self, solution: Solution) -> list[Point]:
        """The asymmetric shape's own outline, 8 % out, traced in red instead of a ring around it."""
        k = solution.target
        cx, cy = solution.centers[k]
        return [(cx + 1.08 * (x - cx), cy + 1.08 * (y - cy)) for x, y in solution.outlines[k]]

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The least symmetric of the symmetric shapes (an odd-sided one when there is one), and the symmetric
        shape nearest the answer."""
        s = solution
        others = [k for k in range(len(s.kinds)) if k != s.target]
        odd = [k for k in others if s.kinds[k] in ODD_KINDS]
        decoy = odd[0] if odd else min(others, key=lambda k: s.mirror[k])
        nearest = min(others, key=lambda k: math.dist(s.centers[k], s.centers[s.target]))
        return {"symmetric_ringed": decoy, "neighbour_ringed": nearest}
