"""Model videos no scorer should trust: each scores 0 with the reason (never a crash, never a huge allocation),
and the legitimate oddities (odd size, one frame, variable frame rate, another codec) still decode."""

from __future__ import annotations

import os
import time
import tracemalloc

import pytest
from core_hostile_kit import audio_only, invoke, stamped_video
from vbvr_core.media.video import MAX_FRAME_SIDE, MAX_VIDEO_SECONDS, VideoReader, read_video

FOUR_HOURS = 4 * 3600.0


def test_a_declared_four_hour_video_is_refused_fast_without_allocating(tmp_path):
    video = stamped_video(tmp_path / "four-hours.mp4", [0.0, FOUR_HOURS])
    assert video.stat().st_size < 10_000
    tracemalloc.start()
    started = time.process_time()  # CPU time: the work done, whatever the load
    clip = read_video(video, size=256, fps=24)
    seconds = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not clip.ok
    assert "14400 s" in clip.error and f"at most {MAX_VIDEO_SECONDS:g} s" in clip.error
    assert seconds < 5 and peak < 50e6, (seconds, peak)


def test_the_cli_scores_a_declared_four_hour_video_zero_with_the_reason(tmp_path, sample_dir):
    video = stamped_video(tmp_path / "four-hours.mp4", [0.0, FOUR_HOURS])
    result = invoke("score", sample_dir, video)
    assert result.exit_code == 0, result.output
    assert '"value": 0.0' in result.output and "a model video may last at most" in result.output


def test_timestamps_that_lie_past_the_bound_are_refused_even_without_a_declared_duration(tmp_path):
    # MPEG-TS declares no duration: only the frames' own timestamps can tell.
    video = stamped_video(tmp_path / "ten-minutes.ts", [0.0, 1.0, 600.0], container_format="mpegts")
    clip = read_video(video, size=64, fps=24)
    assert not clip.ok and "stamped at" in clip.error, clip.error


def test_a_minute_long_pause_inside_the_bound_is_still_a_video(tmp_path):
    video = stamped_video(tmp_path / "pause.mp4", [0.0, 0.5, 50.0])
    clip = read_video(video, size=32, fps=2)
    assert clip.ok, clip.error
    assert len(clip.frames) <= 2 * 51  # the pause is kept; the last frame lasts at most a second


@pytest.mark.parametrize(("name", "make", "phrase"), [
    ("zero-byte", lambda p: p.write_bytes(b""), "empty file"),
    ("text", lambda p: p.write_text("not a video at all\n" * 20), "unreadable video"),
    ("png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500)), "unreadable video"),
    ("mp4-header-then-noise", lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(4000)),
     "unreadable video"),
    ("audio-only", lambda p: audio_only(p), "no video stream"),
])
def test_files_that_are_not_videos_score_zero_with_the_reason(tmp_path, sample_dir, name, make, phrase):
    video = tmp_path / f"{name}.mp4"
    make(video)
    reader = VideoReader(video)
    clip = reader.clip(size=64, fps=8)
    assert not clip.ok and phrase in clip.error, clip.error
    result = invoke("score", sample_dir, video)
    assert result.exit_code == 0 and '"value": 0.0' in result.output, result.output


def test_a_truncated_video_scores_zero_or_decodes_what_is_there(tmp_path, sample_dir):
    whole = (sample_dir / "ground_truth.mp4").read_bytes()
    video = tmp_path / "truncated.mp4"
    video.write_bytes(whole[: len(whole) // 3])  # the moov atom sits at the end: nothing is decodable
    clip = read_video(video, size=64)
    assert not clip.ok and clip.error
    result = invoke("score", sample_dir, video)
    assert result.exit_code == 0 and '"value": 0.0' in result.output, result.output


def test_a_folder_named_like_a_video_scores_zero(tmp_path):
    folder = tmp_path / "video.mp4"
    folder.mkdir()
    assert "missing video" in read_video(folder).error


def test_frames_larger_than_the_bound_are_refused_before_decoding(tmp_path):
    video = stamped_video(tmp_path / "wide.mp4", [0.0, 0.04], size=(MAX_FRAME_SIDE + 16, 16))
    clip = read_video(video, size=64)
    assert not clip.ok and f"at most {MAX_FRAME_SIDE} pixels" in clip.error, clip.error


@pytest.mark.parametrize(("name", "options"), [
    ("odd-size", {"size": (67, 45), "pix_fmt": "yuv444p"}),
    ("one-frame", {"stamps": [0.0]}),
    ("variable-fps", {"stamps": [step / 24 for step in (0, 1, 3, 12, 13, 45)]}),
    ("mpeg4-in-avi", {"container_format": "avi", "codec": "mpeg4"}),
])
def test_legitimate_oddities_still_decode(tmp_path, name, options):
    stamps = options.pop("stamps", [index / 24 for index in range(12)])
    video = stamped_video(tmp_path / f"{name}.{'avi' if 'avi' in name else 'mp4'}", stamps, **options)
    clip = read_video(video, size=32, fps=12)
    assert clip.ok, clip.error
    assert clip.frames.shape[1:] == (32, 32, 3)
