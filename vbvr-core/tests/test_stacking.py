"""The stacking family: animal faces (colours apart, measured as drawn, silhouettes) and the judge of pieces carried
one at a time into places of their own, on synthetic clips."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.draw import Sprite, Stage, draw_disc, ease_in_out, new_canvas, to_frame
from vbvr_core.families.stacking.faces import KINDS, Face, fur_colours_distinct, silhouette
from vbvr_core.families.stacking.judge import judge_carried, moving_interval, overlap_share
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
