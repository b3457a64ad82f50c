"""What hostile-input tests assert, shared by every package's ``tests/hostile``: a CLI refuses with an exit code
and a one-paragraph message (no traceback), and nothing outside the output changed; and small hostile videos
(odd timestamps, no video stream) made with PyAV. Imports pytest-free code only; used by test suites."""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np


def snapshot(folder: Path, *, skip: Path | None = None) -> dict[str, tuple[int, int, int]]:
    """Path → (mode, size, mtime_ns) of everything under ``folder`` (links not followed), ``skip`` left out."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        status = path.lstat()
        found[str(path.relative_to(folder))] = (status.st_mode, status.st_size, status.st_mtime_ns)
    return found


def invoke(app: Any, *args: Any, env: dict | None = None):
    """Run the typer ``app`` with ``args`` in this process; returns the click Result (stdout and stderr in
    ``output``), rendered 200 columns wide so messages are not wrapped mid-phrase."""
    from typer.testing import CliRunner

    return CliRunner().invoke(app, [str(arg) for arg in args], env={"COLUMNS": "200", **(env or {})})


def refused(result, *phrases: str, code: int = 2, absent: tuple[str, ...] = ()) -> str:
    """Assert a one-paragraph refusal: exit ``code``, every phrase in the message, none of ``absent`` (e.g.
    progress drawn before the refusal), no traceback. Returns the message with its white space folded."""
    output = " ".join(result.output.split())
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for phrase in absent:
        assert phrase not in result.output, f"{phrase!r} should not be in:\n{result.output}"
    for phrase in phrases:
        assert phrase in output, f"{phrase!r} not in:\n{result.output}"
    return output


def is_root() -> bool:
    """Whether this process ignores file permissions (root), so permission refusals cannot be staged."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def stamped_video(path: Path, stamps: list[float], *, size: tuple[int, int] = (64, 64), fps: int = 24,
                  container_format: str = "mp4", codec: str = "libx264", pix_fmt: str = "yuv420p") -> Path:
    """A video with one frame per entry of ``stamps`` (seconds), each frame a different grey."""
    width, height = size
    with av.open(str(path), "w", format=container_format) as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = pix_fmt
        stream.codec_context.time_base = Fraction(1, fps)
        for number, stamp in enumerate(stamps):
            grey = 40 + (number * 37) % 200
            frame = av.VideoFrame.from_ndarray(np.full((height, width, 3), grey, np.uint8), format="rgb24")
            frame.pts = int(round(stamp * fps))
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def audio_only(path: Path, seconds: float = 1.0) -> Path:
    """An mp4 holding one AAC audio stream and no video."""
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("aac", rate=44100)
        samples = int(44100 * seconds)
        tone = (np.sin(np.arange(samples) / 10.0) * 0.2).astype(np.float32)[None, :]
        frame = av.AudioFrame.from_ndarray(tone, format="fltp", layout="mono")
        frame.sample_rate = 44100
        frame.pts = 0
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
