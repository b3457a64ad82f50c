"""The bench's fast paths give exactly what the plain computations give (issue 15, item 4: the bench stays fast)."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.shape_rules.judge import _channel_medians, _read_series, read_slot
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, same_colour_tracks
from vbvr_core.media import video as video_module
from vbvr_core.media.frames import byte_medians, channel_max, channel_min, channel_sum
from vbvr_core.media.video import VideoReader, held, read_video, write_video


@pytest.fixture(scope="module")
def moving_video(tmp_path_factory) -> str:
    """A 40-frame 96×64 video of a square crossing a gradient (every frame differs)."""
    path = tmp_path_factory.mktemp("fast") / "moving.mp4"
    ys, xs = np.mgrid[0:64, 0:96]
    base = np.stack([xs * 2, ys * 3, 255 - xs * 2], axis=-1).astype(np.uint8)

    def frames():
        for k in range(40):
            frame = base.copy()
            frame[20:40, 2 * k:2 * k + 16] = (220, 30, 40)
            yield frame

    write_video(path, frames(), fps=24)
    return str(path)


CLIPS = [dict(), dict(size=64), dict(size=(48, 32), fps=12.0), dict(fps=30.0), dict(size=32, num_frames=7),
         dict(size=(31, 21))]


@pytest.mark.parametrize("first", [dict(), dict(size=(96, 64), fps=8.0)])
def test_a_second_clip_from_the_kept_decode_equals_a_fresh_read(moving_video, first):
    reader = VideoReader(moving_video)
    reader.clip(**first)
    assert reader._decoded is not None  # small enough to keep
    for args in CLIPS:
        kept, fresh = reader.clip(**args), read_video(moving_video, **args)
        assert kept.frames.shape == fresh.frames.shape and np.array_equal(kept.frames, fresh.frames), args
        assert (kept.fps, kept.source_fps, kept.source_size, kept.source_frames, kept.notes) == \
               (fresh.fps, fresh.source_fps, fresh.source_size, fresh.source_frames, fresh.notes)


def test_a_video_over_the_keep_budget_is_decoded_again(moving_video, monkeypatch):
    monkeypatch.setattr(video_module, "KEEP_DECODED_BYTES", 1000)
    reader = VideoReader(moving_video)
    reader.clip()
    assert reader._decoded is None
    assert np.array_equal(reader.clip(size=64).frames, read_video(moving_video, size=64).frames)


def test_the_stack_grows_past_a_header_that_announces_too_few_frames(moving_video, monkeypatch):
    expected = read_video(moving_video, size=64, fps=30.0).frames
    monkeypatch.setattr(video_module, "FIRST_STACK_BYTES", 1)  # the first stack holds one frame
    clip = read_video(moving_video, size=64, fps=30.0)
    assert clip.ok and np.array_equal(clip.frames, expected)


def _sphere(frames: np.ndarray, rgb, tolerance: float) -> np.ndarray:
    difference = frames.astype(np.int64) - np.asarray(rgb, np.int64)
    return ((difference * difference).sum(axis=-1) <= tolerance * tolerance) & (tolerance >= 0)


def test_color_mask_is_the_exact_sphere_test():
    generator = np.random.default_rng(3)
    stack = generator.integers(0, 256, (4, 40, 30, 3), dtype=np.uint8)
    for frames in (stack, stack[0], stack[:, 5:20, 3:25], stack[:0]):
        for rgb in ((255, 255, 255), (0, 0, 0), (200, 30, 30), (10, 250, 3)):
            for tolerance in (0.0, 1.0, 24.0, 37.5, 60.0, 90.0, 255.5, 300.0, -1.0):
                mask = color_mask(frames, rgb, tolerance)
                assert mask.dtype == bool and np.array_equal(mask, _sphere(frames, rgb, tolerance)), (rgb, tolerance)


def test_match_colours_is_the_float32_map_of_every_pixel():
    generator = np.random.default_rng(4)
    frames = generator.integers(0, 256, (3, 20, 24, 3), dtype=np.uint8)
    for _ in range(50):
        gain, offset = generator.uniform(0.7, 1.4, 3), generator.uniform(-60, 60, 3)
        expected = np.clip(np.rint(frames.astype(np.float32) * gain.astype(np.float32) + offset.astype(np.float32)),
                           0, 255).astype(np.uint8)
        assert np.array_equal(match_colours(frames, gain, offset), expected)
        assert np.array_equal(match_colours(frames[1], gain, offset), expected[1])


def _plain_colour_fit(observed: np.ndarray, reference: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = observed.reshape(-1, 3).astype(np.float64), reference.reshape(-1, 3).astype(np.float64)
    x_mean, y_mean = x.mean(axis=0), y.mean(axis=0)
    variance = ((x - x_mean) ** 2).mean(axis=0)
    covariance = ((x - x_mean) * (y - y_mean)).mean(axis=0)
    gain = np.clip(np.where(variance > 1.0, covariance / np.maximum(variance, 1e-9), 1.0), 0.7, 1.4)
    return gain, y_mean - gain * x_mean


def test_colour_fit_of_bytes_is_the_least_squares_fit_and_maps_alike():
    generator = np.random.default_rng(5)
    for shape in ((64, 48, 3), (2, 30, 20, 3), (500, 3)):
        reference = generator.integers(0, 256, shape, dtype=np.uint8)
        noise = generator.normal(0, 6, shape)
        for gain, offset in ((1.0, 0.0), (1.12, -9.0), (0.8, 20.0)):
            observed = np.clip(reference * gain + offset + noise, 0, 255).astype(np.uint8)
            fast, plain = colour_fit(observed, reference), _plain_colour_fit(observed, reference)
            assert np.allclose(fast[0], plain[0], rtol=0, atol=1e-9) and np.allclose(fast[1], plain[1], rtol=0, atol=1e-7)
            assert np.array_equal(match_colours(observed, *fast), match_colours(observed, *plain))
    flat = np.full((8, 8, 3), 90, np.uint8)
    assert np.array_equal(colour_fit(flat, flat)[0], np.ones(3))  # no variance: gain 1
    floats = generator.uniform(0, 255, (16, 16, 3))
    assert np.array_equal(colour_fit(floats, floats)[0], _plain_colour_fit(floats, floats)[0])


def test_blob_track_is_the_per_frame_centre_of_the_colour_mask():
    generator = np.random.default_rng(6)
    frames = np.full((5, 40, 50, 3), 240, np.uint8)
    for t in range(5):
        frames[t, 5 + 3 * t:15 + 3 * t, 10 + 4 * t:22 + 4 * t] = (200, 30, 30)
    frames[4] = 240
    frames = np.clip(frames.astype(int) + generator.integers(-3, 4, frames.shape), 0, 255).astype(np.uint8)
    for box in (None, (5, 2, 45, 38)):
        centres, counts = blob_track(frames, (200, 30, 30), 30.0, 12, box)
        x0, y0, x1, y1 = box or (0, 0, 50, 40)
        for t, frame in enumerate(frames):
            ys, xs = np.nonzero(color_mask(frame[y0:y1, x0:x1], (200, 30, 30), 30.0))
            assert counts[t] == len(xs)
            if len(xs) < 12:
                assert centres[t] is None
            else:
                assert np.allclose(centres[t], (xs.mean() + x0, ys.mean() + y0), rtol=0, atol=1e-9)


def test_a_frame_repeated_or_redrawn_in_one_buffer_encodes_as_separate_copies(tmp_path):
    generator = np.random.default_rng(7)
    base = generator.integers(0, 256, (64, 96, 3), dtype=np.uint8)
    steps = [base.copy() for _ in range(6)]
    for k, frame in enumerate(steps):
        frame[10:30, 8 * k:8 * k + 20] = (250, 20, 20)

    def repeated():  # the same array object several times in a row, as held() yields the first and last frames
        yield from held(steps, 4)

    buffer = base.copy()

    def redrawn():  # one buffer drawn into and handed over again: same object, new pixels
        for frame in held(steps, 4):
            buffer[:] = frame
            yield buffer

    write_video(tmp_path / "copies.mp4", [frame.copy() for frame in held(steps, 4)])
    write_video(tmp_path / "repeated.mp4", repeated())
    write_video(tmp_path / "redrawn.mp4", redrawn())
    copies = (tmp_path / "copies.mp4").read_bytes()
    assert (tmp_path / "repeated.mp4").read_bytes() == copies == (tmp_path / "redrawn.mp4").read_bytes()


def test_shape_rule_slot_medians_and_repeated_frames_read_as_the_plain_computation():
    generator = np.random.default_rng(8)
    for count in (1, 2, 7, 500, 501):
        pixels = generator.integers(0, 256, (count, 3), dtype=np.uint8)
        assert np.array_equal(_channel_medians(pixels), np.median(pixels, axis=0))
        assert np.array_equal(_channel_medians(pixels.astype(np.int16)), np.median(pixels.astype(np.int16), axis=0))
    frames = np.full((6, 128, 128, 3), 200, np.uint8)
    for t in range(6):
        frames[t, 40:70 + 4 * min(t, 3), 40:70] = (30, 160, 60)  # grows, then holds: frames 3-5 alike
    box, centre = (20, 20, 110, 110), (64.0, 64.0)
    read: dict = {}
    series = _read_series(frames, box, centre, read)
    assert series[3] is series[4] is series[5]
    assert len(read) == 4  # frames 0, 1, 2 and 3-5: each distinct picture read once
    again = _read_series(frames[::-1], box, centre, read)  # another resampling of the same frames: nothing new read
    assert len(read) == 4 and all(a is b for a, b in zip(again, series[::-1], strict=True))
    for t, facts in enumerate(series):
        plain = read_slot(frames[t], box, centre)
        assert (facts.present, facts.size, facts.fill, facts.dx, facts.dy, facts.rgb) == \
            (plain.present, plain.size, plain.fill, plain.dx, plain.dy, plain.rgb)
        assert np.array_equal(facts.silhouette, plain.silhouette)


@pytest.mark.parametrize("dtype", [np.uint8, np.int16, np.int32, np.float32, np.float64, bool])
@pytest.mark.parametrize("shape", [(5, 7, 3), (2, 4, 6, 3), (9, 3), (4, 4, 1), (3, 3, 4)])
def test_channel_reductions_equal_numpy_reductions_over_the_last_axis(dtype, shape):
    pixels = (np.random.default_rng(5).random(shape) * 600 - 150).astype(dtype)
    for fast, plain in ((channel_max, np.max), (channel_min, np.min), (channel_sum, np.sum)):
        got, want = fast(pixels), plain(pixels, axis=-1)
        assert got.dtype == want.dtype and np.array_equal(got, want), (fast.__name__, dtype, shape)
        assert not np.shares_memory(got, pixels)


def test_channel_sum_of_bytes_does_not_wrap_around():
    assert channel_sum(np.full((2, 2, 3), 255, np.uint8)).tolist() == [[765, 765], [765, 765]]


def test_same_colour_tracks_tell_two_objects_of_one_colour_apart_by_size_and_place():
    frames = np.full((10, 96, 128, 3), 255, np.uint8)
    for t in range(10):
        frames[t, 20:30, 10 + 8 * t:20 + 8 * t] = (200, 30, 30)  # small square moving right
        frames[t, 50:66, 100 - 8 * t:116 - 8 * t] = (200, 30, 30)  # large square moving left
    tracks, counts, last = same_colour_tracks(frames, (200, 30, 30), [100.0, 256.0])
    assert [p[0] for p in tracks[0]] == [14.5 + 8 * t for t in range(10)]  # where each crossing passes
    assert [p[0] for p in tracks[1]] == [107.5 - 8 * t for t in range(10)]
    assert counts[:, 0].tolist() == [100.0, 256.0] and int(last[1].sum()) == 256


@pytest.mark.parametrize("shape", [(24, 64, 64, 3), (64, 64, 3), (3, 7, 5, 3), (2, 2, 4, 4, 3), (1, 1, 1, 3), (5, 6, 6, 1)])
def test_byte_medians_equal_numpy_medians(shape):
    frames = np.random.default_rng(7).integers(0, 256, shape, dtype=np.uint8)
    frames[..., :1, :, :] = 9  # ties and an even pixel count: the mean of the two middle values
    expected = np.median(frames.reshape(*frames.shape[:-3], -1, frames.shape[-1]), axis=-2)
    got = byte_medians(frames)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)
