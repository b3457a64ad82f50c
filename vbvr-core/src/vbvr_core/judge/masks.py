"""Video analysis helpers for scorers: colour masks, coverage of boxes, tracks, frame comparisons.

Scorers read model videos with :func:`vbvr_core.media.video.read_video` (already resampled), then use these
to turn frames into facts: which cell holds the agent in each frame, where a coloured object is, how
much the picture changes between frames.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vbvr_core.contract.geometry import Box


def color_mask(frames: np.ndarray, rgb: Sequence[int], tolerance: float = 60.0) -> np.ndarray:
    """Boolean mask of pixels within ``tolerance`` (Euclidean RGB) of ``rgb``; works on one frame or a stack."""
    import cv2

    target = np.asarray(rgb, dtype=np.int32)
    reach = int(np.floor(tolerance))
    low = np.clip(target - reach, 0, 255).astype(np.uint8)
    high = np.clip(target + reach, 0, 255).astype(np.uint8)
    rows = np.ascontiguousarray(frames).reshape(-1, frames.shape[-2], 3)
    # The cube around the colour is found by OpenCV in one pass; only its pixels get the exact sphere test.
    candidates = cv2.inRange(rows, low, high)
    ys, xs = np.nonzero(candidates)
    difference = rows[ys, xs].astype(np.int32) - target
    inside = (difference * difference).sum(axis=1) <= tolerance * tolerance
    mask = np.zeros(rows.shape[:2], dtype=bool)
    mask[ys[inside], xs[inside]] = True
    return mask.reshape(frames.shape[:-1])


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


