"""The video writer is byte-stable and streams; the reader resamples and never raises."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from vbvr_core.media.video import VideoReader, held, probe_video, read_video, write_video


def moving_square(count=30, size=512):
    for k in range(count):
        frame = np.full((size, size, 3), 255, np.uint8)
        frame[100:160, 10 + 10 * k:70 + 10 * k] = (40, 90, 220)
        yield frame


def test_same_frames_give_identical_bytes(tmp_path):
    write_video(tmp_path / "a.mp4", moving_square())
    write_video(tmp_path / "b.mp4", moving_square())
    assert hashlib.sha256((tmp_path / "a.mp4").read_bytes()).digest() == hashlib.sha256((tmp_path / "b.mp4").read_bytes()).digest()


def test_written_video_is_h264_yuv420p_512_at_24fps(tmp_path):
    count = write_video(tmp_path / "a.mp4", moving_square(30))
    facts = probe_video(tmp_path / "a.mp4")
    assert (facts.codec, facts.pix_fmt, facts.width, facts.height, facts.fps) == ("h264", "yuv420p", 512, 512, 24)
    assert facts.frames == count == 30


def test_held_repeats_first_and_last_frames():
    frames = [np.full((2, 2, 3), k, np.uint8) for k in range(3)]
    values = [int(f[0, 0, 0]) for f in held(frames, 2)]
    assert values == [0, 0, 0, 1, 2, 2, 2]


def test_reader_resamples_size_fps_and_length(tmp_path):
    write_video(tmp_path / "a.mp4", moving_square(48), fps=24)
    clip = read_video(tmp_path / "a.mp4", size=128, fps=12)
    assert clip.ok and clip.frames.shape == (24, 128, 128, 3) and clip.fps == 12
    clip = read_video(tmp_path / "a.mp4", size=(64, 32), num_frames=5)
    assert clip.frames.shape == (5, 32, 64, 3)


def test_reader_decodes_other_resolutions(tmp_path):
    write_video(tmp_path / "small.mp4", moving_square(10, size=320))
    clip = VideoReader(tmp_path / "small.mp4").clip(size=256)
    assert clip.ok and clip.source_size == (320, 320) and clip.frames.shape[1:] == (256, 256, 3)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"this is a text file, not a video\n", "unreadable"),
    (bytes(np.random.default_rng(0).integers(0, 256, 5000, dtype=np.uint8)), "unreadable"),
])
def test_reader_reports_bad_files_without_raising(tmp_path, content, reason):
    path = tmp_path / "bad.mp4"
    path.write_bytes(content)
    clip = read_video(path)
    assert not clip.ok and reason in clip.error


def test_reader_survives_a_truncated_file(tmp_path):
    write_video(tmp_path / "a.mp4", moving_square(30))
    data = (tmp_path / "a.mp4").read_bytes()
    (tmp_path / "cut.mp4").write_bytes(data[: len(data) // 2])
    clip = read_video(tmp_path / "cut.mp4")
    assert clip.error is None or "unreadable" in clip.error or "no decodable" in clip.error


def test_reader_reports_missing_file(tmp_path):
    assert "missing" in read_video(tmp_path / "nope.mp4").error


def test_writer_refuses_wrong_frame_shape(tmp_path):
    with pytest.raises(ValueError, match="expected"):
        write_video(tmp_path / "a.mp4", [np.zeros((512, 512, 3), np.uint8), np.zeros((100, 100, 3), np.uint8)])


def test_time_resampling_picks_the_frame_shown_at_each_target_time(tmp_path):
    write_video(tmp_path / "a.mp4", moving_square(30), fps=24)
    native = read_video(tmp_path / "a.mp4", size=64)
    assert (read_video(tmp_path / "a.mp4", size=64, fps=24).frames == native.frames).all()
    assert (read_video(tmp_path / "a.mp4", size=64, fps=12).frames == native.frames[::2]).all()
    doubled = read_video(tmp_path / "a.mp4", size=64, fps=48).frames
    assert len(doubled) == 60 and (doubled[1::2] == native.frames).all()



def test_opening_clip_gives_the_clip_or_the_zero_score_saying_why(tmp_path):
    from vbvr_core.contract import Score
    from vbvr_core.judge.compare import opening_clip

    cells = (np.indices((512, 512)) // 64).sum(axis=0) % 2 == 0
    board = np.where(cells[..., None], np.uint8(230), np.uint8(30)).repeat(3, axis=2)
    write_video(tmp_path / "right.mp4", [board] * 4)
    clip = opening_clip(VideoReader(tmp_path / "right.mp4"), board, 128)
    assert not isinstance(clip, Score) and clip.frames.shape[1:] == (128, 128, 3)
    shifted = np.roll(board, 64, axis=1)  # the other colour in every cell: no colour drift maps one onto the other
    write_video(tmp_path / "other.mp4", [shifted] * 4)
    other = opening_clip(VideoReader(tmp_path / "other.mp4"), board, 128)
    assert isinstance(other, Score) and other.value == 0 and other.parts == {"start": 0.0}
    write_video(tmp_path / "short.mp4", [board])
    assert opening_clip(VideoReader(tmp_path / "short.mp4"), board, 128).reason == "the video has too few frames"
