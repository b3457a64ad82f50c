"""Trackers of turning things in a model's video: one angle per frame.

- :func:`pointer_angles` — a straight pointer of one colour pivoting at a known point (a clock hand, a needle);
- :func:`polygon_turn` — a filled, outlined polygon turning about its centroid (a shape rotated in place), by
  correlating the frame's fill likeness with the polygon drawn at candidate angles.

Both read frames of any size: positions are given on the 512² canvas and scaled to the frames'. Angles are in
degrees, clockwise positive on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import cv2
import numpy as np

from vbvr_core.contract import FRAME_SIZE
from vbvr_core.contract.geometry import Point
from vbvr_core.families.rotation.judge import TurnJudgement, judge_stated_turn, turn_series
from vbvr_core.judge.credit import ramps
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import observed_color, unlike_dissolve
from vbvr_core.media.frames import resize_frame

ANGLE_STEP = 2
COARSE = 3  # the first search tries every third template
SUPERSAMPLE = 4
MIN_CORRELATION = 0.8
SOLID = 0.5  # likeness from which a pixel counts as the fill
AREA_RANGE = (0.75, 1.3)  # solid area per template area of a frame showing one whole shape
FILL_RANGE = 110.0
MAX_GHOST = 0.06  # see-through fill/background blends per shape area tolerated in a frame
GHOST_RESIDUAL = 12.0  # RGB distance from the fill–background line of a see-through blend


def pointer_angles(frames: np.ndarray, center: Point, radius: float, color: Sequence[int], min_pixels: float,
                   tolerance: float = 50.0, inner: float = 0.13, outer: float = 0.92) -> list[float | None]:
    """Per frame, the direction (degrees clockwise from 12) of a straight pointer of ``color`` — a clock hand, a
    dial's needle — pivoting at ``center`` (pixels of ``frames``), or None where it is not seen.

    The direction is that of the summed unit vectors from the centre to the pointer's pixels (within
    ``tolerance`` of ``color``) in the ring from ``inner`` to ``outer`` × ``radius``, clear of a central cap.
    A frame with fewer than ``min_pixels`` such pixels, or whose pixels spread around the centre like noise
    rather than lie along one ray, gives None.
    """
    cx, cy = center
    x0, x1 = int(max(0, cx - radius)), int(min(frames.shape[2], cx + radius + 1))
    y0, y1 = int(max(0, cy - radius)), int(min(frames.shape[1], cy + radius + 1))
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float64)
    dx, dy = xs + 0.5 - cx, ys + 0.5 - cy
    distance = np.hypot(dx, dy)
    ring = (distance > inner * radius) & (distance < outer * radius)
    ux, uy = (np.where(ring, d / np.maximum(distance, 1e-9), 0.0) for d in (dx, dy))
    masks = color_mask(frames[:, y0:y1, x0:x1], color, tolerance) & ring
    counts = masks.sum(axis=(1, 2))
    sums_x, sums_y = (masks * ux).sum(axis=(1, 2)), (masks * uy).sum(axis=(1, 2))
    return [None if count < min_pixels or np.hypot(sx, sy) < 0.6 * count else float(np.degrees(np.arctan2(sx, -sy)) % 360.0)
            for count, sx, sy in zip(counts, sums_x, sums_y, strict=True)]


@dataclass(frozen=True)
class TurningPolygon:
    """A polygon as drawn on the 512² canvas: ``vertices`` around its centroid at the start orientation, pasted as
    a ``sprite_side``² sprite centred on ``center`` (as :class:`~vbvr_core.draw.Stage` pastes it), filled inside an
    outline ``outline_width`` px wide; it looks the same after 1/``symmetry`` of a turn; ``radius`` is its size."""

    vertices: tuple[Point, ...]
    center: Point
    sprite_side: int
    outline_width: int
    symmetry: int
    radius: float


def box_half(shape: TurningPolygon, size: int) -> int:
    """Half the side (px, the centre pixel left out) of the box the tracker reads ``shape`` in, in a ``size``² frame:
    its sprite scaled to the frame, and 2 px to spare."""
    return round(shape.sprite_side * (size / FRAME_SIZE)) // 2 + 2


@lru_cache(maxsize=64)
def polygon_templates(shape: TurningPolygon, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate angles in [0, period), their fill-coverage templates flattened and normalised, and each
    template's area, in the (2·half+1)² box around the shape's centre in a ``size``² frame.

    Each template is the shape's fill inside its outline, placed where the stage pastes the sprite, drawn at
    ``SUPERSAMPLE``× and area-averaged, so a pixel holds the share of it the fill covers, as a faithful video's does.
    """
    scale = size / FRAME_SIZE
    half = box_half(shape, size)
    box, fine = 2 * half + 1, (2 * half + 1) * SUPERSAMPLE
    pivot = [int(round(c - shape.sprite_side / 2)) + shape.sprite_side / 2 for c in shape.center]
    origin = [round(c * scale) - half for c in shape.center]
    angles = np.arange(0, 360.0 / shape.symmetry, ANGLE_STEP, dtype=np.float64)
    templates = np.empty((len(angles), box * box), dtype=np.float32)
    canvas = np.zeros((fine, fine), dtype=np.uint8)
    radians = np.radians(angles)
    vertices = np.asarray(shape.vertices, dtype=np.float64)
    for k, (cos_a, sin_a) in enumerate(zip(np.cos(radians), np.sin(radians), strict=True)):
        turned = vertices @ np.array([[cos_a, sin_a], [-sin_a, cos_a]]) + pivot
        points = np.round(((turned * scale - origin) * SUPERSAMPLE) * 16).astype(np.int32)
        canvas[:] = 0
        cv2.fillPoly(canvas, [points], 255, shift=4)
        cv2.polylines(canvas, [points], True, 0, thickness=max(1, round(2 * shape.outline_width * scale * SUPERSAMPLE)),
                      shift=4)
        templates[k] = cv2.resize(canvas, (box, box), interpolation=cv2.INTER_AREA).reshape(-1) / 255.0
    areas = templates.sum(axis=1)
    return angles, templates / np.linalg.norm(templates, axis=1, keepdims=True), areas


