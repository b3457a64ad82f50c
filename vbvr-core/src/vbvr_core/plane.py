"""Plane geometry on the canvas (px, y down), one function per question, for drawing and judging alike: a polygon's
sides and corner angles, how far a point has come along a segment (:func:`share_along`), the distance from a
point to a segment (one point, many points, or each segment of a polyline), whether and where two segments cross,
the least distance between two segments, and how far a figure may be shifted and stay inside the canvas."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from vbvr_core.contract.geometry import Point

Segment = tuple[Point, Point]


def polygon_sides(corners: Sequence[Point]) -> list[Segment]:
    """Side k of the polygon through ``corners`` runs from corner k to corner k + 1 (the last closes it)."""
    return [(corners[k], corners[(k + 1) % len(corners)]) for k in range(len(corners))]


def interior_angles(corners: Sequence[Point]) -> list[float]:
    """Each corner's interior angle in degrees, of a convex polygon (any triangle): the angle at corner k between
    the sides to corners k − 1 and k + 1."""
    n = len(corners)
    out = []
    for k in range(n):
        (ax, ay), (bx, by), (cx, cy) = corners[k - 1], corners[k], corners[(k + 1) % n]
        u, v = (ax - bx, ay - by), (cx - bx, cy - by)
        cos = (u[0] * v[0] + u[1] * v[1]) / max(math.hypot(*u) * math.hypot(*v), 1e-9)
        out.append(math.degrees(math.acos(max(-1.0, min(1.0, cos)))))
    return out


def point_segment_distance(point: Point, a: Point, b: Point) -> float:
    """Distance from ``point`` to the nearest point of the segment ``a``–``b`` (to an end when the perpendicular
    misses it; to ``a`` when the segment is a point)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t = max(0.0, min(1.0, ((point[0] - x0) * dx + (point[1] - y0) * dy) / max(dx * dx + dy * dy, 1e-9)))
    return math.hypot(point[0] - x0 - t * dx, point[1] - y0 - t * dy)


def distances_to_segment(xs: np.ndarray, ys: np.ndarray, segment: Segment) -> tuple[np.ndarray, np.ndarray]:
    """:func:`point_segment_distance` of many points at once (the same arithmetic), and each point's position along
    the segment before clipping (0 at the first end, 1 at the second)."""
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    t = ((xs - x0) * dx + (ys - y0) * dy) / max(dx * dx + dy * dy, 1e-9)
    clipped = np.clip(t, 0.0, 1.0)
    return np.hypot(xs - x0 - clipped * dx, ys - y0 - clipped * dy), t


def segment_distances(point: np.ndarray, polyline: np.ndarray) -> np.ndarray:
    """Distance from ``point`` to each segment of ``polyline`` (N×2: segment k runs from point k to point k + 1)."""
    a, b = polyline[:-1], polyline[1:]
    ab = b - a
    t = np.clip(((point - a) * ab).sum(axis=1) / np.maximum((ab * ab).sum(axis=1), 1e-9), 0.0, 1.0)
    return np.linalg.norm(a + t[:, None] * ab - point, axis=1)


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether the segments ``a``–``b`` and ``c``–``d`` cross properly: each one's ends lie strictly on opposite sides
    of the other's line (segments that only touch, share an end or lie on one line do not cross)."""
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def crossing_point(a: Segment, b: Segment) -> Point | None:
    """The point where segments ``a`` and ``b`` properly cross (:func:`segments_cross`: each one's ends strictly on
    either side of the other), or None (apart, touching at an end, or collinear)."""
    if not segments_cross(*a, *b):
        return None
    (p1, p2), (q1, q2) = a, b
    d1 = (q2[0] - q1[0]) * (p1[1] - q1[1]) - (q2[1] - q1[1]) * (p1[0] - q1[0])  # p1's and p2's sides of b's line
    d2 = (q2[0] - q1[0]) * (p2[1] - q1[1]) - (q2[1] - q1[1]) * (p2[0] - q1[0])
    t = d1 / (d1 - d2)
    return (p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1]))


def segment_distance(a: Segment, b: Segment) -> float:
    """Least distance between two segments (px), 0 when they cross."""
    if crossing_point(a, b) is not None:
        return 0.0
    return min(point_segment_distance(a[0], *b), point_segment_distance(a[1], *b),
               point_segment_distance(b[0], *a), point_segment_distance(b[1], *a))


def shift_room(points: Sequence[Point], margin: float, size: int = 512) -> tuple[tuple[float, float],
                                                                                 tuple[float, float]]:
    """How far ``points`` (a figure built round the origin) may be shifted and keep ``margin`` px inside the
    ``size``-px canvas: the (least, greatest) shift along x and along y; the figure does not fit where a least
    exceeds its greatest."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return (margin - min(xs), size - margin - max(xs)), (margin - min(ys), size - margin - max(ys))


def share_along(points: npt.ArrayLike, start: npt.ArrayLike, end: npt.ArrayLike) -> float | np.ndarray:
    """How far ``points`` have come along the way from ``start`` to ``end``, as a share of the way: the projection
    (p − start)·(end − start) / |end − start|², 0 at ``start``, 1 at ``end``, below 0 before the start and above 1
    past the end — NOT clipped (clip with ``np.clip(..., 0.0, 1.0)`` where a place on the segment is wanted). A
    point off the line counts by the foot of its perpendicular.

    In the plane ``start`` and ``end`` are (x, y) pairs and ``points`` is one point (a float is returned) or an
    array of points (…×2; an array of shares is returned, each with exactly the arithmetic of the one-point form:
    (x − x0)·dx + (y − y0)·dy over dx·dx + dy·dy, in float64). Points with more coordinates (colours, …×3) are
    taken the same way, coordinate by coordinate. On a line ``start`` and ``end`` are numbers and ``points`` a
    number or an array of numbers: the share is (p − start) / (end − start), in the points' own precision. A
    degenerate way (``end`` equal to ``start``) gives 0 for every point."""
    if np.ndim(start) == 0:  # positions on a line
        way = end - start
        if way == 0:
            return np.zeros(np.shape(points)) if np.ndim(points) else 0.0
        return (points - start) / way
    start, end = np.asarray(start, dtype=np.float64), np.asarray(end, dtype=np.float64)
    way = end - start
    offset = np.asarray(points, dtype=np.float64) - start
    # Sums that start from their first term (not from 0), so that a −0.0 keeps its sign as the 2-D form always did.
    length_sq = sum((step * step for step in way[1:]), way[0] * way[0])
    if length_sq == 0:
        return np.zeros(offset.shape[:-1]) if offset.ndim > 1 else 0.0
    products = [offset[..., axis] * step for axis, step in enumerate(way)]
    share = sum(products[1:], products[0]) / length_sq
    return float(share) if offset.ndim == 1 else share
