"""Comparing a clip's frames with the sample's reference frames, forgiving a model's colour drift.

A model's video may be a little brighter or darker than ours, or shifted in hue (a per-channel gain): the
same picture, drawn by another renderer. :func:`colour_fit` finds the per-channel gain and offset that map the
video's colours onto ours (least squares over one frame pair), and :func:`match_colours` applies it, so later
comparisons see our palette. The gain is bounded, so noise or another picture is never "fitted" onto ours.
"""

from __future__ import annotations

import numpy as np

from vbvr_core.contract import Score
from vbvr_core.media.frames import psnr, resize_frame
from vbvr_core.media.video import VideoClip, VideoReader

GAIN_RANGE = (0.7, 1.4)


def colour_fit(observed: np.ndarray, reference: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-channel ``(gain, offset)`` with ``observed * gain + offset ≈ reference`` (two same-sized RGB frames)."""
    if observed.dtype == reference.dtype == np.uint8 and observed.shape == reference.shape and observed.size:
        return _byte_colour_fit(observed, reference)
    x = observed.reshape(-1, 3).astype(np.float64)
    y = reference.reshape(-1, 3).astype(np.float64)
    x_mean, y_mean = x.mean(axis=0), y.mean(axis=0)
    variance = ((x - x_mean) ** 2).mean(axis=0)
    covariance = ((x - x_mean) * (y - y_mean)).mean(axis=0)
    gain = np.where(variance > 1.0, covariance / np.maximum(variance, 1e-9), 1.0)
    gain = np.clip(gain, *GAIN_RANGE)
    return gain, y_mean - gain * x_mean


_BYTES = np.arange(256, dtype=np.int64)
_BYTE_PRODUCTS = np.outer(_BYTES, _BYTES).ravel()


def _byte_colour_fit(observed: np.ndarray, reference: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`colour_fit` of two uint8 frames from each channel's joint histogram of (observed, reference) bytes:
    the sums of the least-squares fit in exact integers, one pass over the pixels, several times faster than
    floating-point moments (and exact where those round)."""
    x = np.ascontiguousarray(observed).reshape(-1, 3)
    pairs = (x.astype(np.uint16) << 8) | np.ascontiguousarray(reference).reshape(-1, 3)
    count = len(x)
    gain, x_mean, y_mean = np.empty(3), np.empty(3), np.empty(3)
    for channel in range(3):
        joint = np.bincount(pairs[:, channel], minlength=256 * 256)
        along_x, along_y = joint.reshape(256, 256).sum(axis=1), joint.reshape(256, 256).sum(axis=0)
        sum_x, sum_y = int(along_x @ _BYTES), int(along_y @ _BYTES)
        sum_xx, sum_xy = int(along_x @ (_BYTES * _BYTES)), int(joint @ _BYTE_PRODUCTS)
        x_mean[channel], y_mean[channel] = sum_x / count, sum_y / count
        variance = (count * sum_xx - sum_x * sum_x) / (count * count)
        covariance = (count * sum_xy - sum_x * sum_y) / (count * count)
        gain[channel] = covariance / max(variance, 1e-9) if variance > 1.0 else 1.0
    gain = np.clip(gain, *GAIN_RANGE)
    return gain, y_mean - gain * x_mean


def match_colours(frames: np.ndarray, gain: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """``frames`` (one frame or a stack, uint8 RGB) with the colour map of :func:`colour_fit` applied.

    The map is a function of each channel's byte value, so it is computed once per value (in float32, rounded
    and clipped) and looked up for every pixel.
    """
    import cv2

    values = np.arange(256, dtype=np.float32)[:, None]
    table = np.clip(np.rint(values * gain.astype(np.float32) + offset.astype(np.float32)), 0, 255).astype(np.uint8)
    frames = np.asarray(frames)
    if frames.size == 0:
        return np.zeros(frames.shape, np.uint8)
    rows = np.ascontiguousarray(frames, dtype=np.uint8).reshape(-1, frames.shape[-2], 3)
    return cv2.LUT(rows, np.ascontiguousarray(table.reshape(1, 256, 3))).reshape(frames.shape)


def starts_like(clip: VideoClip, reference: np.ndarray, min_psnr: float = 18.0) -> float:
    """1.0 when the clip's first frame looks like ``reference`` once its colours are mapped onto the reference's
    (PSNR ≥ ``min_psnr`` at the clip's size), else 0."""
    size = clip.frames.shape[1]
    target = resize_frame(reference, size)
    opening = clip.frames[0]
    return 1.0 if psnr(match_colours(opening, *colour_fit(opening, target)), target) >= min_psnr else 0.0


def opening_clip(video: VideoReader, first_frame: np.ndarray, size: int) -> VideoClip | Score:
    """Every frame of ``video`` at ``size``², when it has at least two frames and opens on ``first_frame`` (the
    sample's, any size; see :func:`starts_like`); otherwise the zero :class:`Score` saying why, with part
    ``start`` 0 when the video opens on another picture. The common opening of a scorer that follows a process.
    """
    clip = video.clip(size=size)
    problem = opening_problem(clip, first_frame)
    return clip if problem is None else problem


def opening_problem(clip: VideoClip, first_frame: np.ndarray) -> Score | None:
    """The checks of :func:`opening_clip` on a clip already read: the zero :class:`Score` saying why it cannot be
    judged (too few frames; part ``start`` 0 when it opens on another picture), or None when it can."""
    if not clip.ok or len(clip.frames) < 2:
        return Score.zero(clip.error or "the video has too few frames")
    if not starts_like(clip, first_frame):
        return Score.zero("the video does not open on the first frame", start=0.0)
    return None
