"""G-3 scorer: follow each shape by its kind's colour and its size, and judge the sorted row.

The shapes of one kind share a colour and differ in size (≥ 32 % in area between neighbours), so in every
frame each colour's blobs are told apart by size and by where each shape was last seen
(``vbvr_core.judge.motion.same_colour_tracks``). The row is judged by the arrangement family's ``judge_followed``
on G-3's terms: the order asked is the stable one (grouped by kind in the stated order, each kind's shapes in
their original left-to-right order; two shapes of one kind swapped is a wrong order), the row's height is judged
loosely, and each shape must move in view all the way (a cut or a cross-fade scores ≤ 0.08).
"""

from __future__ import annotations

from functools import partial

import cv2
import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.arrangement.judge import COLOR_TOLERANCE, end_state, judge_followed
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import observed_color, same_colour_tracks
from vbvr_core.media.video import VideoReader

from vbvr_g3_stable_sort.generator import Solution

# The prompt says "a new row below", not how far below: the row's height is judged loosely.
HEIGHT_TOLERANCE = 60.0
TAIL_FRAMES = 3
# Continuity asks each moving shape to be in view in this share of the frames (in full; none from VIEW_ZERO).
VIEW_FULL, VIEW_ZERO = 0.8, 0.5


def follow_shapes(solution: Solution, frames: np.ndarray, first_small: np.ndarray, final_small: np.ndarray) -> tuple:
    """Each kind's shapes by their colour and size, in the whole clip and afresh in its last frames (what the
    family's ``judge_row`` takes: tracks, end positions, intact flags, last-frame masks)."""
    tail_length = min(TAIL_FRAMES, len(frames))
    followed = {}  # per shape: its track, its track over the last frames, its counts and mask there, its pixels
    for color in set(solution.colors):
        members = sorted((k for k, c in enumerate(solution.colors) if c == color), key=lambda k: solution.radii[k])
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
            followed[member] = (kind_tracks[rank], kind_ending[rank], kind_counts[rank], kind_last[rank], expected[rank])
    tracks, ending, tail, last_masks, expected_pixels = zip(*(followed[k] for k in sorted(followed)), strict=True)
    return (tracks, *end_state(ending, tail, expected_pixels, tail_length), np.stack(last_masks))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-3 against the sample's shapes, their starts and their places in the sorted row."""
    solution = Solution.model_validate(sample.solution)
    return judge_followed(video.clip(), sample.first_frame, sample.final_frame, partial(follow_shapes, solution),
                          solution.starts, solution.ends, solution.order, HEIGHT_TOLERANCE, noun="shapes",
                          order_problem="the left-to-right order is wrong (not grouped by kind in the stated order, or "
                                        "not stable)", in_view=(VIEW_FULL, VIEW_ZERO),
                          ok="every shape moved continuously into its place in the stable order")
