"""The stacking family: animal faces (colours apart, measured as drawn, silhouettes) and the judge of pieces carried
one at a time into places of their own, on synthetic clips."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.draw import Sprite, Stage, draw_disc, ease_in_out, new_canvas, to_frame
from vbvr_core.families.stacking.faces import KINDS, Face, fur_colours_distinct, silhouette
from vbvr_core.families.stacking.judge import judge_carried, moving_interval, overlap_share
from vbvr_core.families.stacking.layout import draw_divider, near_miss_moves, one_at_a_time, scatter, split_board
from vbvr_core.media.video import VideoClip

COLORS = [(248, 113, 113), (96, 165, 250)]
STARTS = [(100.0, 150.0), (100.0, 350.0)]
TARGETS = [(400.0, 150.0), (400.0, 350.0)]


def test_fur_colours_are_apart_and_faces_are_measured_as_drawn():
    assert fur_colours_distinct()
    small, large = Face("rabbit", 20.0), Face("rabbit", 30.0)
    assert large.area > small.area and large.height > small.height and large.footprint > small.footprint
    for kind in KINDS:
        face = Face(kind, 24.0)
        assert abs(face.fur_offset[0]) < 2 and face.bottom > 0
        ring = np.asarray(silhouette(face, (100, 116, 139)))
        assert ring[..., 3].any() and not (ring[..., 3] > 0)[face.sprite.rgba[..., 3] > 0].all()


def test_faces_map_sprite_centres_to_fur_centroids_and_back():
    face = Face("cat", 24.0)
    fur = face.fur_point((200.0, 300.0))
    assert fur == (round(200.0 + face.fur_offset[0], 2), round(300.0 + face.fur_offset[1], 2))
    assert face.centre_for(fur) == pytest.approx((200.0, 300.0), abs=0.006)


def test_scattered_pieces_lie_in_their_box_and_apart():
    reaches = [30.0, 20.0, 25.0, 18.0]
    for seed in range(5):
        points = scatter(np.random.default_rng(seed), reaches, (10, 250), (100, 400), gap=12)
        assert points is not None and all(p == (int(p[0]), int(p[1])) for p in points)
        for (x, y), reach in zip(points, reaches, strict=True):
            assert 10 + reach - 1 <= x <= 250 - reach and 100 + reach - 1 <= y <= 400 - reach
        for a, b in itertools.combinations(range(4), 2):
            assert math.dist(points[a], points[b]) >= reaches[a] + reaches[b] + 12
    assert scatter(np.random.default_rng(0), [60.0, 60.0], (0, 130), (0, 130), tries=50) is None


def test_a_split_board_puts_pieces_left_and_places_right_in_another_order():
    reaches = [30.0, 24.0, 36.0, 28.0]
    starts, targets = split_board(np.random.default_rng(3), reaches, 20)
    assert all(x + r <= 236 for (x, _), r in zip(starts, reaches, strict=True))
    assert all(x - r >= 276 for (x, _), r in zip(targets, reaches, strict=True))
    assert split_board(np.random.default_rng(3), [70.0] * 4, 20) is None  # three fit down a half, not four
    image = Image.new("RGB", (512, 512), (255, 255, 255))
    draw_divider(ImageDraw.Draw(image), (0, 0, 0))
    ink = np.asarray(image)[..., 0] == 0
    assert ink[40:473, 252:260].all() and ink.sum() == 8 * 433


def test_slides_are_one_at_a_time():
    rows = one_at_a_time([(0.0, 0.0), (0.0, 50.0)], [(100.0, 0.0), (100.0, 50.0)], [1, 0], 10, 2)
    assert len(rows) == 1 + 10 + 2 + 10 == 23
    assert rows[10] == [(0.0, 0.0), (100.0, 50.0)] and rows[-1] == [(100.0, 0.0), (100.0, 50.0)]
    assert rows[5][0] == (0.0, 0.0) and 0 < rows[5][1][0] < 100


def test_near_misses_swap_the_first_two_pieces_or_leave_the_last_behind():
    targets, order = [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)], [2, 0, 1]
    misses = near_miss_moves(targets, order)
    assert misses["swapped_pair"] == ([(3.0, 3.0), (2.0, 2.0), (1.0, 1.0)], [2, 0, 1])
    assert misses["last_left_behind"] == (targets, [2, 0])
    assert targets == [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)]


def test_intervals_and_overlaps():
    assert moving_interval([0.0, 0.05, 0.2, 0.6, 0.95, 1.0]) == (2, 4)
    assert moving_interval([0.0, 0.0]) is None
    assert overlap_share((0, 9), (10, 19)) == 0 and overlap_share((0, 9), (0, 9)) == 1


def _sprite(color) -> Sprite:
    image = Image.new("RGBA", (44, 44), (0, 0, 0, 0))
    draw_disc(ImageDraw.Draw(image), (22, 22), 18, fill=(*color, 255))
    return Sprite.from_image(image)


def _clip(rows) -> VideoClip:
    stage = Stage(to_frame(new_canvas((250, 250, 250))))
    sprites = [_sprite(c) for c in COLORS]
    frames = np.stack([stage.frame(list(zip(sprites, row, strict=True)))[::2, ::2] for row in rows])
    return VideoClip(frames=frames, fps=24.0)


def _moves(sequential: bool, steps: int = 12):
    rows = [list(STARTS)] * 6
    current = list(STARTS)
    for index in (0, 1) if sequential else (None,):
        for k in range(1, steps + 1):
            t = ease_in_out(k / steps)
            for j in (0, 1) if index is None else (index,):
                current[j] = (STARTS[j][0] + (TARGETS[j][0] - STARTS[j][0]) * t, STARTS[j][1])
            rows.append(list(current))
    return rows + [list(current)] * 6


def _judge(rows, order=(0, 1)):
    clip = _clip(rows)
    first, final = _clip([rows[0]]).frames[0], _clip([rows[-1]]).frames[0]
    big = lambda f: np.repeat(np.repeat(f, 2, axis=0), 2, axis=1)  # noqa: E731
    return judge_carried(clip, big(first), big(final), COLORS, STARTS, TARGETS, list(order), ["red", "blue"])


def test_one_at_a_time_in_order_scores_one():
    assert _judge(_moves(True)).value == 1.0


def test_together_halves_and_another_order_costs():
    assert _judge(_moves(False)).parts["one_at_a_time"] == 0.5
    assert _judge(_moves(True), order=(1, 0)).parts["order"] == 0.7


def test_a_cut_to_the_end_and_a_piece_left_behind_score_low():
    rows = _moves(True)
    assert _judge(rows[:6] + rows[-6:]).value <= 0.05
    behind = [[row[0], STARTS[1]] for row in rows]
    result = _judge(behind)
    assert result.parts["complete"] == 0.5 and result.value <= 0.3