def fill_likeness(pixels: np.ndarray, color) -> np.ndarray:
    """Per pixel (float32), 1 for the fill colour falling linearly to 0 at RGB distance ``FILL_RANGE`` (edges blend):
    :func:`~vbvr_core.judge.credit.ramps` of the distance in ``FILL_RANGE`` units."""
    offsets = pixels - np.asarray(color, dtype=np.float32)
    return ramps(np.sqrt(np.einsum("...c,...c->...", offsets, offsets)) / FILL_RANGE, 0.0, 1.0, np.float32)


def ghost_count(pixels: np.ndarray, fill, background) -> np.ndarray:
    """Per frame of ``pixels`` (F×H×W×3, float32), the count of pixels whose colour is a see-through blend of
    ``fill`` and ``background`` (a quarter to three quarters of the way, within ``GHOST_RESIDUAL`` of the line
    between them).

    A drawn shape meets the background only through its dark outline, so such blends are rare in a faithful
    video at any blur; a cross-fade is made of them.
    """
    span = np.asarray(fill, np.float32) - np.asarray(background, np.float32)
    offsets = pixels - np.asarray(background, np.float32)
    length2 = max(float(span @ span), 1.0)
    along = np.einsum("...c,c->...", offsets, span) / length2
    residual2 = np.einsum("...c,...c->...", offsets, offsets) - along * along * length2
    blends = (along >= 0.25) & (along <= 0.75) & (residual2 < GHOST_RESIDUAL ** 2)
    return blends.sum(axis=(1, 2))


