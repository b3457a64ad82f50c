"""The geometry_marks family's pieces: near misses declared as wrong points, ringed like the
answer by ``PointMarkGenerator.near_misses``, a construction of segments drawn by ``segments_image``, and points
kept inside the canvas by ``inside_canvas``."""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Category, Point, TaskInfo, TaskParams, TaskSolution
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.families.geometry_marks.draw import rings_in_turn, segments_image
from vbvr_core.families.geometry_marks.task import PointMarkGenerator, inside_canvas

POINTS = [(128.0, 256.0), (384.0, 256.0)]
ELSEWHERE = [(256.0, 100.0)]


class _Params(TaskParams):
    mark_radius: float = Field(16.0, ge=8, le=30)
    mark_frames: int = Field(5, ge=2, le=20)


class _Solution(TaskSolution):
    points: list[Point]


class _Plain(PointMarkGenerator):
    """Rings two points of an empty canvas; it names no wrong points."""

    info = TaskInfo(key="O-992_point_miss_demo", title="Point miss demo", category=Category.PERCEPTION,
                    description="Red rings are drawn round two points in turn.")
    Params = _Params
    Solution = _Solution

    def generate(self):
        first = to_frame(new_canvas((250, 248, 240)))
        return self.marked_sample(first, "Ring both points.", _Solution(points=POINTS), POINTS)


class _Rings(_Plain):
    """Its near misses ring a point elsewhere, and both points and it."""

    def wrong_points(self, solution: _Solution) -> dict[str, list[Point]]:
        return {"elsewhere": ELSEWHERE, "one_too_many": [*solution.points, *ELSEWHERE]}


def test_each_wrong_point_list_is_ringed_exactly_like_the_answer():
    generator = _Rings(0)
    sample = generator.generate()
    misses = generator.near_misses(sample)
    assert list(misses) == ["elsewhere", "one_too_many"]
    for name, points in (("elsewhere", ELSEWHERE), ("one_too_many", [*POINTS, *ELSEWHERE])):
        expected = list(rings_in_turn(sample.first_frame, points, 16.0, 5, generator.ring_width, generator.mark_color))
        got = list(misses[name]())
        assert len(got) == len(expected) and all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))


def test_no_wrong_points_no_near_misses():
    generator = _Plain(0)
    assert generator.near_misses(generator.generate()) == {}


def test_segments_image_draws_each_segment_in_its_colour():
    segments = [((10.0, 20.0), (300.0, 40.5)), ((100.0, 400.0), (450.0, 90.0))]
    fills = [(20, 90, 40), (30, 40, 120)]
    canvas = new_canvas((250, 248, 240))
    draw = ImageDraw.Draw(canvas)
    for segment, fill in zip(segments, fills, strict=True):
        draw.line(list(segment), fill=fill, width=5)
    assert np.array_equal(segments_image((250, 248, 240), segments, fills, 5), to_frame(canvas))


def test_inside_canvas_keeps_a_margin_on_both_axes():
    assert inside_canvas([(20.0, 20.0), (492.0, 300.0)], 20)
    assert not inside_canvas([(19.5, 200.0)], 20) and not inside_canvas([(200.0, 492.5)], 20)
    assert inside_canvas([], 20)
