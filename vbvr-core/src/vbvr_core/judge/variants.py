"""Legitimate variants: the ground truth rendered the way a real video model would hand it in.

A model never redraws our frames: it renders its own size, frame rate and pace, with compression, blur,
colour drift and noise. Each variant below is a correct solution, so a scorer must keep ≥ 0.9 on it
(:mod:`vbvr_core.judge.thresholds`). All are made from the decoded ground truth, deterministically (the
noise is seeded by the caller).

- ``crf35``: re-encoded at x264 CRF 35;
- ``size_832x480``, ``size_1280x720``, ``size_256x256``: resized (stretched, not letterboxed);
- ``fps_8``, ``fps_12``, ``fps_16``, ``fps_30``: the same duration at another frame rate;
- ``slow_1.5x``, ``fast_1.5x``: played 1.5× slower / faster (skipped where the task fixes the pace);
- ``pause_start``: the first frame held 1 s longer before the solution starts;
- ``pause_middle``: the middle frame held 0.5 s;
- ``ease``: the whole clip re-timed with an ease-in-out map of time (slow start and end, fast middle);
- ``blur``: Gaussian blur σ 1.5;
- ``brighter``, ``darker``: brightness +12 % / −12 % with a per-channel gain of ±5 %;
- ``noise_6``: additive Gaussian noise σ 6.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from vbvr_core.contract import FPS
from vbvr_core.pipeline.seeds import rng

LOSSY_CRF = 35
SIZES = {"size_832x480": (832, 480), "size_1280x720": (1280, 720), "size_256x256": (256, 256)}
FRAME_RATES = (8, 12, 16, 30)
PACE = 1.5
START_PAUSE_SECONDS = 1.0
MIDDLE_PAUSE_SECONDS = 0.5
BLUR_SIGMA = 1.5
BRIGHTNESS = 0.12
CHANNEL_GAIN = 0.05
NOISE_SIGMA = 6.0
# Variants that re-time the motion itself; a task whose prompt fixes the pace (a fall in real time) is exempt.
PACE_VARIANTS = ("slow_1.5x", "fast_1.5x", "pause_middle", "ease")
# A grey-level difference that compression alone does not make (where the opening hold ends).
VISIBLE_CHANGE = 40


@dataclass(frozen=True)
class Rendering:
    """A variant's frames (a fresh iterator per call), frame rate and x264 quality."""

    frames: Callable[[], Iterator[np.ndarray]]
    fps: int = FPS
    crf: int | None = None


def retimed(frames: np.ndarray, fps: float, out_fps: float, seconds: float,
            source_time: Callable[[float], float]) -> Iterator[np.ndarray]:
    """``seconds`` of video at ``out_fps``: output time ``t`` shows the source frame shown at ``source_time(t)``."""
    count = max(1, int(round(seconds * out_fps)))
    for k in range(count):
        index = int(np.floor(source_time(k / out_fps) * fps + 1e-6))
        yield frames[min(max(index, 0), len(frames) - 1)]


def _held(at: float, pause: float) -> Callable[[float], float]:
    """A time map that holds the frame shown at ``at`` seconds for ``pause`` seconds."""
    return lambda t: t if t < at else max(at, t - pause)


def _ease(duration: float) -> Callable[[float], float]:
    return lambda t: duration * (1.0 - np.cos(np.pi * min(t, duration) / duration)) / 2.0


def _colour(frames: np.ndarray, gains: np.ndarray) -> Iterator[np.ndarray]:
    for frame in frames:
        yield np.clip(np.rint(frame.astype(np.float32) * gains), 0, 255).astype(np.uint8)


def _resized(frames: np.ndarray, width: int, height: int) -> Iterator[np.ndarray]:
    import cv2

    interpolation = cv2.INTER_AREA if width * height < frames.shape[1] * frames.shape[2] else cv2.INTER_LINEAR
    for frame in frames:
        yield cv2.resize(frame, (width, height), interpolation=interpolation)


def _blurred(frames: np.ndarray) -> Iterator[np.ndarray]:
    import cv2

    for frame in frames:
        yield cv2.GaussianBlur(frame, (0, 0), BLUR_SIGMA)


def _noisy(frames: np.ndarray, seed: int) -> Iterator[np.ndarray]:
    generator = rng(seed)
    for frame in frames:
        noise = generator.normal(0.0, NOISE_SIGMA, frame.shape).astype(np.float32)
        yield np.clip(np.rint(frame.astype(np.float32) + noise), 0, 255).astype(np.uint8)


def legitimate_variants(truth: np.ndarray, fps: float = FPS, seed: int = 0,
                        pace_fixed: bool = False) -> dict[str, Rendering]:
    """Every legitimate variant of the ground-truth frames ``truth`` (T×H×W×3, at ``fps``), by name.

    ``seed`` seeds the additive noise; ``pace_fixed`` (the prompt fixes the pace) drops :data:`PACE_VARIANTS`: the
    1.5× variants, the pause in the middle of the motion and the ease re-timing (each changes the motion's timing).
    """
    duration = len(truth) / fps
    variants: dict[str, Rendering] = {"crf35": Rendering(lambda: iter(truth), crf=LOSSY_CRF)}
    for name, (width, height) in SIZES.items():
        variants[name] = Rendering(lambda width=width, height=height: _resized(truth, width, height))
    for rate in FRAME_RATES:
        variants[f"fps_{rate}"] = Rendering(lambda rate=rate: retimed(truth, fps, rate, duration, lambda t: t), fps=rate)
    if not pace_fixed:
        variants["slow_1.5x"] = Rendering(lambda: retimed(truth, fps, FPS, duration * PACE, lambda t: t / PACE))
        variants["fast_1.5x"] = Rendering(lambda: retimed(truth, fps, FPS, duration / PACE, lambda t: t * PACE))
    # The ground truth opens with its first frame held; the solution starts where that hold ends.
    start = _first_change(truth) / fps
    variants["pause_start"] = Rendering(lambda: retimed(truth, fps, FPS, duration + START_PAUSE_SECONDS,
                                                        _held(start, START_PAUSE_SECONDS)))
    if not pace_fixed:
        middle = duration / 2
        variants["pause_middle"] = Rendering(lambda: retimed(truth, fps, FPS, duration + MIDDLE_PAUSE_SECONDS,
                                                             _held(middle, MIDDLE_PAUSE_SECONDS)))
        variants["ease"] = Rendering(lambda: retimed(truth, fps, FPS, duration, _ease(duration)))
    variants["blur"] = Rendering(lambda: _blurred(truth))
    bright = (1 + BRIGHTNESS) * np.array([1 + CHANNEL_GAIN, 1.0, 1 - CHANNEL_GAIN], np.float32)
    dark = (1 - BRIGHTNESS) * np.array([1 - CHANNEL_GAIN, 1.0, 1 + CHANNEL_GAIN], np.float32)
    variants["brighter"] = Rendering(lambda: _colour(truth, bright))
    variants["darker"] = Rendering(lambda: _colour(truth, dark))
    variants["noise_6"] = Rendering(lambda: _noisy(truth, seed))
    return variants


def _first_change(truth: np.ndarray) -> int:
    """Index of the last frame of the opening hold (before the picture first changes visibly), 0 if none."""
    first = truth[0].astype(np.int16)
    for index in range(1, len(truth)):
        if np.abs(truth[index].astype(np.int16) - first).max() > VISIBLE_CHANGE:
            return index - 1
    return 0
