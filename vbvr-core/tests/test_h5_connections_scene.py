"""The connections family's stroke scene and the judge's reading of an answer's final picture."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.families.connections.draw import (
    Stroke,
    StrokeScene,
    bezier,
    compose,
    stroke_frames,
)
from vbvr_core.families.connections.judge import JUDGE_SIZE, Points, read_answer
from vbvr_core.plane import segment_distances, segments_cross

POINTS = [(100.0, 100.0), (400.0, 120.0), (380.0, 400.0), (120.0, 380.0)]
RADIUS = 20.0
RED, BLUE = (230, 40, 40), (40, 90, 220)
WHITE = np.full((512, 512, 3), 255, np.uint8)


def _layer() -> np.ndarray:
    image = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x, y in POINTS:
        draw.ellipse([x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS], fill=(250, 200, 100, 255),
                     outline=(0, 0, 0, 255), width=2)
    return np.asarray(image).copy()


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
