"""G-3 scorer: follow each shape by its kind's colour and its size, and judge the sorted row.

The shapes of one kind share a colour and differ in size (≥ 32 % in area between neighbours), so in every
frame each colour's blobs are told apart by size and by where each shape was last seen: each shape is the
blob that best fits its size and stays where it was or moves on from there (see ``assign_blobs``).
Checks, as the arrangement judge (vbvr_core.families.arrangement.judge) makes them: the video opens on the
first frame; at the end every shape is present at its own size, the shapes stand on one horizontal line in
the stable order (grouped by kind in the stated order, each kind's shapes in their original left-to-right
order), the row below the first and centred; and each shape got there by moving continuously, in view all the
way (a cut or a cross-fade scores ≤ 0.08). An unstable order — two shapes of one kind swapped — counts as a wrong order.

value = start · intact · row · height · (0.7·order + 0.3·centred) · (0.08 + 0.92·continuity).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations

import cv2
import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.arrangement.judge import COLOR_TOLERANCE, INTACT_HIGH, INTACT_LOW, judge_row
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_g3_stable_sort.generator import Solution

# The prompt says "a new row below", not how far below: the row's height is judged loosely.
HEIGHT_TOLERANCE = 60.0
TAIL_FRAMES = 3
# Continuity asks each moving shape to be in view in this share of the frames (in full; none from VIEW_ZERO).
VIEW_FULL, VIEW_ZERO = 0.8, 0.5


def assign_blobs(areas: Sequence[float], centres: Sequence[Point], expected: Sequence[float],
                 previous: Sequence[Point | None]) -> list[int | None]:
    """Which blob (index into ``areas``/``centres``) is each shape of one kind, or None where it is unseen.

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
        best = min(permutations(range(len(blobs)), len(expected)),
                   key=lambda chosen: float(cost[range(len(expected)), chosen].sum()))
        for shape, blob in enumerate(best):
            out[shape] = blobs[blob]
    else:
        best = min(permutations(range(len(expected)), len(blobs)),
                   key=lambda chosen: float(cost[chosen, range(len(blobs))].sum()))
        for blob, shape in enumerate(best):
            out[shape] = blobs[blob]
    return out


def track_kind(frames: np.ndarray, color: Sequence[int], expected: Sequence[float]
               ) -> tuple[list[list[Point | None]], np.ndarray, list[np.ndarray]]:
    """Per shape of one kind (``expected`` pixel counts, ascending): its centre per frame (None where unseen),
    its pixel count per frame, and its mask in the last frame."""
    masks = color_mask(frames, color, COLOR_TOLERANCE).astype(np.uint8)
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


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-3 against the sample's shapes, their starts and their places in the sorted row."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip()
    if not starts_like(clip, sample.first_frame):
        return Score.zero("the video does not open on the first frame", start=0.0)
    frames = clip.frames
    size = frames.shape[1]
    factor = size / FRAME_SIZE
    final_small = resize_frame(sample.final_frame, size)
    first_small = resize_frame(sample.first_frame, size)
    count = len(solution.colors)
    kinds: dict[tuple[int, ...], list[int]] = {}
    for index, color in enumerate(solution.colors):
        kinds.setdefault(tuple(color), []).append(index)
    tail_length = min(TAIL_FRAMES, len(frames))
    tracks: list[list[Point | None]] = [[] for _ in range(count)]
    ending: list[list[Point | None]] = [[] for _ in range(count)]
    tail = np.zeros((count, tail_length))
    last_masks = [np.zeros(frames.shape[1:3], bool) for _ in range(count)]
    expected_pixels = np.zeros(count)
    for color, members in kinds.items():
        members = sorted(members, key=lambda k: solution.radii[k])
        # Each shape's pixel count in the sample's final frame: its blobs, smallest to largest.
        found, _, stats, _ = cv2.connectedComponentsWithStats(
            color_mask(final_small, color, COLOR_TOLERANCE).astype(np.uint8), connectivity=8)
        expected = sorted(float(area) for area in stats[1:found, cv2.CC_STAT_AREA])[-len(members):]
        shown = observed_color(frames[0], first_small, color)
        kind_tracks, _, _ = track_kind(frames, shown, expected)
        # The end state is read afresh from the last frames — by size alone where the row first shows — so
        # how the shapes got there never changes which shape stands where.
        kind_ending, kind_counts, kind_last = track_kind(frames[-tail_length:], shown, expected)
        for rank, member in enumerate(members):
            tracks[member], ending[member] = kind_tracks[rank], kind_ending[rank]
            tail[member], last_masks[member] = kind_counts[rank], kind_last[rank]
            expected_pixels[member] = expected[rank]
    verdict = Verdict()
    verdict.part("start", 1.0)
    intact = [INTACT_LOW <= float(np.median(row)) / max(1.0, pixels) <= INTACT_HIGH
              for row, pixels in zip(tail, expected_pixels, strict=True)]
    end_positions: list[Point | None] = []
    for track in ending:
        seen = [p for p in track if p is not None]
        end_positions.append(tuple(np.median(np.asarray(seen), axis=0)) if seen else None)
    return judge_row(verdict, tracks, end_positions, intact, np.stack(last_masks), solution.starts, solution.ends,
                     solution.order, factor, HEIGHT_TOLERANCE, noun="shapes",
                     order_problem="the left-to-right order is wrong (not grouped by kind in the stated order, or not "
                                   "stable)", in_view=(VIEW_FULL, VIEW_ZERO),
                     ok="every shape moved continuously into its place in the stable order")
