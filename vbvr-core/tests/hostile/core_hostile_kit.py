"""What every hostile test of core asserts: the exit code, the message, and that nothing outside the output
changed; and the hostile videos themselves, made small and fast with PyAV."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from typer.testing import CliRunner
from vbvr_core.cli.app import app


def snapshot(folder: Path, *, skip: Path | None = None) -> dict[str, tuple[int, int, int]]:
    """Path → (mode, size, mtime_ns) of everything under ``folder`` (links not followed), ``skip`` left out."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        status = path.lstat()
        found[str(path.relative_to(folder))] = (status.st_mode, status.st_size, status.st_mtime_ns)
    return found


def invoke(*args, env: dict | None = None):
    """Run ``vbvr ARGS`` in this process; returns the click Result (stdout and stderr in ``output``)."""
    return CliRunner().invoke(app, [str(arg) for arg in args], env={"COLUMNS": "200", **(env or {})})


def refused(result, *phrases: str, code: int = 2) -> str:
    """Assert a one-paragraph refusal: ``code``, every phrase in the message, no traceback."""
    output = " ".join(result.output.split())
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for phrase in phrases:
        assert phrase in output, f"{phrase!r} not in:\n{result.output}"
    return output


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
