"""Judging motion in a model's video: blob tracks, progress coverage, angle unwrapping.

Scorers of tasks whose answer is a *process* (a hand sweeps, a shape turns, an object falls or
slides) measure one scalar per frame (an angle, a coordinate) and ask two questions of the series:
does it end where it should, and did it pass through the states in between? A video that cuts
straight from the first state to the last visits no intermediate state, so its progress coverage is 0.
A cross-fade does seem to pass through them (a half-faded shape reads as half-way), so a process judge also asks
:func:`unlike_dissolve`: does some frame show something that is no blend of the first and last frames?
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from vbvr_core.contract.geometry import Box, Point
from vbvr_core.draw import color_distance
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask, hue_mask
from vbvr_core.media.frames import channel_sum

# The pixels a dissolve is judged on: those whose first and last colours differ by more than this (summed over the
# channels). A frame within DISSOLVE_LOW of the whole change from a blend of the two is a step of a dissolve: a
# clip none of whose frames gets farther shows no process, one with a frame beyond DISSOLVE_HIGH does (a
# cross-fade stays under 0.04; a symbol sliding along a row reaches 0.6 – 0.85, a shape turning 0.45 – 0.8).
DISSOLVE_INK = 60.0
DISSOLVE_LOW, DISSOLVE_HIGH = 0.15, 0.3


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
                   min_pixels: int = 6, *, stroke: bool = False) -> tuple[int, int, int]:
    """The colour ``rgb`` as the video shows it: the median of the video's opening frame over the pixels
    where the sample's first frame ``reference`` (same size) has that colour, one pixel in from their edge.

    A model's video may be brighter, darker or tinted, and clip a saturated channel; tracking the colour it
    actually shows follows the object through any such drift. Falls back to ``rgb`` when fewer than
    ``min_pixels`` pixels are found (an object too small at this size).

    ``stroke``: the object is a thin line (a ring, an outline), which may keep fewer than ``min_pixels`` pixels
    one in from its edge at this size: then all the pixels of its colour are read instead; and a reading nearer
    the reference's background (the median of its pixels) than ``rgb`` — what a video that does not show the
    line there gives — falls back to ``rgb`` too.
    """
    import cv2

    found = color_mask(reference, rgb, tolerance)
    mask = cv2.erode(found.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    if stroke and mask.sum() < min_pixels:
        mask = found
    if mask.sum() < min_pixels:
        return (int(rgb[0]), int(rgb[1]), int(rgb[2]))
    median = np.median(opening[mask], axis=0)
    if stroke and color_distance(median, rgb) >= color_distance(median, np.median(reference.reshape(-1, 3), axis=0)):
        return (int(rgb[0]), int(rgb[1]), int(rgb[2]))
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
    masks = hue_mask(frames[:, y0:y1, x0:x1], channel, margin)
    out: list[tuple[float, float] | None] = []
    for mask in masks:
        ys, xs = np.nonzero(mask)
        spread_out = max_spread is not None and len(xs) and float(xs.std()) > max_spread
        out.append(None if len(xs) < min_pixels or spread_out else (float(xs.mean()) + x0, float(ys.mean()) + y0))
    return out


def progress_coverage(values: Sequence[float | None], start: float, end: float, checkpoints: int = 7,
                      resolution: float = 0.0, bridge: float | None = None) -> float:
    """Share of the ``checkpoints`` evenly spaced intermediate states between ``start`` and ``end`` that
    some value comes close to (within half a checkpoint spacing, or ``resolution`` — the measurement's
    own grain — if that is larger); Nones are ignored.

    With ``bridge``, ``values`` are per frame (None where nothing was seen) and a checkpoint also counts when it
    lies between the values of two consecutive frames at most ``bridge`` apart: a change that speeds up (an eased
    motion, fast in the middle) passes the states between the frames that show it, while a cut or a jump longer
    than ``bridge`` does not.

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
    if bridge is not None:
        for a, b in zip(values, values[1:], strict=False):
            if a is not None and b is not None and abs(b - a) <= bridge:
                hit |= (targets >= min(a, b)) & (targets <= max(a, b))
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


