"""geometry_marks.judge.round_credit (issue 14): the one "round" rule of a point mark, shared by the family's
``read_mark`` and G-222's judge."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.geometry_marks.judge import ROUND_FULL, ROUND_ZERO, filled, round_credit
from vbvr_core.families.marking.judge import coverage_around
from vbvr_core.judge.credit import ramp


def _ring(size: int = 64, radius: float = 10.0, width: float = 2.0) -> np.ndarray:
    ys, xs = np.mgrid[:size, :size]
    distance = np.hypot(xs - size / 2, ys - size / 2)
    return np.abs(distance - radius) <= width / 2


def test_a_filled_ring_and_a_small_dot_are_round():
    assert round_credit(filled(_ring()), (32.0, 32.0)) == (1.0, 1.0)
    ys, xs = np.mgrid[:64, :64]
    dot = np.hypot(xs - 32, ys - 32) <= 3  # a dot of radius 3 px
    credit, cover = round_credit(dot, (32.0, 32.0))
    assert credit == 1.0 and cover == 1.0


def test_a_stroke_is_not_round():
    stroke = np.zeros((64, 64), bool)
    stroke[32, 10:54] = True
    credit, cover = round_credit(stroke, (32.0, 32.0))
    assert cover < ROUND_ZERO and credit == 0.0


def test_credit_is_the_ramp_of_the_coverage():
    half = _ring()
    half[:, 33:] = False  # half a ring: ~half the directions
    credit, cover = round_credit(filled(half), (32.0, 32.0))
    assert cover == coverage_around(filled(half), (32.0, 32.0), sectors=12, min_pixels=1, min_distance=0.5)
    assert credit == ramp(-cover, -ROUND_FULL, -ROUND_ZERO)
