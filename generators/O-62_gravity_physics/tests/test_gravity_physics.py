"""O-62 specifications: kinematics, determinism, validation, and the scorer on baselines and near misses."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from vbvr_core.contract import FPS
from vbvr_core.judge.run import run_scorer
from vbvr_core.media.video import VideoReader, write_video
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, load_sample_ref
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o62_gravity_physics.generator import (
    FlightScene,
    GravityPhysicsGenerator,
    Params,
    flight_time,
    height_at,
    peak_height,
)
from vbvr_o62_gravity_physics.scorer import score


def test_free_fall_time_matches_half_g_t_squared():
    assert flight_time(19.6, 0.0, 9.8) == pytest.approx(2.0)
    assert height_at(1.0, 19.6, 0.0, 9.8) == pytest.approx(14.7)


def test_thrown_up_ball_rises_then_falls_and_rests():
    assert peak_height(5.0, 9.8, 9.8) == pytest.approx(9.9)
    t_land = flight_time(5.0, 9.8, 9.8)
    assert t_land == pytest.approx((9.8 + math.sqrt(9.8**2 + 2 * 9.8 * 5)) / 9.8)
    assert height_at(t_land + 1, 5.0, 9.8, 9.8) == 0.0  # no bounce, no sinking


def test_video_lasts_the_flight_in_real_time():
    sample = GravityPhysicsGenerator(4, {"height": 19.6, "gravity": 9.8, "velocity": 0.0}).generate()
    assert sample.solution.flight_time == pytest.approx(2.0)
    assert len(list(sample.trajectory())) == 2 * FPS + 1


def test_too_long_a_flight_is_rejected():
    with pytest.raises(Reject, match="outside"):
        GravityPhysicsGenerator(0, {"height": 50.0, "gravity": 1.6, "velocity": 0.0}).generate()


def test_drawn_height_follows_a_fixed_gravity():
    # The height is drawn after the caller's gravity, from a flight time of 1-2.6 s.
    for seed in range(20):
        p = GravityPhysicsGenerator(seed, {"gravity": 24.8, "velocity": 0.0}).params
        assert 1.0 - 0.05 <= flight_time(p.height, p.velocity, p.gravity) <= 2.6 + 0.05


def test_the_ball_is_red_as_in_the_official_task():
    sample = GravityPhysicsGenerator(3, {"difficulty": 0}).generate()
    assert sample.solution.ball_color == (220, 30, 30)


def _flight(folder, heights) -> list[np.ndarray]:
    scene = FlightScene(Params(**load_record(folder).params))
    return [scene.frame(h) for h in heights]


def _true_heights(folder, extra_wait: int = 5, rest: int = 6) -> list[float]:
    p = Params(**load_record(folder).params)
    frames = math.ceil(flight_time(p.height, p.velocity, p.gravity) * FPS)
    return [p.height] * extra_wait + [height_at(k / FPS, p.height, p.velocity, p.gravity) for k in range(frames + rest)]


class TestContract(SampleContract):
    key = "O-62_gravity_physics"

    def test_correct_flight_after_a_different_wait_scores_high(self, samples, tmp_path):
        folder = samples[0]
        assert score_frames(folder, _flight(folder, _true_heights(folder, extra_wait=9)), tmp_path).value >= 0.95

    def test_ball_that_stops_mid_air_scores_zero(self, samples, tmp_path):
        folder = samples[0]
        heights = [max(h, 0.4 * load_record(folder).params["height"]) for h in _true_heights(folder)]
        result = score_frames(folder, _flight(folder, heights), tmp_path)
        assert result.value == 0 and result.parts["end"] == 0

    def test_ball_that_falls_through_the_floor_scores_zero(self, samples, tmp_path):
        folder = samples[0]
        heights = _true_heights(folder, rest=0) + [-1.5 * k for k in range(1, 8)]
        assert score_frames(folder, _flight(folder, heights), tmp_path).value == 0

    def test_fall_at_constant_speed_loses_the_physics(self, samples, tmp_path):
        folder = samples[0]
        p = Params(**load_record(folder).params)
        frames = math.ceil(flight_time(p.height, p.velocity, p.gravity) * FPS)
        heights = [p.height] * 5 + [p.height * (1 - k / frames) for k in range(frames + 1)] + [0.0] * 6
        result = score_frames(folder, _flight(folder, heights), tmp_path)
        assert result.parts["physics"] < 0.6 and result.value < 0.8

    @pytest.mark.parametrize("fps, size", [(16, 384), (30, 640)])
    def test_correct_flight_at_another_frame_rate_and_size_scores_high(self, samples, tmp_path, fps, size):
        folder = samples[1]
        p = Params(**load_record(folder).params)
        frames = math.ceil(flight_time(p.height, p.velocity, p.gravity) * fps)
        heights = [p.height] * 6 + [height_at(k / fps, p.height, p.velocity, p.gravity) for k in range(frames + 8)]
        video = tmp_path / f"flight-{fps}.mp4"
        write_video(video, (cv2.resize(frame, (size, size), interpolation=cv2.INTER_AREA)
                            for frame in _flight(folder, heights)), fps=fps)
        assert run_scorer(score, load_sample_ref(folder), VideoReader(video)).value >= 0.95

    def test_ground_truth_at_8_fps_ending_on_the_landing_scores_high(self, samples, tmp_path):
        # The clip ends on the landing frame; at 8 fps the last frame may come just before it, on the curve.
        for folder in samples:
            p = Params(**load_record(folder).params)
            landing = flight_time(p.height, p.velocity, p.gravity)
            times = np.arange(0.0, landing, 1 / 8)
            video = tmp_path / f"{folder.name}-8fps.mp4"
            write_video(video, _flight(folder, [height_at(t, p.height, p.velocity, p.gravity) for t in times]), fps=8)
            assert run_scorer(score, load_sample_ref(folder), VideoReader(video)).value >= 0.95
