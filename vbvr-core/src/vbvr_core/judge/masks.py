"""Video analysis helpers for scorers: colour masks, coverage of boxes, tracks, frame comparisons.

Scorers read model videos with :func:`vbvr_core.media.video.read_video` (already resampled), then use these
to turn frames into facts: which cell holds the agent in each frame, where a coloured object is, how
much the picture changes between frames.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from vbvr_core.contract.geometry import Box
from vbvr_core.media.frames import channel_sum

# Squared channel distances are summed in 16 bits (saturating), exact for any tolerance below this.
_SATURATED = 65535
# Below this share of candidate pixels, their distances are computed one by one rather than with whole-frame tables.
_SPARSE = 0.08


def color_mask(frames: np.ndarray, rgb: Sequence[int], tolerance: float = 60.0) -> np.ndarray:
    """Boolean mask of pixels within ``tolerance`` (Euclidean RGB) of ``rgb``; works on one frame or a stack."""
    import cv2

    rows = np.ascontiguousarray(frames, dtype=np.uint8).reshape(-1, frames.shape[-2], 3)
    limit = float(np.floor(tolerance * tolerance)) if tolerance >= 0 else -1.0
    if rows.size == 0 or limit >= _SATURATED:
        difference = rows.astype(np.int32) - np.asarray(rgb, dtype=np.int32)
        return (channel_sum(difference * difference) <= tolerance * tolerance).reshape(frames.shape[:-1])
    if limit < 0:
        return np.zeros(frames.shape[:-1], bool)
    target = [int(value) for value in rgb]
    # A pixel within the distance is within it on every channel: one pass of OpenCV's range test finds the few
    # candidates (a colour mask is mostly empty), whose exact distance is then computed alone.
    reach = math.isqrt(int(limit))
    inside_box = cv2.inRange(rows, tuple(max(0, c - reach) for c in target), tuple(min(255, c + reach) for c in target))
    if cv2.countNonZero(inside_box) <= _SPARSE * inside_box.size:
        mask = np.zeros(inside_box.shape, bool)
        points = cv2.findNonZero(inside_box)
        if points is not None:
            xs, ys = points[:, 0, 0], points[:, 0, 1]
            difference = rows[ys, xs].astype(np.int32) - np.array(target, np.int32)
            near = channel_sum(difference * difference) <= limit
            mask[ys[near], xs[near]] = True
        return mask.reshape(frames.shape[:-1])
    # Per channel, a table of the squared distance of each byte value to the colour's; OpenCV looks the three
    # channels up and adds them (saturating at 16 bits, which only ever lies beyond the limit) in a few passes.
    values = np.arange(256, dtype=np.int64)
    total = None
    for plane, level in zip(cv2.split(rows), target, strict=True):
        squares = cv2.LUT(plane, np.minimum((values - level) ** 2, _SATURATED).astype(np.uint16))
        total = squares if total is None else cv2.add(total, squares)
    return (total <= limit).reshape(frames.shape[:-1])


def box_coverage(mask: np.ndarray, boxes: Sequence[Box]) -> np.ndarray:
    """Fraction of each box's pixels set in ``mask`` (T×H×W) → array T×len(boxes)."""
    import cv2

    if not len(boxes):
        return np.zeros((mask.shape[0], 0))
    integral = np.stack([cv2.integral(frame.view(np.uint8)) for frame in np.ascontiguousarray(mask)])
    x0, y0, x1, y1 = (np.array(column) for column in zip(*boxes, strict=True))
    totals = integral[:, y1, x1] - integral[:, y0, x1] - integral[:, y1, x0] + integral[:, y0, x0]
    return totals / np.maximum(1, (x1 - x0) * (y1 - y0))


def centroid(mask: np.ndarray) -> tuple[float, float] | None:
    """(x, y) centre of the set pixels of a 2-D mask, or None when empty."""
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return None
    return float(xs.mean()), float(ys.mean())


class Blob(NamedTuple):
    """One connected piece of a mask (:func:`largest_blob`)."""

    pixels: np.ndarray  # its pixels, a boolean mask of the mask's shape
    area: int  # how many pixels it has
    centre: tuple[float, float]  # (x, y), the mean of its pixels


def largest_blob(mask: np.ndarray) -> Blob | None:
    """The largest 8-connected piece of a 2-D mask (bool or uint8; nonzero is set) as a :class:`Blob`, or None when
    no pixel is set. Of pieces equally large, the one ``cv2.connectedComponentsWithStats`` labels first."""
    import cv2

    count, labels, stats, centres = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count < 2:
        return None
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    return Blob(labels == best, int(stats[best, cv2.CC_STAT_AREA]), (float(centres[best, 0]), float(centres[best, 1])))


def channel_margin(frames: np.ndarray, channel: int) -> np.ndarray:
    """Per pixel (one frame or a stack), how far ``channel`` (0 red, 1 green, 2 blue) exceeds the larger of the
    other two, as int16 (negative where it does not): the strength of a hue whatever the brightness or tint."""
    pixels = np.asarray(frames).astype(np.int16)
    first, second = (k for k in range(3) if k != channel)
    return pixels[..., channel] - np.maximum(pixels[..., first], pixels[..., second])


def hue_mask(frames: np.ndarray, channel: int, margin: float) -> np.ndarray:
    """Boolean mask of pixels whose ``channel`` exceeds both other channels by at least ``margin``
    (:func:`channel_margin` ``>= margin``); a hue rather than one RGB value, so blending and tints keep it."""
    return channel_margin(frames, channel) >= margin


def mask_iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two boolean masks of one shape; 0.0 when both are empty."""
    union = (a | b).sum()
    return float((a & b).sum() / union) if union else 0.0


def dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    """``mask`` grown by ``pixels`` px on every side (a square of side ``2 · pixels + 1``), as a bool mask."""
    import cv2

    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    return cv2.dilate(mask.astype(np.uint8), kernel) > 0


def erode(mask: np.ndarray, pixels: int) -> np.ndarray:
    """``mask`` shrunk by ``pixels`` px on every side (a square of side ``2 · pixels + 1``), as a bool mask: the
    inside of a region, clear of its softened edge."""
    import cv2

    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    return cv2.erode(mask.astype(np.uint8), kernel) > 0
