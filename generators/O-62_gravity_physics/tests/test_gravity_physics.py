"""O-62 specifications: kinematics, determinism, validation, and the scorer on baselines and near misses."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from vbvr_core.contract import FPS
from vbvr_core.judge.run import run_scorer
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import VideoReader, write_video
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, load_sample_ref
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o62_gravity_physics.generator import (
    MAX_OVERSHOOT,
    MIN_ACCELERATION,
    MIN_FLIGHT_FRAMES,
    FlightScene,
    GravityPhysicsGenerator,
    Params,
    flight_problems,
    flight_time,
    height_at,
    peak_height,
    pixels_per_metre,
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
    sample = GravityPhysicsGenerator(4, {"height": 1.225, "gravity": 9.8, "velocity": 0.0}).generate()
    assert sample.solution.flight_time == pytest.approx(0.5)
    assert len(list(sample.trajectory())) == FPS // 2 + 1


def test_too_long_a_flight_for_the_picture_is_rejected():
    # 10 m at 9.8 m/s² takes 1.43 s: on a 460-px picture the speed grows by only 2 px per frame².
    with pytest.raises(Reject, match="too long for the picture"):
        GravityPhysicsGenerator(0, {"height": 10.0, "gravity": 9.8, "velocity": 0.0}).generate()


def test_drawn_height_lands_on_a_frame_under_a_fixed_gravity():
    # The height is drawn after the caller's gravity, to the millimetre, so the ball reaches the ground on a frame:
    # at the last frame the free-fall curve is at most MAX_OVERSHOOT px below the ground.
    for seed in range(20):
        p = GravityPhysicsGenerator(seed, {"gravity": 24.8, "velocity": 0.0}).params
        assert not flight_problems(p.height, p.velocity, p.gravity, p.ball_radius, p.fill)
        frames = math.ceil(flight_time(p.height, p.velocity, p.gravity) * FPS - 1e-9)
        scale = pixels_per_metre(p.height, p.velocity, p.gravity, p.ball_radius, p.fill)
        beyond = -(p.height - p.gravity * (frames / FPS) ** 2 / 2) * scale
        assert 0 <= beyond <= MAX_OVERSHOOT
        assert round(p.height, 3) == p.height


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_the_acceleration_stands_clear_of_pixel_rounding(difficulty):
    # Every drawn flight speeds the ball up by >= 6 px per frame² (24 fps) and lasts 10-38 frames.
    for seed in range(30):
        p = GravityPhysicsGenerator(seed, {"difficulty": difficulty}).params
        if flight_problems(p.height, p.velocity, p.gravity, p.ball_radius, p.fill):
            continue  # rejected and redrawn by the pipeline
        scale = pixels_per_metre(p.height, p.velocity, p.gravity, p.ball_radius, p.fill)
        assert p.gravity * scale / FPS**2 >= MIN_ACCELERATION
        assert MIN_FLIGHT_FRAMES <= math.ceil(flight_time(p.height, p.velocity, p.gravity) * FPS - 1e-9) <= 38


def _red_centroid_y(frame: np.ndarray) -> float:
    red = (frame[..., 0].astype(int) - frame[..., 1] > 100) & (frame[..., 0] > 100)
    rows = np.nonzero(red)[0]
    return float(rows.mean())


def test_the_ball_is_drawn_at_sub_pixel_heights():
    # Heights 1/8 px apart move the ball's red area by 1/8 px (antialiased), not in whole-pixel jumps.
    scene = FlightScene(Params(height=1.0, gravity=9.8, velocity=0.0))
    targets = 250 + np.arange(17) / 8
    heights = (scene.centre_y(0.0) - targets) / scene.pixels_per_metre
    centroids = np.array([_red_centroid_y(scene.frame(h)) for h in heights])
    errors = centroids - targets
    assert np.ptp(errors) < 0.25
    assert np.all(np.diff(centroids) > 0)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_whole_pixel_track_of_the_encoded_video_shows_constant_acceleration(difficulty, tmp_path):
    # Track the ball in the encoded ground truth, round each height down to a whole pixel (as a coarse tracker
    # would): the second differences stay within 20 % of their mean (whole-pixel drawing and slow curves failed).
    for seed in range(2):
        sample = GravityPhysicsGenerator(seed, {"difficulty": difficulty}).generate()
        video = tmp_path / f"{difficulty}-{seed}.mp4"
        write_video(video, sample.trajectory())
        capture = cv2.VideoCapture(str(video))
        rows = []
        while (read := capture.read())[0]:
            rows.append(math.floor(_red_centroid_y(cv2.cvtColor(read[1], cv2.COLOR_BGR2RGB))))
        accelerations = np.diff(rows, 2)
        assert len(rows) == len(list(sample.trajectory()))
        assert accelerations.std() <= 0.2 * np.abs(accelerations).mean()


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

    def test_ball_that_vanishes_mid_flight_loses_the_physics(self, samples, tmp_path):
        # Frames without the ball count against the flight: it cannot hide its motion in a gap.
        folder = samples[0]
        scene = FlightScene(Params(**load_record(folder).params))
        heights = _true_heights(folder, extra_wait=0, rest=0)
        frames = [scene.stage.background.copy() if 0.25 < k / len(heights) < 0.85 else scene.frame(h)
                  for k, h in enumerate(heights)]
        assert score_frames(folder, frames, tmp_path).parts["physics"] <= 0.5

    def test_ground_truth_converted_to_30_fps_by_repeating_frames_scores_high(self, samples, tmp_path):
        # A conversion shows each 24-fps frame at the 30-fps frames that fall within it (a frame up to 0.8 of a
        # 24-fps frame late): at a fast fall's tens of pixels per frame that is judged by time, not distance.
        for folder in samples:
            truth = VideoReader(folder / "ground_truth.mp4").clip().frames
            video = tmp_path / f"{folder.name}-30.mp4"
            write_video(video, retimed(truth, FPS, 30, len(truth) / FPS, lambda t: t), fps=30)
            assert run_scorer(score, load_sample_ref(folder), VideoReader(video)).value >= 0.95

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
