"""Frame utilities: resizing and comparing frames, and per-pixel reductions over the colour channels.

``channel_max(frames)`` is ``frames.max(axis=-1)``, value for value and of the same dtype, and likewise
``channel_min`` and ``channel_sum``: numpy reduces a short last axis one pixel at a time, 20-40x slower than
combining the channel planes with one whole-array operation each, which these do.
"""

from __future__ import annotations

import numpy as np


def channel_max(pixels: np.ndarray) -> np.ndarray:
    """Per pixel, the largest value over the last (channel) axis: ``pixels.max(axis=-1)``."""
    return _combine(pixels, np.maximum, pixels.dtype)


def channel_min(pixels: np.ndarray) -> np.ndarray:
    """Per pixel, the smallest value over the last (channel) axis: ``pixels.min(axis=-1)``."""
    return _combine(pixels, np.minimum, pixels.dtype)


def channel_sum(pixels: np.ndarray) -> np.ndarray:
    """Per pixel, the sum over the last (channel) axis, in the dtype and order of ``pixels.sum(axis=-1)``
    (integers are summed in numpy's default integer, never wrapping around in a narrow type)."""
    return _combine(pixels, np.add, np.sum(np.zeros(1, pixels.dtype)).dtype)


def histogram_median(histogram: np.ndarray) -> float:
    """``np.median`` of the values 0, 1, 2, … counted ``histogram[k]`` times each (the mean of the two middle
    values for an even count): a median of bytes without sorting them."""
    cumulative = np.cumsum(histogram)
    count = int(cumulative[-1])
    low = int(np.searchsorted(cumulative, (count - 1) // 2, side="right"))
    high = int(np.searchsorted(cumulative, count // 2, side="right"))
    return (low + high) / 2


def byte_medians(frames: np.ndarray) -> np.ndarray:
    """Per image of a uint8 stack (..., H, W, C), each channel's median over its pixels: ``np.median`` of the
    pixels (float64), from each channel's histogram (:func:`histogram_median`; ≈ 20× faster than sorting a 256²
    frame)."""
    import cv2

    images = frames.reshape(-1, *frames.shape[-3:])
    out = np.empty((len(images), images.shape[-1]))
    for index, image in enumerate(images):
        for channel in range(images.shape[-1]):
            out[index, channel] = histogram_median(
                cv2.calcHist([np.ascontiguousarray(image)], [channel], None, [256], [0, 256]).ravel())
    return out.reshape(*frames.shape[:-3], images.shape[-1])


def _combine(pixels: np.ndarray, operation: np.ufunc, dtype: np.dtype) -> np.ndarray:
    """``operation`` applied across the channel planes of ``pixels`` in order, into a new array of ``dtype``."""
    if pixels.shape[-1] == 0:
        raise ValueError("a reduction over the channels needs at least one channel")
    out = pixels[..., 0].astype(dtype)
    for channel in range(1, pixels.shape[-1]):
        operation(out, pixels[..., channel], out=out)
    return out


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """Peak signal-to-noise ratio in dB between two same-shaped uint8 images (inf when equal)."""
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10.0 * np.log10(255.0 * 255.0 / mse)


def resize_frame(frame: np.ndarray, size: int) -> np.ndarray:
    """Resize an RGB frame to ``size``² with area averaging (for comparing a PNG with decoded frames)."""
    import cv2

    return cv2.resize(frame, (size, size), interpolation=cv2.INTER_AREA)
