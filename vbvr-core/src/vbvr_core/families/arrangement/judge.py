"""Judging an arrangement: did each uniquely coloured object travel continuously into its place in a row?

Used by every task whose answer is objects moved into an order (sort a row, line circles up by size).
Each object has its own colour, so it is followed through the clip by its colour alone. The end state
is judged on the last frames (all objects present and intact, on one horizontal line, in the expected
left-to-right order, the row where it should stand) and the process on the whole clip: each object must
travel to its place in steps, not jump there (a cut straight to the end is one jump of the whole way).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoClip

COLOR_TOLERANCE = 28
# Row alignment on the 512 canvas: vertical spread of the centres tolerated in full, then none.
ROW_FULL, ROW_ZERO = 10.0, 40.0
# Where the row stands (512 canvas): offset of its horizontal middle tolerated in full, then none.
CENTER_FULL, CENTER_ZERO = 24.0, 64.0
# An object is intact when its pixel count at the end is within these ratios of the final frame's: the
# video's blur costs small objects up to a third of their pixels; resizing or merging goes beyond.
INTACT_LOW, INTACT_HIGH = 0.5, 1.6
# Continuity: the largest step of an object's progress (0 at its start, 1 at its place) between two
# frames where it is seen. Up to STEP_FULL is a move (8-fps videos of brisk moves reach ≈ 0.5); from
# STEP_ZERO on it is a jump (a cut is 1). Only objects that travel (progress spanning ≥ 0.8) earn it.
STEP_FULL, STEP_ZERO = 0.55, 0.95


def color_blobs(frames: np.ndarray, color: Sequence[int], min_pixels: int) -> tuple[list[Point | None], np.ndarray]:
    """Per frame, the centre of the pixels within ``COLOR_TOLERANCE`` of ``color`` in every channel (None
    below ``min_pixels``), and the pixel counts.

    Tasks pick object colours that no blend of another object's outline with the background can pass
    for (the palette without gray and brown), so no clean-up of the mask is needed.
    """
    import cv2

    low = np.clip(np.asarray(color) - COLOR_TOLERANCE, 0, 255).astype(np.uint8)
    high = np.clip(np.asarray(color) + COLOR_TOLERANCE, 0, 255).astype(np.uint8)
    centres: list[Point | None] = []
    counts = np.zeros(len(frames))
    for index, frame in enumerate(frames):
        moments = cv2.moments(cv2.inRange(np.ascontiguousarray(frame), low, high), binaryImage=True)
        counts[index] = moments["m00"]
        centres.append((moments["m10"] / moments["m00"], moments["m01"] / moments["m00"])
                       if moments["m00"] >= min_pixels else None)
    return centres, counts


def _projection(track: Sequence[Point | None], start: np.ndarray, end: np.ndarray) -> list[float | None]:
    """Each position's progress along start → end (0 at the start, 1 at the end), None where unseen."""
    direction = np.subtract(end, start, dtype=np.float64)
    length_sq = float(direction @ direction)
    return [None if p is None else float(np.subtract(p, start) @ direction / length_sq) for p in track]


def largest_step(progress: Sequence[float | None]) -> float:
    """The largest change of ``progress`` between consecutive known values (1.0 when fewer than two)."""
    seen = [value for value in progress if value is not None]
    if len(seen) < 2:
        return 1.0
    return float(np.abs(np.diff(seen)).max())


def order_credit(xs: Sequence[float], expected_order: Sequence[int]) -> float:
    """1 when objects sorted by ``xs`` follow ``expected_order`` exactly, else half the share of pairs in order."""
    rank = {obj: k for k, obj in enumerate(expected_order)}
    observed = sorted(expected_order, key=lambda obj: xs[obj])
    if list(observed) == list(expected_order):
        return 1.0
    pairs = list(combinations(expected_order, 2))
    right = sum(1 for a, b in pairs if (xs[a] < xs[b]) == (rank[a] < rank[b]))
    return 0.5 * right / max(1, len(pairs))


