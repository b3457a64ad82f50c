"""G-169 locate_intersection_of_segments: find where the two crossing segments meet and circle that point in red.

Parameters → draw → solve → render → prompt:

- two segments cross at a point ``P`` (at 20–80 % of each one's length, at an angle of at least
  ``min_angle``); the other segments cross nothing and keep ``min_gap`` px (centre line to centre line) from
  every segment and 60 px from ``P``; with ``decoy``, one of them ends exactly ``min_gap`` px short of another
  segment — a near-T that almost meets it;
- the solver checks every pair of segments for a proper crossing, requires exactly one and takes its point;
- the video holds the scene, then draws a red circle centred on the crossing point stroke by stroke (the
  official evaluator looks for a red circle there), and holds the result.
"""

from __future__ import annotations

import math
from itertools import combinations
from typing import Annotated

from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex
from vbvr_core.families.geometry_marks.draw import pick_colours, segments_image
from vbvr_core.families.geometry_marks.task import PointMarkGenerator, inside_canvas
from vbvr_core.families.marking.task import shuffle_together
from vbvr_core.pipeline.generator import Reject
from vbvr_core.plane import Segment, crossing_point, point_segment_distance, segment_distance

from vbvr_g169_locate_intersection_of_segments.plugin import TASK

# Segment colours: dark or saturated, never red, orange or pink (the mark is red).
COLORS: tuple[str, ...] = ("black", "blue", "green", "purple", "brown", "cyan")
EDGE = 24.0  # segments keep this far from the canvas border
POINT_EDGE = 60.0  # the crossing point keeps this far from the border
CLEAR_OF_POINT = 60.0  # no other segment within this many px of the crossing point
DECOY_FAR = 110.0  # the near-T's gap lies this far from the crossing point


class Params(TaskParams):
    """G-169's parameter space: more segments, flatter crossings and a near-T as the difficulty grows."""

    num_segments: Annotated[int, Strata((2, 3), (3, 4), (4, 5))] = Field(
        3, ge=2, le=6, description="how many segments are drawn (two of them cross)")
    min_angle: Annotated[float, Strata((55, 75), (35, 55), (18, 32), digits=1)] = Field(
        40.0, ge=15, le=85, description="least angle (degrees) between the two crossing segments")
    min_gap: Annotated[float, Strata((34, 44), (22, 30), (12, 16), digits=1)] = Field(
        24.0, ge=10, le=50, description="least distance (px, centre lines) between two segments that do not cross")
    decoy: Annotated[bool, Strata(0.0, 0.5, 1.0)] = Field(
        False, description="one segment ends exactly min_gap px short of another: a near-T that does not cross")
    segment_length: Annotated[int, Uniform(220, 320)] = Field(
        260, ge=160, le=380, description="length (px) of the crossing segments; the others are 45–85 % of it")
    mixed_colors: Annotated[bool, Strata(0.3, 0.6, 1.0)] = Field(
        True, description="each segment in its own colour instead of all in one")
    line_width: Annotated[int, Uniform(3, 4)] = Field(3, ge=2, le=6, description="stroke width of the segments, px")
    background: BackgroundIndex = 0
    mark_radius: Annotated[float, Uniform(11, 15, digits=1)] = Field(
        13.0, ge=8, le=20, description="radius (px) of the red circle drawn on the crossing point")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=6, le=30, description="video frames over which the red circle is drawn")

    @model_validator(mode="after")
    def _decoy_needs_a_third_segment(self) -> Params:
        if self.decoy and self.num_segments < 3:
            raise ValueError("a near-T (decoy) needs a third segment: num_segments must be ≥ 3")
        return self


class Solution(TaskSolution):
    """The segments, the crossing pair and its point, and the near-T's gap (if any)."""

    segments: list[Segment]
    colors: list[str]
    pair: tuple[int, int]
    crossing: Point
    mark_radius: float
    decoy_point: Point | None = None


def find_crossing(segments: list[Segment]) -> tuple[tuple[int, int], Point]:
    """The single pair of segments that cross, and where; ``Reject`` when none or several pairs cross."""
    found = [((i, j), point) for i, j in combinations(range(len(segments)), 2)
             if (point := crossing_point(segments[i], segments[j])) is not None]
    if len(found) != 1:
        raise Reject(f"ambiguous: {len(found)} pairs of segments cross")
    return found[0]


def _rounded(segment: Segment) -> Segment:
    (x0, y0), (x1, y1) = segment
    return ((round(x0, 1), round(y0, 1)), (round(x1, 1), round(y1, 1)))


