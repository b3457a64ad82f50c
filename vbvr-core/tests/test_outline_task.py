"""The outline-the-answer skeleton (families.outline.task): shape boundaries, the traced sample, the thin and
just-outside alternatives and the outlined near misses."""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, TaskParams, TaskSolution
from vbvr_core.draw import shape_points
from vbvr_core.families.outline.draw import circle_polygon
from vbvr_core.families.outline.task import TraceOutlineGenerator, shape_boundary

SQUARE = [(200.0, 200.0), (300.0, 200.0), (300.0, 300.0), (200.0, 300.0)]


def test_shape_boundary_is_the_drawn_outline_rounded():
    circle = shape_boundary("circle", (256.0, 256.0), 50.0, 1.0)
    assert len(circle) == 96 and circle[0] == (256.0, 206.0)  # circle_polygon's: first vertex straight up
    assert circle == [(round(x, 2), round(y, 2)) for x, y in circle_polygon((256.0, 256.0), 50.0)]
    hexagon = shape_boundary("hexagon", (100.123, 100.0), 30.0, 0.3)
    assert hexagon == [(round(x, 2), round(y, 2)) for x, y in shape_points("hexagon", (100.123, 100.0), 30.0, 0.3)]


class _Params(TaskParams):
    line_width: int = 6
    mark_frames: int = 5


class _Solution(TaskSolution):
    target: int


class _Gen(TraceOutlineGenerator):
    Params = _Params
    Solution = _Solution
    trace_color = (0, 160, 0)

    def generate(self):
        """Not called: these tests exercise the family's helpers on an instance, never a whole draw."""
        raise NotImplementedError


def _generator() -> _Gen:
    gen = _Gen.__new__(_Gen)
    gen.params = _Params()
    return gen


def test_traced_sample_ends_on_the_closed_outline_in_the_colour():
    gen = _generator()
    first = np.full((FRAME_SIZE, FRAME_SIZE, 3), 255, np.uint8)
    sample = gen.traced_sample(first, "outline it", SQUARE, _Solution(target=0))
    frames = list(sample.trajectory())
    assert len(frames) == 1 + gen.params.mark_frames and (frames[0] == first).all()
    assert (frames[-1] == sample.final_frame).all()
    assert tuple(sample.final_frame[200, 250]) == (0, 160, 0) and tuple(sample.final_frame[250, 250]) == (255,) * 3


def test_alternatives_and_misses_trace_the_given_polygons():
    gen = _generator()
    first = np.full((FRAME_SIZE, FRAME_SIZE, 3), 255, np.uint8)
    alternatives = gen.thin_and_outside(first, SQUARE, 6.0)
    assert list(alternatives) == ["thin_outline", "outline_just_outside"]
    outside = list(alternatives["outline_just_outside"]())[-1]
    assert tuple(outside[194, 250]) == (0, 160, 0) and tuple(outside[200, 250]) == (255,) * 3
    other = [(x + 100, y) for x, y in SQUARE]
    misses = gen.traced_misses(first, {"a": SQUARE, "b": other})
    assert tuple(list(misses["b"]())[-1][200, 350]) == (0, 160, 0)
    assert tuple(list(misses["a"]())[-1][200, 350]) == (255,) * 3


def test_polygon_mask_fills_points_or_an_array():
    from vbvr_core.families.outline.draw import polygon_mask

    mask = polygon_mask(SQUARE)
    assert mask.shape == (FRAME_SIZE, FRAME_SIZE) and mask.dtype == bool
    assert mask[250, 250] and not mask[250, 150] and mask.sum() == 101 * 101
    small = polygon_mask(np.asarray([(2.0, 2.0), (8.0, 2.0), (8.0, 8.0), (2.0, 8.0)]), 12)
    assert small.shape == (12, 12) and small.sum() == 49
