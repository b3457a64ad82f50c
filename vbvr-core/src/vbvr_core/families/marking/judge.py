"""Judging a drawn mark: which candidate did the model's red ring enclose, and was nothing else changed?

Used by every "circle the answer" task (the largest number, the largest angle, the odd one out). The
scene holds candidates (points on the 512² canvas); the answer is a red ring around exactly one of them.
From the last frames of the clip, the pixels that turned red are collected; their centre and median
distance give the ring; the ring must be ring-like (closed all around, thin), enclose the target and no
other candidate, and leave the rest of the picture as the first frame showed it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoClip

SECTORS = 16
# The picture outside the mark: mean absolute difference (grey levels) tolerated, then none.
REST_FULL, REST_ZERO = 4.0, 16.0


def red_mask(frames: np.ndarray) -> np.ndarray:
    """Pixels that are clearly red (high red, low green and blue): robust to H.264 and to scaling."""
    rgb = frames.astype(np.int16)
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return (red >= 150) & (red - green >= 80) & (red - blue >= 80)


def _dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    import cv2

    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    return cv2.dilate(mask.astype(np.uint8), kernel) > 0


def ring_fit(mask: np.ndarray) -> tuple[Point, float, float, float] | None:
    """Centre, radius (median distance), sector coverage (0..1) and relative spread of a ring mask."""
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return None
    center = (float(xs.mean()), float(ys.mean()))
    distances = np.hypot(xs - center[0], ys - center[1])
    radius = float(np.median(distances))
    if radius <= 0:
        return center, 0.0, 0.0, 1.0
    angles = np.arctan2(ys - center[1], xs - center[0])
    bins = ((angles + np.pi) / (2 * np.pi) * SECTORS).astype(int) % SECTORS
    coverage = float((np.bincount(bins, minlength=SECTORS) >= 2).mean())
    spread = float(np.subtract(*np.percentile(distances, [75, 25])) / radius)
    return center, radius, coverage, spread


def judge_mark(clip: VideoClip, first: np.ndarray, candidates: Sequence[Point], target: int,
               expected_radius: float, tail_frames: int = 3) -> Score:
    """Score a video that should draw a red ring around ``candidates[target]`` (512-canvas points).

    value = start · selection · unchanged · (0.8 + 0.2 · ring) · (0.9 + 0.1 · progressive), where
    selection = the ring encloses the target and no other candidate; ring = closed and thin, of a
    sensible size (``expected_radius`` on the 512 canvas); unchanged = the rest of the picture matches
    the first frame; progressive = the mark grows over several frames (the process is not required,
    so it weighs little).
    """
    size = clip.frames.shape[1]
    factor = size / FRAME_SIZE
    first_small = resize_frame(first, size)
    start = starts_like(clip, first)
    if not start:
        return Score.zero("the video does not open on the first frame", start=0.0)
    already_red = _dilate(red_mask(first_small), 1)
    tail = clip.frames[-max(1, tail_frames):]
    mark = (red_mask(tail).mean(axis=0) >= 0.5) & ~already_red
    ring_pixels = 2 * np.pi * expected_radius * factor * max(1.0, 4 * factor)
    fit = ring_fit(mark) if mark.sum() >= 0.25 * ring_pixels else None
    if fit is None:
        return Score.zero("no red mark at the end of the video", start=start, selection=0.0)
    center, radius, coverage, spread = fit
    points = np.asarray(candidates, dtype=np.float64) * factor
    distances = np.hypot(points[:, 0] - center[0], points[:, 1] - center[1])
    enclosed = [int(k) for k in np.nonzero(distances < radius)[0]]
    selection = 1.0 if enclosed == [target] else 0.0
    size_ok = 1.0 if 0.4 <= radius / max(1e-6, expected_radius * factor) <= 2.5 else 0.5
    ring = ramp(-coverage, -0.85, -0.5) * ramp(spread, 0.3, 0.7) * size_ok
    exclusion = _dilate(mark, max(2, int(round(6 * factor))))
    rest = ~exclusion
    per_frame = np.abs(clip.frames.astype(np.int16) - first_small.astype(np.int16))[:, rest].mean(axis=(1, 2))
    unchanged = ramp(float(max(np.percentile(per_frame, 90), per_frame[-1])), REST_FULL, REST_ZERO)
    counts = (red_mask(clip.frames) & ~already_red).sum(axis=(1, 2))
    final_count = max(1, int(counts[-1]))
    growing = int(((counts > 0.1 * final_count) & (counts < 0.9 * final_count)).sum())
    progressive = 1.0 if growing >= 2 else 0.0
    reasons = []
    if not selection:
        reasons.append(f"the ring encloses candidates {enclosed}, expected only {target}")
    if ring < 1:
        reasons.append(f"the mark is not a clean ring (coverage {coverage:.2f}, spread {spread:.2f})")
    if unchanged < 1:
        reasons.append("the picture outside the mark changes")
    if not progressive:
        reasons.append("the mark appears at once")
    return Score(
        value=start * selection * unchanged * (0.8 + 0.2 * ring) * (0.9 + 0.1 * progressive),
        parts={"start": start, "selection": selection, "ring": ring, "unchanged": unchanged,
               "progressive": progressive},
        reason="; ".join(reasons) or "a clean red ring encloses the right candidate only; the rest is unchanged",
    )