def judge_arrangement(clip: VideoClip, first: np.ndarray, final: np.ndarray, colors: Sequence[Sequence[int]],
                      starts: Sequence[Point], ends: Sequence[Point], expected_order: Sequence[int],
                      height_tolerance: float = 40.0, tail_frames: int = 3) -> Score:
    """Score a video that should move object ``k`` (colour ``colors[k]``) from ``starts[k]`` to ``ends[k]``.

    ``expected_order`` lists object indices left to right in the goal row; points are on the 512 canvas;
    ``first``/``final`` are the sample's 512² frames. The exact spacing of the row is not asked for, so
    ``ends`` fix only where the row stands: its height (± ``height_tolerance`` px in full, none from twice
    that) and its horizontal middle. value = start · intact · row · (0.7 · order + 0.3 · layout) ·
    (0.08 + 0.92 · continuity): a cut straight to the end keeps 0.08.
    """
    start = starts_like(clip, first)
    if not start:
        return Score.zero("the video does not open on the first frame", start=0.0)
    size = clip.frames.shape[1]
    factor = size / FRAME_SIZE
    final_small = resize_frame(final, size)[None]
    expected_pixels = [int(color_blobs(final_small, color, 1)[1][0]) for color in colors]
    tail_length = max(1, tail_frames)
    tracks, intact_flags = [], []
    for color, pixels in zip(colors, expected_pixels, strict=True):
        track, counts = color_blobs(clip.frames, color, max(3, pixels // 4))
        tracks.append(track)
        intact_flags.append(INTACT_LOW <= float(np.median(counts[-tail_length:])) / max(1, pixels) <= INTACT_HIGH)
    end_positions: list[Point | None] = []
    for track in tracks:
        seen = [p for p in track[-tail_length:] if p is not None]
        end_positions.append(tuple(np.median(np.asarray(seen), axis=0)) if seen else None)
    present = sum(p is not None for p in end_positions) / len(colors)
    intact = float(np.mean(intact_flags))
    if present < 1:
        missing = [k for k, p in enumerate(end_positions) if p is None]
        return Score(value=0.0, parts={"start": start, "present": present, "intact": intact},
                     reason=f"objects {missing} are not visible at the end")
    ends_small = np.asarray(ends, dtype=np.float64) * factor
    found = np.asarray(end_positions, dtype=np.float64)
    spread = float(np.abs(found[:, 1] - np.median(found[:, 1])).max()) / factor
    row = ramp(spread, ROW_FULL, ROW_ZERO)
    order = order_credit(list(found[:, 0]), expected_order)
    height = ramp(abs(float(np.median(found[:, 1]) - np.median(ends_small[:, 1]))) / factor,
                  height_tolerance, 2 * height_tolerance)
    middle = (found[:, 0].min() + found[:, 0].max()) / 2
    expected_middle = (ends_small[:, 0].min() + ends_small[:, 0].max()) / 2
    centred = ramp(abs(float(middle - expected_middle)) / factor, CENTER_FULL, CENTER_ZERO)
    layout = height * centred
    smoothness = []
    for track, begin, end in zip(tracks, starts, ends, strict=True):
        begin_small, end_small = np.multiply(begin, factor), np.multiply(end, factor)
        if np.hypot(*(end_small - begin_small)) < 8 * factor:
            continue
        progress = _projection(track, begin_small, end_small)
        known = [value for value in progress if value is not None]
        travelled = float(max(known) - min(known)) if known else 0.0
        smoothness.append(ramp(largest_step(progress), STEP_FULL, STEP_ZERO) * ramp(-travelled, -0.8, -0.4))
    continuity = float(np.mean(smoothness)) if smoothness else 1.0
    value = start * intact * row * (0.7 * order + 0.3 * layout) * (0.08 + 0.92 * continuity)
    reasons = []
    if intact < 1:
        reasons.append("some objects changed size or were merged")
    if row < 1:
        reasons.append(f"the objects are not on one horizontal line (spread {spread:.0f} px)")
    if order < 1:
        reasons.append("the left-to-right order is wrong")
    if layout < 1:
        reasons.append(f"the row stands off its place (height {height:.2f}, centred {centred:.2f})")
    if continuity < 1:
        reasons.append(f"objects jump instead of moving (continuity {continuity:.2f})")
    return Score(
        value=value,
        parts={"start": start, "present": present, "intact": intact, "row": row, "order": order,
               "layout": layout, "continuity": continuity},
        reason="; ".join(reasons) or "every object moved continuously into its place in the right order",
    )
