"""plane.share_along: how far points have come along a way, one formula for one point, many points and a line."""

from __future__ import annotations

import numpy as np
from vbvr_core.plane import share_along


def test_one_point_in_the_plane():
    assert share_along((0.0, 3.0), (0.0, 0.0), (10.0, 0.0)) == 0.0
    assert share_along((5.0, -4.0), (0.0, 0.0), (10.0, 0.0)) == 0.5  # off the line: by the foot
    assert share_along((13.0, 0.0), (1.0, 1.0), (7.0, 1.0)) == 2.0  # past the end: not clipped
    assert share_along((-2.0, 1.0), (1.0, 1.0), (7.0, 1.0)) == -0.5
    assert isinstance(share_along((1, 2), (0, 0), (3, 4)), float)


def test_many_points_match_one_point_bit_for_bit():
    rng = np.random.default_rng(3)
    points = rng.uniform(-600, 600, (500, 2))
    start, end = rng.uniform(0, 512, 2), rng.uniform(0, 512, 2)
    shares = share_along(points, start, end)
    assert shares.shape == (500,)
    assert all(shares[k] == share_along(tuple(p), start, end) for k, p in enumerate(points))
    # the formula it stands for: (p - start) . (end - start) / |end - start|^2, the dot products as `@` writes them
    way = end - start
    assert all(shares[k] == float((p - start) @ way / (way @ way)) for k, p in enumerate(points))
    assert share_along(points.reshape(5, 100, 2), start, end).shape == (5, 100)


def test_positions_on_a_line():
    assert share_along(7.0, 4.0, 10.0) == 0.5
    assert share_along(1.0, 4.0, 10.0) == -0.5
    series = np.array([4.0, np.nan, 10.0], dtype=np.float32)
    shares = share_along(series, 4.0, 10.0)
    assert shares.dtype == np.float32  # in the points' own precision
    assert shares[0] == 0 and np.isnan(shares[1]) and shares[2] == 1


def test_degenerate_way_gives_zero():
    assert share_along((3.0, 4.0), (1.0, 1.0), (1.0, 1.0)) == 0.0
    assert share_along(np.ones((4, 2)), (1.0, 1.0), (1.0, 1.0)).tolist() == [0.0] * 4
    assert share_along(5.0, 2.0, 2.0) == 0.0
    assert share_along(np.array([1.0, np.nan]), 2.0, 2.0).tolist() == [0.0, 0.0]


def test_clipped_by_the_caller():
    assert float(np.clip(share_along((20.0, 0.0), (0.0, 0.0), (10.0, 0.0)), 0.0, 1.0)) == 1.0


def test_points_with_more_coordinates_are_projected_coordinate_by_coordinate():
    start, end = (200, 40, 40), (40, 40, 200)  # a red turning blue, in RGB
    colours = np.array([[200.0, 40.0, 40.0], [120.0, 40.0, 120.0], [40.0, 40.0, 200.0], [120.0, 90.0, 120.0]])
    assert share_along(colours, start, end).tolist() == [0.0, 0.5, 1.0, 0.5]  # off the line: by the foot
    assert share_along(colours[1], start, end) == 0.5
    assert share_along(colours, start, start).tolist() == [0.0] * 4
