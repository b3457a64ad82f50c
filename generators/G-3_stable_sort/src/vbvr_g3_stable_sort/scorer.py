"""G-3 scorer: follow each shape by its kind's colour and its size, and judge the sorted row.

The shapes of one kind share a colour and differ in size (≥ 32 % in area between neighbours), so in every
frame each colour's blobs are told apart by size and by where each shape was last seen: each shape is the
blob that best fits its size and stays where it was or moves on from there
(``vbvr_core.judge.motion.same_colour_tracks``).
Checks, as the arrangement judge (vbvr_core.families.arrangement.judge) makes them: the video opens on the
first frame; at the end every shape is present at its own size, the shapes stand on one horizontal line in
the stable order (grouped by kind in the stated order, each kind's shapes in their original left-to-right
order), the row below the first and centred; and each shape got there by moving continuously, in view all the
way (a cut or a cross-fade scores ≤ 0.08). An unstable order — two shapes of one kind swapped — counts as a wrong order.

value = start · intact · row · height · (0.7·order + 0.3·centred) · (0.08 + 0.92·continuity).
"""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.arrangement.judge import COLOR_TOLERANCE, end_state, judge_row
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import observed_color, same_colour_tracks
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_g3_stable_sort.generator import Solution

# The prompt says "a new row below", not how far below: the row's height is judged loosely.
HEIGHT_TOLERANCE = 60.0
TAIL_FRAMES = 3
# Continuity asks each moving shape to be in view in this share of the frames (in full; none from VIEW_ZERO).
VIEW_FULL, VIEW_ZERO = 0.8, 0.5


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
        kind_tracks, _, _ = same_colour_tracks(frames, shown, expected, COLOR_TOLERANCE)
        # The end state is read afresh from the last frames — by size alone where the row first shows — so
        # how the shapes got there never changes which shape stands where.
        kind_ending, kind_counts, kind_last = same_colour_tracks(frames[-tail_length:], shown, expected,
                                                                COLOR_TOLERANCE)
        for rank, member in enumerate(members):
            tracks[member], ending[member] = kind_tracks[rank], kind_ending[rank]
            tail[member], last_masks[member] = kind_counts[rank], kind_last[rank]
            expected_pixels[member] = expected[rank]
    verdict = Verdict()
    verdict.part("start", 1.0)
    end_positions, intact = end_state(ending, tail, expected_pixels, tail_length)
    return judge_row(verdict, tracks, end_positions, intact, np.stack(last_masks), solution.starts, solution.ends,
                     solution.order, factor, HEIGHT_TOLERANCE, noun="shapes",
                     order_problem="the left-to-right order is wrong (not grouped by kind in the stated order, or not "
                                   "stable)", in_view=(VIEW_FULL, VIEW_ZERO),
                     ok="every shape moved continuously into its place in the stable order")
