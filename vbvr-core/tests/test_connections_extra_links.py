"""The connections judge reads an extra straight join whose segment runs over another point
(the last dot joined back to the first, over a dot between), while a run of expected joins through or beside a
point stays those joins."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.families.connections.draw import Stroke, StrokeScene
from vbvr_core.families.connections.judge import _blockers, read_answer

RED = (255, 80, 80)
RADIUS = 20.0


def _layer(points) -> np.ndarray:
    image = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x, y in points:
        draw.ellipse([x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS], fill=(100, 150, 255, 255),
                     outline=(0, 0, 0, 255), width=2)
    return np.asarray(image).copy()


def _read(points, order, width=5):
    """The joins read from the picture of ``points`` joined straight in ``order``, the path 0 → 1 → … expected."""
    scene = StrokeScene(_layer(points), 4)
    strokes = [Stroke((points[a], points[b]), RED, width) for a, b in zip(order, order[1:], strict=False)]
    links = [(k, k + 1, 0) for k in range(len(points) - 1)]
    return read_answer(scene.first, scene.final(strokes), points, [RADIUS] * len(points), [RED], links, "segment",
                       width)


# O-34 seed 7 sample 0: the segment from dot 5 back to dot 1 runs over dot 4's rim
CLOSING_OVER_A_DOT = [(168.5, 380.0), (415.3, 98.2), (307.5, 93.0), (156.8, 259.9), (184.0, 81.7)]
# O-34 seed 7 sample 3: the segment 4–7 runs over dot 6, beside the path 4 → 5 → 6 → 7 (0-based 3 … 6)
RUN_BESIDE = [(329.1, 53.9), (243.0, 469.3), (125.4, 163.7), (444.7, 269.5), (220.9, 242.0), (374.6, 308.6),
              (77.8, 416.4), (52.8, 67.3)]


def test_the_points_a_segment_runs_over_in_order_along_it():
    points = np.array([(0.0, 0.0), (100.0, 0.0), (50.0, 3.0), (20.0, -2.0), (50.0, 40.0)])
    assert _blockers(points, np.full(5, 5.0), 0, 1) == [3, 2]
    assert _blockers(points, np.full(5, 5.0), 0, 4) == []


def test_the_last_dot_joined_back_to_the_first_over_a_dot_is_an_extra_join():
    assert _blockers(np.array(CLOSING_OVER_A_DOT) / 2, np.full(5, RADIUS / 2), 4, 0) == [3]
    assert _read(CLOSING_OVER_A_DOT, [0, 1, 2, 3, 4]).extra == []
    assert _read(CLOSING_OVER_A_DOT, [0, 1, 2, 3, 4, 0]).extra == [(0, 4)]


def test_a_run_of_expected_joins_beside_a_segment_over_a_dot_is_no_extra_join():
    assert _blockers(np.array(RUN_BESIDE) / 2, np.full(8, RADIUS / 2), 3, 6) == [5]
    assert _read(RUN_BESIDE, list(range(8)), width=6).extra == []


@pytest.mark.parametrize("closing", [False, True])
def test_a_straight_run_through_a_dot_is_its_joins(closing):
    points = [(100.0, 256.0), (256.0, 256.0), (412.0, 256.0), (256.0, 420.0)]
    order = [0, 1, 2, 3] + ([0] if closing else [])
    reading = _read(points, order)
    assert (0, 2) not in reading.extra  # the line 0 → 1 → 2 runs over dot 1: it is the joins 0–1 and 1–2
    assert reading.extra == ([(0, 3)] if closing else [])
