"""The geometry_marks family's shared pieces: marks drawn on several points in turn, the generator base that rings
answer points (and its near misses declared as wrong points, ringed like the answer), segments drawn in their colours,
points kept inside the canvas, and the plane geometry of constructions."""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Category, Point, TaskInfo, TaskParams, TaskSolution
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.families.geometry_marks.draw import (
    dot_sweep,
    dots_in_turn,
    in_turn,
    pick_colours,
    rings_image,
    rings_in_turn,
    segments_image,
)
from vbvr_core.families.geometry_marks.task import PointMarkGenerator, inside_canvas
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.plane import (
    crossing_point,
    interior_angles,
    point_segment_distance,
    polygon_sides,
    segment_distance,
    shift_room,
)

POINTS = [(128.0, 256.0), (384.0, 256.0)]


@pytest.fixture(scope="module")
def first() -> np.ndarray:
    return to_frame(new_canvas((250, 248, 240)))


def test_in_turn_draws_each_sweep_on_the_last_frame_before_it(first):
    frames = list(in_turn(first, [partial(ring_sweep, center=POINTS[0], radius=20.0, frames=3), lambda base: [],
                                  partial(dot_sweep, center=POINTS[1], radius=9.0, frames=2)]))
    assert len(frames) == 1 + 3 + 2 and frames[0] is first
    ringed = ring_image(first, POINTS[0], 20.0)
    assert np.array_equal(frames[3], ringed)  # the empty sweep draws nothing
    assert np.array_equal(frames[-1][:, :256], ringed[:, :256]) and not np.array_equal(frames[-1], ringed)


def test_rings_in_turn_ends_on_rings_image_with_one_radius_or_one_per_point(first):
    for radii in (18.0, [18.0, 30.0]):
        frames = list(rings_in_turn(first, POINTS, radii, 4, width=4))
        assert len(frames) == 1 + 2 * 4
        assert np.array_equal(frames[-1], rings_image(first, POINTS, radii, width=4))
    assert rings_image(first, [], 10.0) is first
    wide = rings_image(first, POINTS, [18.0, 30.0])
    assert (wide[256, 384 + 30] != first[256, 0]).any() and (wide[256, 128 + 30] == first[256, 0]).all()
    dots = list(dots_in_turn(first, POINTS, 8.0, 3))
    assert len(dots) == 7 and (dots[-1][252:260, 380:388] == (225, 25, 25)).all()


class _Params(TaskParams):
    mark_radius: float = Field(16.0, ge=8, le=30)
    mark_frames: int = Field(5, ge=2, le=20)


class _Solution(TaskSolution):
    points: list[Point]


class _BlackRings(PointMarkGenerator):
    """Rings both points of an empty canvas in black, 3 px wide, held 4 frames at each end."""

    info = TaskInfo(key="O-991_point_ring_demo", title="Point ring demo", category=Category.PERCEPTION,
                    description="Black rings are drawn round two points in turn.")
    Params = _Params
    Solution = _Solution
    ring_width = 3
    mark_color = (20, 20, 20)
    hold_frames = 4

    def generate(self):
        first = to_frame(new_canvas((250, 248, 240)))
        return self.marked_sample(first, "Ring both points.", _Solution(points=POINTS), POINTS)


def test_a_point_mark_generator_rings_its_points_in_turn(first):
    generator = _BlackRings(0)
    sample = generator.generate()
    expected = rings_image(first, POINTS, 16.0, width=3, color=(20, 20, 20))
    assert np.array_equal(sample.final_frame, expected) and sample.hold_frames == 4
    frames = list(sample.trajectory())
    assert len(frames) == 1 + 2 * 5 and np.array_equal(frames[-1], expected)
    red = list(generator.rings(first, POINTS[:1], radius=25.0, color=(225, 25, 25)))
    assert np.array_equal(red[-1], ring_image(first, POINTS[0], 25.0, width=3))
    assert np.array_equal(list(generator.dots(first, POINTS, [6.0, 9.0]))[-1],
                          list(dots_in_turn(first, POINTS, [6.0, 9.0], 5))[-1])


def test_plane_geometry_of_segments_and_polygons():
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    assert polygon_sides(square)[-1] == ((0.0, 10.0), (0.0, 0.0))
    assert interior_angles(square) == pytest.approx([90.0] * 4)
    assert sum(interior_angles([(0.0, 0.0), (7.0, 1.0), (2.0, 5.0)])) == pytest.approx(180.0)
    assert point_segment_distance((5.0, 3.0), (0.0, 0.0), (10.0, 0.0)) == pytest.approx(3.0)
    assert point_segment_distance((13.0, 4.0), (0.0, 0.0), (10.0, 0.0)) == pytest.approx(5.0)  # past the end
    assert crossing_point(((0.0, 0.0), (10.0, 10.0)), ((0.0, 10.0), (10.0, 0.0))) == pytest.approx((5.0, 5.0))
    assert crossing_point(((0.0, 0.0), (5.0, 0.0)), ((5.0, 0.0), (5.0, 5.0))) is None  # touching at an end
    assert segment_distance(((0.0, 0.0), (10.0, 10.0)), ((0.0, 10.0), (10.0, 0.0))) == 0.0
    assert segment_distance(((0.0, 0.0), (10.0, 0.0)), ((3.0, 4.0), (8.0, 9.0))) == pytest.approx(4.0)
    (low_x, high_x), (low_y, high_y) = shift_room([(-50.0, -20.0), (50.0, 30.0)], 10.0)
    assert (low_x, high_x, low_y, high_y) == (60.0, 452.0, 30.0, 472.0)
    (low_x, high_x), _ = shift_room([(-300.0, 0.0), (300.0, 0.0)], 10.0)
    assert low_x > high_x  # too wide to fit


def test_pick_colours_mixes_or_draws_one_for_all():
    names = ("blue", "green", "purple")
    rng = np.random.default_rng(3)
    one = pick_colours(rng, names, 5, mixed=False)
    assert len(set(one)) == 1 and len(one) == 5
    mixed = pick_colours(np.random.default_rng(3), names, 40, mixed=True)
    assert set(mixed) == set(names)


ELSEWHERE = [(256.0, 100.0)]


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