class LocateIntersectionOfSegmentsGenerator(PointMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws segments of which exactly two cross, and circles their crossing point in red."""

    def _crossing_pair(self) -> tuple[Segment, Segment, Point]:
        """Two segments crossing at a random point, at 20–80 % of each one's length; ``Reject`` if none fits."""
        p, rng = self.params, self.rng
        for _ in range(50):
            point = (float(rng.uniform(POINT_EDGE, 512 - POINT_EDGE)),
                     float(rng.uniform(POINT_EDGE, 512 - POINT_EDGE)))
            first_angle = float(rng.uniform(0, math.pi))
            turn = math.radians(float(rng.uniform(p.min_angle, 90.0))) * (1 if rng.random() < 0.5 else -1)
            pair = []
            for angle in (first_angle, first_angle + turn):
                length = p.segment_length * float(rng.uniform(0.85, 1.15))
                t = float(rng.uniform(0.2, 0.8))
                dx, dy = math.cos(angle), math.sin(angle)
                pair.append(_rounded(((point[0] - t * length * dx, point[1] - t * length * dy),
                                      (point[0] + (1 - t) * length * dx, point[1] + (1 - t) * length * dy))))
            if inside_canvas([end for seg in pair for end in seg], EDGE):
                return pair[0], pair[1], point
        raise Reject("layout: the crossing segments leave the canvas")

    def _fits(self, seg: Segment, segments: list[Segment], point: Point, skip: int | None = None) -> bool:
        if not inside_canvas(seg, EDGE):
            return False
        if point_segment_distance(point, *seg) < CLEAR_OF_POINT:
            return False
        return all(segment_distance(seg, other) >= self.params.min_gap
                   for k, other in enumerate(segments) if k != skip)

    def _decoy(self, segments: list[Segment], point: Point) -> tuple[Segment, Point]:
        """A segment that ends exactly ``min_gap`` px from a host segment, heading away from it."""
        p, rng = self.params, self.rng
        for _ in range(200):
            host = int(rng.integers(0, len(segments)))
            (x0, y0), (x1, y1) = segments[host]
            t = float(rng.uniform(0.25, 0.75))
            foot = (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
            length = math.hypot(x1 - x0, y1 - y0)
            normal = (-(y1 - y0) / length, (x1 - x0) / length)
            if rng.random() < 0.5:
                normal = (-normal[0], -normal[1])
            start = (foot[0] + p.min_gap * normal[0], foot[1] + p.min_gap * normal[1])
            tilt = math.radians(float(rng.uniform(-40, 40)))
            direction = (normal[0] * math.cos(tilt) - normal[1] * math.sin(tilt),
                         normal[0] * math.sin(tilt) + normal[1] * math.cos(tilt))
            size = p.segment_length * float(rng.uniform(0.45, 0.85))
            seg = _rounded((start, (start[0] + size * direction[0], start[1] + size * direction[1])))
            gap_point = ((start[0] + foot[0]) / 2, (start[1] + foot[1]) / 2)
            if math.dist(gap_point, point) < DECOY_FAR or not self._fits(seg, segments, point, skip=host):
                continue
            if segment_distance(seg, segments[host]) < p.min_gap - 0.5:
                continue
            return seg, (round(gap_point[0], 2), round(gap_point[1], 2))
        raise Reject("layout: no room for the near-T")

    def _free(self, segments: list[Segment], point: Point) -> Segment:
        p, rng = self.params, self.rng
        for _ in range(200):
            size = p.segment_length * float(rng.uniform(0.45, 0.85))
            angle = float(rng.uniform(0, math.pi))
            dx, dy = size / 2 * math.cos(angle), size / 2 * math.sin(angle)
            cx = float(rng.uniform(EDGE + abs(dx), 512 - EDGE - abs(dx)))
            cy = float(rng.uniform(EDGE + abs(dy), 512 - EDGE - abs(dy)))
            seg = _rounded(((cx - dx, cy - dy), (cx + dx, cy + dy)))
            if self._fits(seg, segments, point):
                return seg
        raise Reject("cluttered: the segments do not fit apart")

    def generate(self) -> Sample:
        """Lay out the segments, find the crossing, draw the scene and the red circle on the crossing point."""
        p, rng = self.params, self.rng
        a, b, point = self._crossing_pair()
        segments = [a, b]
        decoy_point = None
        if p.decoy:
            seg, decoy_point = self._decoy(segments, point)
            segments.append(seg)
        while len(segments) < p.num_segments:
            segments.append(self._free(segments, point))
        (segments,) = shuffle_together(rng, segments)  # the list order says nothing about the pair
        pair, crossing = find_crossing(segments)
        crossing = (round(crossing[0], 2), round(crossing[1], 2))
        colors = pick_colours(rng, COLORS, len(segments), p.mixed_colors)
        first = segments_image(BACKGROUNDS[p.background], segments, [PALETTE[c] for c in colors], p.line_width)
        solution = Solution(segments=segments, colors=colors, pair=pair, crossing=crossing,
                            mark_radius=p.mark_radius, decoy_point=decoy_point)
        count = "Two line segments are" if len(segments) == 2 else f"{len(segments)} line segments are"
        prompt = (
            f"{count} drawn. Exactly two of them cross each other. Find the point where they intersect and mark it "
            "by drawing a red circle centred on that point. Do not change anything else in the image."
        )
        return self.marked_sample(first, prompt, solution, [crossing])

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct marks: a filled red dot, and a wider red circle, on the crossing point."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        return {"red_dot": lambda: self.dots(first, [s.crossing], 7.0),
                "wide_ring": lambda: self.rings(first, [s.crossing], radius=s.mark_radius * 1.6)}

    def wrong_points(self, s: Solution) -> dict[str, list[Point]]:
        """Wrong points circled like the right one: 40 px along a crossing segment, the nearer end of a crossing
        segment, the crossing and an end both circled, and (with a near-T) the gap that almost meets."""
        (x0, y0), (x1, y1) = s.segments[s.pair[0]]
        length = math.hypot(x1 - x0, y1 - y0)
        along = (s.crossing[0] + 40 * (x1 - x0) / length, s.crossing[1] + 40 * (y1 - y0) / length)
        end = min(s.segments[s.pair[1]], key=lambda e: math.dist(e, s.crossing))
        misses = {"off_along_segment": [along], "segment_end_marked": [end], "crossing_and_end_marked": [s.crossing, end]}
        if s.decoy_point is not None:
            misses["near_t_marked"] = [s.decoy_point]
        return misses
