"""The connections family: strokes grown beneath points (and their scene), the judge of which pairs they join, its
reading of an answer's final picture (an extra join over a third point included), and the plane geometry of lines
it uses."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.draw import ease_in_out
from vbvr_core.families.connections.draw import (
    Stroke,
    StrokeScene,
    bezier,
    compose,
    path_length,
    polyline_prefix,
    stroke_frames,
)
from vbvr_core.families.connections.judge import (
    JUDGE_SIZE,
    Points,
    _blockers,
    judge_links,
    read_answer,
    sequence_credit,
)
from vbvr_core.media.video import VideoReader, write_video
from vbvr_core.plane import segment_distances, segments_cross

POINTS = [(100.0, 100.0), (400.0, 120.0), (380.0, 400.0), (120.0, 380.0)]
RADIUS = 20.0
RED, BLUE = (230, 40, 40), (40, 90, 220)
WHITE = np.full((512, 512, 3), 255, np.uint8)


def _layer(points=POINTS, fill=(250, 200, 100, 255)) -> np.ndarray:
    image = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x, y in points:
        draw.ellipse([x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS], fill=fill, outline=(0, 0, 0, 255), width=2)
    return np.asarray(image).copy()


BACKGROUND = np.full((512, 512, 3), 255, np.uint8)
FIRST = compose(BACKGROUND, _layer(), [], [])


def _video(tmp_path, strokes, together=False, name="v.mp4"):
    frames = [FIRST] * 6 + list(stroke_frames(BACKGROUND, _layer(), strokes, 8, together))
    frames += frames[-1:] * 6
    write_video(tmp_path / name, frames)
    return VideoReader(tmp_path / name)


def _segments(order, color=RED):
    return [Stroke((POINTS[a], POINTS[b]), color, 5) for a, b in zip(order, order[1:], strict=False)]


def test_prefixes_and_curves():
    path = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]
    assert path_length(path) == 20
    assert polyline_prefix(path, 0.75) == [(0.0, 0.0), (10.0, 0.0), (10.0, 5.0)]
    curve = bezier((0.0, 0.0), (50.0, 50.0), (100.0, 0.0), 10)
    assert curve[0] == (0.0, 0.0) and curve[-1] == (100.0, 0.0) and curve[5] == (50.0, 25.0)
    assert len(list(stroke_frames(BACKGROUND, None, _segments([0, 1, 2]), 4))) == 8


def test_stroke_frames_are_the_composed_stages():
    strokes, layer = _segments([0, 1, 2]), _layer()
    frames = list(stroke_frames(BACKGROUND, layer, strokes, 3))
    assert np.array_equal(frames[4], compose(BACKGROUND, layer, strokes, [1.0, ease_in_out(2 / 3)]))
    assert np.array_equal(frames[-1], compose(BACKGROUND, layer, strokes, [1.0, 1.0]))


def test_sequence_credit_needs_one_join_after_another():
    ramp_a = np.r_[np.linspace(0, 1, 5), np.ones(10)]
    ramp_b = np.r_[np.zeros(5), np.linspace(0, 1, 5), np.ones(5)]
    assert sequence_credit([ramp_a, ramp_b], ordered=True)[0] == 1
    assert sequence_credit([ramp_b, ramp_a], ordered=True)[0] == 0
    assert sequence_credit([ramp_b, ramp_a], ordered=False)[0] == 1
    assert sequence_credit([ramp_a, ramp_a], ordered=False)[0] == 0


@pytest.mark.parametrize(("order", "together", "low", "high"), [
    ([0, 1, 2, 3], False, 0.95, 1.0),      # the path in order
    ([3, 2, 1, 0], False, 0.0, 0.1),       # the same lines from the end back
    ([0, 1, 2, 3], True, 0.0, 0.1),        # every line at once
    ([0, 1, 2, 3, 0], False, 0.29, 0.31),  # one extra line closing the loop costs 0.7
    ([0, 2, 1, 3], False, 0.0, 0.1),       # wrong pairs
])
def test_segment_joins(tmp_path, order, together, low, high):
    links = [(0, 1, 0), (1, 2, 0), (2, 3, 0)]
    result = judge_links(_video(tmp_path, _segments(order), together), FIRST, POINTS, [RADIUS] * 4, [RED], links,
                         mode="segment", ordered=True)
    assert low <= result.value <= high, result


def test_curve_joins_read_colours_and_wrong_partners(tmp_path):
    links = [(0, 1, 0), (2, 3, 1)]
    bent = Stroke(bezier(POINTS[0], (250.0, 20.0), POINTS[1]), RED, 5)
    right = [bent, Stroke((POINTS[2], POINTS[3]), BLUE, 5)]
    good = judge_links(_video(tmp_path, right), FIRST, POINTS, [RADIUS] * 4, [RED, BLUE], links, mode="curve")
    assert good.value >= 0.95, good
    wrong = [bent, Stroke((POINTS[1], POINTS[2]), BLUE, 5)]
    bad = judge_links(_video(tmp_path, wrong, name="w.mp4"), FIRST, POINTS, [RADIUS] * 4, [RED, BLUE], links,
                      mode="curve")
    assert bad.value <= 0.1 and bad.parts["extra"] < 1, bad


def test_a_curve_crossed_by_a_later_line_still_joins_its_pair(tmp_path):
    links = [(0, 2, 0), (1, 3, 1)]
    crossing = [Stroke(bezier(POINTS[0], (200.0, 300.0), POINTS[2]), RED, 5), Stroke((POINTS[1], POINTS[3]), BLUE, 7)]
    result = judge_links(_video(tmp_path, crossing), FIRST, POINTS, [RADIUS] * 4, [RED, BLUE], links, mode="curve")
    assert result.value >= 0.95, result
    # a red line from each end that meets only through a long stretch of blue does not join the pair
    halves = [Stroke((POINTS[0], (170.0, 170.0)), RED, 5), Stroke(((170.0, 170.0), (310.0, 310.0)), BLUE, 5),
              Stroke(((310.0, 310.0), POINTS[2]), RED, 5), Stroke((POINTS[1], POINTS[3]), BLUE, 5)]
    result = judge_links(_video(tmp_path, halves, name="h.mp4"), FIRST, POINTS, [RADIUS] * 4, [RED, BLUE], links,
                         mode="curve")
    assert result.parts["links"] < 1, result


def _segments(order, color=RED):
    return [Stroke((POINTS[a], POINTS[b]), color, 5) for a, b in zip(order, order[1:], strict=False)]


def test_a_stroke_scene_is_the_points_on_white_with_strokes_grown_one_after_another():
    scene, strokes = StrokeScene(_layer(), 4), _segments([0, 1, 2])
    assert np.array_equal(scene.first, compose(WHITE, _layer(), [], []))
    assert np.array_equal(scene.final(strokes), compose(WHITE, _layer(), strokes, [1.0, 1.0]))
    video = list(scene.video(strokes))
    assert len(video) == 9 and video[0] is scene.first and np.array_equal(video[-1], scene.final(strokes))
    together = list(scene.video(strokes, together=True))
    assert len(together) == 5
    assert all(np.array_equal(a, b) for a, b in zip(together[1:], stroke_frames(WHITE, _layer(), strokes, 4, True),
                                                    strict=True))


def test_points_are_scaled_to_the_judge_with_their_discs_left_out():
    points = Points(POINTS, [RADIUS] * 4)
    factor = JUDGE_SIZE / 512
    assert np.allclose(points.centers, np.asarray(POINTS) * factor) and np.allclose(points.radii, RADIUS * factor)
    x, y = (int(v) for v in points.centers[0])
    assert points.excluded.shape == (JUDGE_SIZE, JUDGE_SIZE) and points.excluded[y, x]
    assert not points.excluded[JUDGE_SIZE // 2, JUDGE_SIZE // 2]


def test_read_answer_reads_the_joins_of_a_final_picture():
    scene = StrokeScene(_layer(), 4)
    links = [(0, 1, 0), (1, 2, 0)]
    right = read_answer(scene.first, scene.final(_segments([0, 1, 2])), POINTS, [RADIUS] * 4, [RED], links,
                        "segment", 5)
    assert min(right.coverage) >= 0.95 and not right.extra
    short = read_answer(scene.first, scene.final(_segments([0, 1])), POINTS, [RADIUS] * 4, [RED], links, "segment", 5)
    assert short.coverage[1] < 0.5
    extra = read_answer(scene.first, scene.final(_segments([0, 1, 2, 3])), POINTS, [RADIUS] * 4, [RED], links,
                        "segment", 5)
    assert extra.extra == [(2, 3)]
    curve = Stroke(bezier(POINTS[0], (250.0, 250.0), POINTS[2], 40), BLUE, 6)
    curved = read_answer(scene.first, scene.final([curve]), POINTS, [RADIUS] * 4, [RED, BLUE], [(0, 2, 1)], "curve", 6)
    assert curved.coverage == [1.0] and not curved.extra


def test_segment_distances_from_a_point_to_each_segment_of_a_polyline():
    polyline = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [10.0, 10.0]])
    assert np.allclose(segment_distances(np.array([5.0, 3.0]), polyline), [3.0, 5.0, np.hypot(5.0, 7.0)])
    assert np.allclose(segment_distances(np.array([-4.0, 3.0]), polyline)[0], 5.0)  # beyond an end: to the end


def test_segments_cross_only_when_each_ends_on_both_sides_of_the_other():
    assert segments_cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not segments_cross((0, 0), (10, 10), (20, 0), (30, 10))  # apart
    assert not segments_cross((0, 0), (10, 10), (10, 10), (20, 0))  # sharing an end
    assert not segments_cross((0, 0), (10, 0), (5, 0), (5, 10))  # touching


# An extra straight join whose segment runs over another point (the last dot joined back to the first, over a dot
# between) is read as extra; a run of expected joins through or beside a point stays those joins.
LINK_RED = (255, 80, 80)


def _read(points, order, width=5):
    """The joins read from the picture of ``points`` joined straight in ``order``, the path 0 → 1 → … expected."""
    scene = StrokeScene(_layer(points, fill=(100, 150, 255, 255)), 4)
    strokes = [Stroke((points[a], points[b]), LINK_RED, width) for a, b in zip(order, order[1:], strict=False)]
    links = [(k, k + 1, 0) for k in range(len(points) - 1)]
    return read_answer(scene.first, scene.final(strokes), points, [RADIUS] * len(points), [LINK_RED], links, "segment",
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
