"""How much of a colour each pixel holds over its background, and blur-tolerant comparisons of such maps.

A thin glyph or outline seen at another size, blurred or compressed is never its exact colour: its pixels are
blends of the colour with the background. An absolute colour window loses them (a thin yellow letter at half
size keeps almost no pixel within 60 levels of yellow). :func:`ink_map` reads every pixel as
``background + t · (colour − background)`` and keeps ``t`` — how much of the colour it holds — where the
pixel lies on that blend line (other colours lie off it and hold none). :func:`ink_overlap` compares two
such maps after the same blur, so a glyph a pixel or two off, or drawn by another renderer, still overlaps;
:func:`ink_centres` follows a thin coloured object through a clip by its ink.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vbvr_core.media.frames import channel_sum

# A pixel farther than this share of |colour − background| from the blend line holds none of the colour.
OFF_LINE = 0.45


def background_of(frame: np.ndarray) -> np.ndarray:
    """The background colour of a frame: the per-channel median of its border pixels."""
    border = np.concatenate([frame[0], frame[-1], frame[:, 0], frame[:, -1]]).astype(np.float32)
    return np.median(border, axis=0)


def ink_map(region: np.ndarray, rgb: Sequence[int], background: np.ndarray) -> np.ndarray:
    """Per pixel of ``region`` (H×W×3), the share in [0, 1] of colour ``rgb`` blended over ``background``."""
    pixels = region.astype(np.float32) - background
    direction = np.asarray(rgb, np.float32) - background
    length_sq = float(direction @ direction)
    if length_sq < 1.0:
        return np.zeros(region.shape[:2], np.float32)
    share = pixels @ direction / length_sq
    off_line = pixels - share[..., None] * direction
    off = np.sqrt(channel_sum(off_line * off_line)) / np.sqrt(length_sq)
    return np.clip(share, 0.0, 1.0) * np.clip(1.0 - off / OFF_LINE, 0.0, 1.0)


def ink_overlap(a: np.ndarray, b: np.ndarray, sigma: float) -> float:
    """Soft IoU (sum of minima over sum of maxima) of two ink maps after a Gaussian blur of ``sigma`` pixels;
    0 when both are empty."""
    import cv2

    if sigma > 0:
        a = cv2.GaussianBlur(a, (0, 0), sigma)
        b = cv2.GaussianBlur(b, (0, 0), sigma)
    union = float(np.maximum(a, b).sum())
    return float(np.minimum(a, b).sum()) / union if union > 1e-6 else 0.0


def ink_centres(frames: np.ndarray, color: tuple[int, int, int], box: tuple[int, int, int, int],
                min_ink: float) -> list[tuple[float, float] | None]:
    """Per frame, the ink-weighted centre of colour ``color`` inside ``box`` (left, top, right, bottom), in frame
    coordinates; None where the box holds less than ``min_ink`` (in pixels' worth of full colour)."""
    x0, y0, x1, y1 = box
    background = background_of(frames[0])
    centres: list[tuple[float, float] | None] = []
    for frame in frames:
        ink = ink_map(frame[y0:y1, x0:x1], color, background)
        total = float(ink.sum())
        if total < min_ink:
            centres.append(None)
            continue
        ys, xs = np.indices(ink.shape)
        centres.append((float((ink * xs).sum() / total) + x0, float((ink * ys).sum() / total) + y0))
    return centres