def best_templates(flat: np.ndarray, templates: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per row of ``flat`` (a frame's likeness), the index of the best-correlating template and the normalised
    correlations of the templates before it, it and after it (cyclic), searched coarse to fine.

    Correlation runs as single-threaded ``einsum`` on purpose: BLAS threads fight over a busy machine's cores.
    """
    count = len(templates)
    coarse = np.arange(0, count, COARSE)
    rough = np.einsum("fn,an->fa", flat, templates[coarse])
    candidates = (coarse[rough.argmax(axis=1)][:, None] + np.arange(-COARSE - 1, COARSE + 2)) % count
    fine = np.einsum("fn,fkn->fk", flat, templates[candidates]) / np.maximum(np.linalg.norm(flat, axis=1), 1e-9)[:, None]
    rows, best = np.arange(len(flat)), 1 + fine[:, 1:-1].argmax(axis=1)
    return candidates[rows, best], fine[rows, best - 1], fine[rows, best], fine[rows, best + 1]


def peak_offset(before: float, peak: float, after: float):
    """Where the best of evenly spaced candidates really peaks, in candidate steps from it (within ±0.5): the vertex
    of the parabola through its score ``peak`` and its neighbours' ``before`` and ``after`` (0 where they do not
    bend down around it). Refines an angle read as the best of templates drawn every few degrees."""
    curvature = before - 2 * peak + after
    shift = 0.5 * (before - after) / curvature if curvature < 0 else 0.0
    return np.clip(shift, -0.5, 0.5)


def shape_box(shape: TurningPolygon, frames_shape: tuple[int, ...]) -> tuple[tuple[int, int], tuple[slice, slice]]:
    """Where :func:`polygon_templates` looks for ``shape`` in frames of ``frames_shape`` (F×H×W×3): the box's top-left
    corner (it may lie outside the frame) and the (rows, columns) slices of it inside the frame."""
    scale = frames_shape[2] / FRAME_SIZE
    half = box_half(shape, frames_shape[2])
    x0, y0 = (round(c * scale) - half for c in shape.center)
    rows = slice(max(0, y0), min(frames_shape[1], y0 + 2 * half + 1))
    return (x0, y0), (rows, slice(max(0, x0), min(frames_shape[2], x0 + 2 * half + 1)))


def polygon_turn(frames: np.ndarray, shape: TurningPolygon, color) -> tuple[list[float | None], list[float | None]]:
    """Per frame, the shape's unwrapped turn (degrees, clockwise positive) and its centre's drift in radii.

    The angle is the best normalised correlation between the frame's fill likeness around the centre and
    the templates, refined between neighbouring candidates by a parabola through the three best scores.
    Frames that show no single solid shape (too little or too much fill, a poor match, or see-through
    blends of the fill and the background over more than ``MAX_GHOST`` of the shape's area) are unseen.
    """
    size = frames.shape[2]
    angles, templates, areas = polygon_templates(shape, size)
    period = 360.0 / shape.symmetry
    scale = size / FRAME_SIZE
    half = box_half(shape, size)
    (x0, y0), (rows, columns) = shape_box(shape, frames.shape)
    region = np.zeros((len(frames), 2 * half + 1, 2 * half + 1), dtype=np.float32)
    pixels = frames[:, rows, columns].astype(np.float32)
    region[:, rows.start - y0:rows.stop - y0, columns.start - x0:columns.stop - x0] = fill_likeness(pixels, color)
    border = np.concatenate([pixels[0, 0], pixels[0, -1], pixels[0, :, 0], pixels[0, :, -1]])
    ghosts = ghost_count(pixels, color, np.median(border, axis=0))
    flat = region.reshape(len(frames), -1)
    indices, befores, peaks, afters = best_templates(flat, templates)
    solid = (flat >= SOLID).sum(axis=1)
    totals = flat.sum(axis=1)
    grid = np.arange(2 * half + 1, dtype=np.float64)
    raw: list[float | None] = []
    drift: list[float | None] = []
    for k, likeness in enumerate(region):
        best, before, peak, after = int(indices[k]), befores[k], peaks[k], afters[k]
        area = float(areas[best])
        if (peak < MIN_CORRELATION or not AREA_RANGE[0] * area <= solid[k] <= AREA_RANGE[1] * area
                or ghosts[k] > MAX_GHOST * area):
            raw.append(None)
            drift.append(None)
            continue
        raw.append(float((angles[best] + peak_offset(before, peak, after) * ANGLE_STEP) % period))
        mx, my = likeness.sum(axis=0) @ grid / totals[k], likeness.sum(axis=1) @ grid / totals[k]
        drift.append(float(np.hypot(mx - half, my - half)) / (shape.radius * scale))
    return turn_series(raw, 0.0, period), drift


def colour_seen(frames: np.ndarray, first_frame: np.ndarray, color) -> tuple[int, int, int]:
    """``color`` as the video's opening frame (``frames[0]``) shows it where the sample's ``first_frame`` (any size)
    has it (:func:`~vbvr_core.judge.motion.observed_color`): the colour to follow through a brighter, darker or
    tinted video."""
    return observed_color(frames[0], resize_frame(first_frame, frames.shape[2]), color)


def judge_polygon_turn(frames: np.ndarray, first_frame: np.ndarray, shape: TurningPolygon, color, target: float,
                       end_full: float, end_zero: float) -> tuple[TurnJudgement | None, list[float | None]]:
    """A turning polygon's turn in ``frames`` judged against the stated ``target`` (degrees, clockwise positive):
    :func:`polygon_turn` following its fill ``color`` as the video's opening frame shows it (:func:`colour_seen`
    against the sample's ``first_frame``), then :func:`~vbvr_core.families.rotation.judge.judge_stated_turn` with
    ``end_full`` and ``end_zero`` at the tracker's resolution (1.5 × :data:`ANGLE_STEP`), its ``process`` times
    :func:`~vbvr_core.judge.motion.unlike_dissolve` of the shape's box (a cross-fade of the shape into its turned
    self reads as intermediate angles but shows none: every frame a blend of the two ends). Also the centre's drift
    per frame (in radii, None where unseen). None for the judgement when the turn is not seen."""
    turn, drift = polygon_turn(frames, shape, colour_seen(frames, first_frame, color))
    judged = judge_stated_turn(turn, target, end_full, end_zero, resolution=1.5 * ANGLE_STEP)
    if judged is None:
        return None, drift
    rows, columns = shape_box(shape, frames.shape)[1]
    return replace(judged, process=judged.process * unlike_dissolve(frames[:, rows, columns], still=1.0)), drift