def assign_blobs(areas: Sequence[float], centres: Sequence[Point], expected: Sequence[float],
                 previous: Sequence[Point | None]) -> list[int | None]:
    """Which blob (index into ``areas``/``centres``) is each of several objects of one colour, or None where it is
    unseen.

    ``expected`` are the shapes' pixel counts, ``previous`` their last seen centres (None before the first).
    The assignment (one blob per shape at most) with the least summed cost wins; a blob's cost for a shape is
    |log area ratio| plus its distance from the shape's last seen centre in units of the shape's diameter, at
    most 1: a shape is the blob of its size that stays where it was or moves on from there (a shape fading in
    place keeps its identity even when it shrinks below a smaller one), and a blob a diameter or more away is
    told by its size alone. Only the ``len(expected) + 2`` largest
    blobs take part (smaller ones are specks).
    """
    if not len(areas):
        return [None] * len(expected)
    blobs = sorted(range(len(areas)), key=lambda k: -areas[k])[:len(expected) + 2]
    area = np.maximum(1.0, np.asarray([areas[k] for k in blobs], dtype=np.float64))
    size = np.maximum(1.0, np.asarray(expected, dtype=np.float64))
    cost = np.abs(np.log(area[None, :] / size[:, None]))  # shapes × blobs
    diameter = 2 * np.sqrt(size / np.pi)
    for shape, last in enumerate(previous):
        if last is not None:
            where = np.asarray([centres[k] for k in blobs], dtype=np.float64)
            cost[shape] += np.minimum(np.hypot(*(where - last).T) / diameter[shape], 1.0)
    out: list[int | None] = [None] * len(expected)
    if len(blobs) >= len(expected):
        best = min(itertools.permutations(range(len(blobs)), len(expected)),
                   key=lambda chosen: float(cost[range(len(expected)), chosen].sum()))
        for shape, blob in enumerate(best):
            out[shape] = blobs[blob]
    else:
        best = min(itertools.permutations(range(len(expected)), len(blobs)),
                   key=lambda chosen: float(cost[chosen, range(len(blobs))].sum()))
        for blob, shape in enumerate(best):
            out[shape] = blobs[blob]
    return out


def same_colour_tracks(frames: np.ndarray, color: Sequence[int], expected: Sequence[float], tolerance: float = 60.0
                       ) -> tuple[list[list[Point | None]], np.ndarray, list[np.ndarray]]:
    """The tracker for several objects of one colour (``expected``: their pixel counts, ascending), told apart by
    size and by where each was last seen (:func:`assign_blobs`): per object, its centre per frame (None where
    unseen), its pixel count per frame, and its mask in the last frame."""
    import cv2

    masks = color_mask(frames, color, tolerance).astype(np.uint8)
    min_pixels = max(3, int(min(expected)) // 4)
    tracks: list[list[Point | None]] = [[] for _ in expected]
    previous: list[Point | None] = [None] * len(expected)
    counts = np.zeros((len(expected), len(frames)))
    last: list[np.ndarray] = [np.zeros(frames.shape[1:3], bool) for _ in expected]
    for index, mask in enumerate(masks):
        found, labels, stats, centres = cv2.connectedComponentsWithStats(mask, connectivity=8)
        blobs = [k for k in range(1, found) if stats[k, cv2.CC_STAT_AREA] >= min_pixels]
        chosen = assign_blobs([float(stats[k, cv2.CC_STAT_AREA]) for k in blobs],
                              [(float(centres[k, 0]), float(centres[k, 1])) for k in blobs], expected, previous)
        for shape, blob in enumerate(chosen):
            if blob is None:
                tracks[shape].append(None)
                continue
            label = blobs[blob]
            previous[shape] = (float(centres[label, 0]), float(centres[label, 1]))
            tracks[shape].append(previous[shape])
            counts[shape, index] = stats[label, cv2.CC_STAT_AREA]
            if index == len(masks) - 1:
                last[shape] = labels == label
    return tracks, counts, last


def blend_residuals(frames: np.ndarray) -> list[float] | None:
    """Per frame of ``frames`` (a clip, or one region of it), how far it lies from the nearest blend
    ``(1 − a)·first + a·last`` (``a`` in [0, 1]) of the first and last frames, over the pixels those two differ at
    (by more than :data:`DISSOLVE_INK`), as a share of that whole difference: 0 for every frame of a cross-fade or
    a cut; a symbol half-way along its slide, or a shape half-way through its turn, is no blend of the two ends.
    None when the first and last frames hardly differ (nothing to dissolve)."""
    first = frames[0].astype(np.float32)
    change = frames[-1].astype(np.float32) - first
    changed = channel_sum(np.abs(change)) > DISSOLVE_INK
    whole = change[changed]
    size = float((whole * whole).sum())
    if size < 1.0:
        return None
    out = []
    for frame in frames:
        step = frame[changed].astype(np.float32) - first[changed]
        share = min(1.0, max(0.0, float((step * whole).sum()) / size))
        out.append(float(np.sqrt(((step - share * whole) ** 2).sum() / size)))
    return out


def unlike_dissolve(frames: np.ndarray, still: float = 0.0) -> float:
    """1 when some frame is no blend of the first and last (farther than :data:`DISSOLVE_HIGH`,
    :func:`blend_residuals`), 0 when every frame is one (within :data:`DISSOLVE_LOW`: a cross-fade or a cut,
    every pixel changing at once), linear between; ``still`` when the first and last frames hardly differ. A task
    whose process is itself a blend of its two ends (one symbol fading out, nothing moving) must not ask."""
    residuals = blend_residuals(frames)
    return still if residuals is None else ramp(max(residuals), DISSOLVE_HIGH, DISSOLVE_LOW)
