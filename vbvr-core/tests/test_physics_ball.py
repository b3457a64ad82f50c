"""The physics family's ball: real-time frame counts, the ball sprite and the ball tracker."""

from __future__ import annotations

import numpy as np
from vbvr_core.draw import Stage
from vbvr_core.families.physics.ball import (
    BallScene,
    BallTrack,
    ball_sprite,
    ends_within_a_frame,
    fit_delay,
    real_time_frames,
    track_ball,
)
from vbvr_core.media.frames import resize_frame

RED = (220, 30, 30)


def test_real_time_frames_round_up_but_forgive_rounding():
    assert real_time_frames(1.0) == 24
    assert real_time_frames(1.0 + 1e-12) == 24
    assert real_time_frames(1.01) == 25
    assert real_time_frames(10 / 24) == 10


def test_ball_sprite_is_a_filled_disc_on_a_transparent_square():
    sprite = ball_sprite(12, RED, (10, 10, 10), pad=4)
    assert sprite.rgba.shape == (28, 28, 4)
    assert tuple(sprite.rgba[14, 14]) == RED + (255,)
    assert sprite.rgba[0, 0, 3] == 0 and tuple(sprite.rgba[14, 2]) == (10, 10, 10, 255)  # the outline at the rim


def _video(centres, size=256):
    stage = Stage(np.full((512, 512, 3), 240, np.uint8))
    sprite = ball_sprite(14, RED, (90, 10, 10), pad=6)
    frames = [stage.frame([(sprite, c)]) if c else stage.background.copy() for c in centres]
    return np.stack([resize_frame(f, size) for f in frames]), frames[0]


def test_track_ball_follows_the_ball_on_the_512_canvas_at_any_size():
    centres = [(100.0 + 20 * k, 300.0 - 10 * k) for k in range(6)]
    for size in (256, 512):
        frames, first = _video(centres, size)
        ball = track_ball(frames, first, RED, 14, tolerance=70.0)
        assert ball.total == 6 and ball.first_seen and ball.last_seen and ball.visible == 1.0
        assert np.abs(ball.points - np.array(centres)).max() < 1.5
        assert ball.unseen() is None


def test_a_ball_missing_at_the_ends_or_everywhere():
    frames, first = _video([(200.0, 200.0), None, (240.0, 200.0), None])
    ball = track_ball(frames, first, RED, 14, tolerance=70.0, box=(0, 0, 256, 256))
    assert list(ball.frames) == [0, 2] and ball.first_seen and not ball.last_seen and ball.visible == 0.5
    frames, first = _video([None, None, (240.0, 200.0)])
    lone = track_ball(frames, first, RED, 14, tolerance=70.0)
    assert not lone.first_seen and lone.unseen().value == 0 and lone.unseen().parts["visible"] == 1 / 3
    empty = BallTrack.from_centres([None, None])
    assert not empty.first_seen and not empty.last_seen and empty.points.shape == (0, 2)
    assert empty.unseen().reason == "the ball is not visible"


def test_fit_delay_picks_the_start_that_puts_the_sightings_on_the_law():
    delays = np.array([0.0, 0.5, 1.0])
    distances = np.array([[4.0, 4.0, 4.0], [0.0, 1.0, 100.0], [2.0, 2.0, 2.0]])
    assert fit_delay(delays, distances)[0] == 1.0  # the stray sighting decides without a cap
    delay, error = fit_delay(delays, distances, cap=5.0)
    assert delay == 0.5 and list(error) == [0.0, 1.0, 100.0]  # capped only for the fit


def test_ends_within_a_frame():
    assert ends_within_a_frame(0.0, 24) and ends_within_a_frame(1 / 8, 8)
    assert not ends_within_a_frame(-0.01, 24) and not ends_within_a_frame(0.05, 24)


def test_a_ball_scene_pastes_the_ball_at_each_centre_of_a_path():
    background = np.full((512, 512, 3), 240, np.uint8)
    sprite = ball_sprite(14, RED, (90, 10, 10), pad=6)
    scene = BallScene(background, sprite)
    path = np.array([[100.0, 200.0], [130.5, 210.25]])
    frames = list(scene.frames(path))
    assert len(frames) == 2 and np.array_equal(frames[1], Stage(background).frame([(sprite, (130.5, 210.25))]))
    assert np.array_equal(scene.frame((100, 200)), frames[0]) and (scene.stage.background == background).all()
