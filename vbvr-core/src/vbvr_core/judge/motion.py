"""Judging motion in a model's video: blob tracks, progress coverage, angle unwrapping.

Scorers of tasks whose answer is a *process* (a hand sweeps, a shape turns, an object falls or
slides) measure one scalar per frame (an angle, a coordinate) and ask two questions of the series:
does it end where it should, and did it pass through the states in between? A video that cuts
straight from the first state to the last visits no intermediate state, so its progress coverage is 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from vbvr_core.contract.geometry import Box
from vbvr_core.judge.masks import color_mask


def blob_track(frames: np.ndarray, rgb: Sequence[int], tolerance: float = 60.0, min_pixels: int = 12,
               box: Box | None = None) -> tuple[list[tuple[float, float] | None], np.ndarray]:
    """The one colour-blob tracker: per frame, the (x, y) centre of the pixels within ``tolerance``
    (Euclidean RGB) of ``rgb`` (None below ``min_pixels``), and each frame's pixel count.

    ``box`` (left, top, right, bottom; right/bottom exclusive) restricts the search; coordinates are
    always in the full frame. Colours are compared as they are: a scorer whose model may drift in colour
    tracks the colour the video shows (:func:`observed_color`).
    """
    x0, y0 = (box[0], box[1]) if box else (0, 0)
    region = frames[:, box[1]:box[3], box[0]:box[2]] if box else frames
    masks = color_mask(region, rgb, tolerance)
    per_column, per_row = masks.sum(axis=1), masks.sum(axis=2)  # T×W and T×H pixel counts
    counts = per_row.sum(axis=1)
    ys = np.arange(masks.shape[1], dtype=np.float64)
    xs = np.arange(masks.shape[2], dtype=np.float64)
    out: list[tuple[float, float] | None] = []
    for column, row, count in zip(per_column, per_row, counts, strict=True):
        if count < min_pixels:
            out.append(None)
            continue
        out.append((float(column @ xs / count) + x0, float(row @ ys / count) + y0))
    return out, counts


def observed_color(opening: np.ndarray, reference: np.ndarray, rgb: Sequence[int], tolerance: float = 24.0,
                   min_pixels: int = 6) -> tuple[int, int, int]:
    """The colour ``rgb`` as the video shows it: the median of the video's opening frame over the pixels
    where the sample's first frame ``reference`` (same size) has that colour, one pixel in from their edge.

    A model's video may be brighter, darker or tinted, and clip a saturated channel; tracking the colour it
    actually shows follows the object through any such drift. Falls back to ``rgb`` when fewer than
    ``min_pixels`` pixels are found (an object too small at this size).
    """
    import cv2

    mask = cv2.erode(color_mask(reference, rgb, tolerance).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    if mask.sum() < min_pixels:
        return (int(rgb[0]), int(rgb[1]), int(rgb[2]))
    median = np.median(opening[mask], axis=0)
    return (int(median[0]), int(median[1]), int(median[2]))


def blob_centroids(frames: np.ndarray, rgb: Sequence[int], tolerance: float = 60.0, min_pixels: int = 12,
                   box: Box | None = None) -> list[tuple[float, float] | None]:
    """The centres of :func:`blob_track` alone."""
    return blob_track(frames, rgb, tolerance, min_pixels, box)[0]


def channel_centroids(frames: np.ndarray, channel: int, box: Box, min_pixels: int, margin: int = 30,
                      max_spread: float | None = None) -> list[tuple[float, float] | None]:
    """Per frame, the centre of the pixels in ``box`` (left, top, right, bottom) whose ``channel`` (0 red,
    1 green, 2 blue) exceeds both others by ``margin`` — a hue, not one RGB value, so a thin line blended
    with the background at a low resolution, or a brighter or tinted video, keeps it; None below
    ``min_pixels``, or where the pixels' horizontal standard deviation exceeds ``max_spread`` (two objects
    of the hue at once, as in a cross-fade, are not one object between them). Coordinates are in the full frame."""
    x0, y0, x1, y1 = box
    region = frames[:, y0:y1, x0:x1].astype(np.int16)
    others = [k for k in range(3) if k != channel]
    masks = (region[..., channel] - np.maximum(region[..., others[0]], region[..., others[1]])) >= margin
    out: list[tuple[float, float] | None] = []
    for mask in masks:
        ys, xs = np.nonzero(mask)
        spread_out = max_spread is not None and len(xs) and float(xs.std()) > max_spread
        out.append(None if len(xs) < min_pixels or spread_out else (float(xs.mean()) + x0, float(ys.mean()) + y0))
    return out


def progress_coverage(values: Sequence[float | None], start: float, end: float, checkpoints: int = 7,
                      resolution: float = 0.0) -> float:
    """Share of the ``checkpoints`` evenly spaced intermediate states between ``start`` and ``end`` that
    some value comes close to (within half a checkpoint spacing, or ``resolution`` — the measurement's
    own grain — if that is larger); Nones are ignored.

    1.0 for a continuous change from start to end sampled at least ``checkpoints + 1`` times; 0.0 for a
    video that holds the start or cuts straight to the end. 0.0 when start and end coincide.
    """
    span = end - start
    seen = np.asarray([v for v in values if v is not None], dtype=np.float64)
    if abs(span) < 1e-9 or seen.size == 0:
        return 0.0
    targets = start + span * np.arange(1, checkpoints + 1) / (checkpoints + 1)
    half_step = max(abs(span) / (checkpoints + 1) / 2, resolution)
    hit = np.abs(seen[None, :] - targets[:, None]).min(axis=1) <= half_step
    return float(hit.mean())


def unwrap_degrees(angles: Sequence[float | None], period: float = 360.0) -> list[float | None]:
    """Turn per-frame angles in [0, ``period``) into a continuous track (each step taken as the shortest turn).

    ``period`` is 360 for a plain angle, or 360/k for a shape that looks the same after 1/k of a turn.
    Nones stay None and do not break the track. Steps of half a period or more are ambiguous by nature:
    sample the video densely enough that true steps stay well below that.
    """
    out: list[float | None] = []
    previous: float | None = None
    half = period / 2.0
    for angle in angles:
        if angle is None:
            out.append(None)
            continue
        if previous is None:
            current = float(angle) % period
            current = current - period if current > half else current
        else:
            step = (float(angle) - previous) % period
            current = previous + (step - period if step > half else step)
        out.append(current)
        previous = current
    return out


def angle_difference(a: float, b: float) -> float:
    """Smallest absolute difference between two angles in degrees (0..180)."""
    return abs((a - b + 180.0) % 360.0 - 180.0)


def direction_share(values: Sequence[float | None], sign: int, dead_band: float = 0.0) -> float:
    """Share of the clear steps (|step| > ``dead_band``) between consecutive known values that go the
    ``sign`` way (+1 increasing, -1 decreasing); 0.0 when there is no clear step at all."""
    seen = [v for v in values if v is not None]
    steps = [b - a for a, b in itertools.pairwise(seen) if abs(b - a) > dead_band]
    if not steps:
        return 0.0
    return sum(1 for step in steps if step * sign > 0) / len(steps)
