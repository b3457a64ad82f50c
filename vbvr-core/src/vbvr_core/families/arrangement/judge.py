"""Judging an arrangement: did each uniquely coloured object travel continuously into its place in a row?

Used by every task whose answer is objects moved into an order (sort a row, line circles up by size).
Each object has its own colour, so it is followed through the clip by its colour alone — the colour the
video's opening frame shows it in, so a brighter, darker or tinted video is followed as well. The end state is judged on the last frames (all objects
present and intact, on one horizontal line — by centres, tops or bottoms — in the expected left-to-right
order, the row where it should stand) and the process on the whole clip: each object must
travel to its place in steps, not jump there (a cut straight to the end is one jump of the whole way).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import combinations
from typing import Any

import numpy as np

from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.arrangement.draw import RowSolution
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoClip, VideoReader
from vbvr_core.plane import share_along

# Euclidean RGB reach of an object's colour as the video shows it: below half the distance between any two
# object colours (orange–yellow, the closest pair, are ≈ 80 apart; ≈ 70 in a video 12 % darker).
COLOR_TOLERANCE = 38.0
# Row alignment on the 512 canvas: vertical spread of the best-aligned line (tops, centres or bottoms)
# tolerated in full, then none.
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


def progress_along(track: Sequence[Point | None], start: np.ndarray, end: np.ndarray) -> list[float | None]:
    """Each position's progress along start → end (``plane.share_along``: 0 at the start, 1 at the end, not clipped),
    None where unseen."""
    return [None if p is None else share_along(p, start, end) for p in track]


def largest_step(progress: Sequence[float | None]) -> float:
    """The largest change of ``progress`` between consecutive known values (1.0 when fewer than two)."""
    seen = [value for value in progress if value is not None]
    if len(seen) < 2:
        return 1.0
    return float(np.abs(np.diff(seen)).max())


def step_continuity(progress: Sequence[float | None], full: float = STEP_FULL, zero: float = STEP_ZERO) -> float:
    """How continuously ``progress`` (0 at the start of a way, 1 at its end, None where unseen) moves: its largest
    step between known values (:func:`largest_step`) credited in full up to ``full``, none from ``zero`` (a cut is
    one step of 1; fewer than two known values count as a cut)."""
    return ramp(largest_step(progress), full, zero)


def travel_continuity(progress: Sequence[float | None], full: float = STEP_FULL, zero: float = STEP_ZERO) -> float:
    """How continuously an object travels its way, from its ``progress`` per frame (0 at its start, 1 at its place,
    None where unseen): the largest step between known values credited in full up to ``full``, none from ``zero``
    (a cut is one step of 1), times whether it travels at all (the known values spanning ≥ 0.8 in full, none
    below 0.4). 0 when fewer than two values are known."""
    known = [value for value in progress if value is not None]
    travelled = float(max(known) - min(known)) if known else 0.0
    return step_continuity(progress, full, zero) * ramp(-travelled, -0.8, -0.4)


def process_part(verdict: Verdict, continuity: float, jumps: str, floor: float = 0.05) -> None:
    """The ``process`` part of a scorer that asks for a process: notes ``continuity`` (0..1, how smoothly things
    travelled) and adds part ``process`` = ``floor`` + (1 - ``floor``) · continuity (a cut straight to the end keeps
    ``floor``), saying "``jumps`` (continuity c)" when it is short of 1 (e.g. ``jumps="pieces jump instead of
    moving"``)."""
    verdict.note("continuity", continuity)
    verdict.part("process", floor + (1 - floor) * continuity, unless=f"{jumps} (continuity {continuity:.2f})")


def end_state(tracks: Sequence[Sequence[Point | None]], counts: Sequence[np.ndarray], pixels: Sequence[float],
              tail: int) -> tuple[list[Point | None], list[bool]]:
    """Per object, where it stands at the end — the median of its positions seen in the last ``tail`` frames of
    its track (None when it is not seen there) — and whether it is intact: the median of its last ``tail`` pixel
    ``counts`` within ``INTACT_LOW``–``INTACT_HIGH`` times ``pixels`` (its count in the sample's final frame)."""
    ends: list[Point | None] = []
    for track in tracks:
        seen = [p for p in track[-tail:] if p is not None]
        ends.append(tuple(np.median(np.asarray(seen), axis=0)) if seen else None)
    intact = [INTACT_LOW <= float(np.median(row[-tail:])) / max(1, expected) <= INTACT_HIGH
              for row, expected in zip(counts, pixels, strict=True)]
    return ends, intact


def order_credit(xs: Sequence[float], expected_order: Sequence[int]) -> float:
    """1 when objects sorted by ``xs`` follow ``expected_order`` exactly, else half the share of pairs in order."""
    rank = {obj: k for k, obj in enumerate(expected_order)}
    observed = sorted(expected_order, key=lambda obj: xs[obj])
    if list(observed) == list(expected_order):
        return 1.0
    pairs = list(combinations(expected_order, 2))
    right = sum(1 for a, b in pairs if (xs[a] < xs[b]) == (rank[a] < rank[b]))
    return 0.5 * right / max(1, len(pairs))


def row_lines(masks: np.ndarray) -> np.ndarray:
    """Per object mask (objects × H × W), its top, centre and bottom row (NaN where the mask is empty)."""
    lines = np.full((len(masks), 3), np.nan)
    for index, mask in enumerate(masks):
        ys = np.nonzero(mask.any(axis=1))[0]
        if len(ys):
            lines[index] = (ys[0], (ys[0] + ys[-1]) / 2, ys[-1])
    return lines


def row_spread(lines: np.ndarray) -> float:
    """How far the objects stray from one horizontal row, aligned the way they line up best: by their tops,
    centres or bottoms (a baseline) — the largest distance of one object's line from the median line."""
    return float(min(np.abs(lines[:, k] - np.median(lines[:, k])).max() for k in range(lines.shape[1])))


def follow_colors(frames: np.ndarray, first_small: np.ndarray, final_small: np.ndarray, colors: Sequence[Sequence[int]],
                  tail_frames: int = 3) -> tuple[list, list[Point | None], list[bool], np.ndarray]:
    """Objects of their own colours followed through ``frames`` (the sample's first and final frames at the clip's
    size alongside): each by the colour the video's opening frame shows it in (``judge.motion.observed_color``,
    ``blob_track``). Returns what :func:`judge_row` takes: the tracks, where each stands at the end and whether it
    is intact (:func:`end_state` over the last ``tail_frames``, against its pixel count in the final frame), and
    each object's pixels in the last frame."""
    expected_pixels = [int(color_mask(final_small, color, COLOR_TOLERANCE).sum()) for color in colors]
    colors = [observed_color(frames[0], first_small, color) for color in colors]
    followed = [blob_track(frames, color, COLOR_TOLERANCE, max(3, pixels // 4))
                for color, pixels in zip(colors, expected_pixels, strict=True)]
    tracks = [track for track, _ in followed]
    end_positions, intact = end_state(tracks, [counts for _, counts in followed], expected_pixels, max(1, tail_frames))
    return tracks, end_positions, intact, np.stack([color_mask(frames[-1], color, COLOR_TOLERANCE) for color in colors])


def judge_followed(clip: VideoClip, first: np.ndarray, final: np.ndarray,
                   follow: Callable[[np.ndarray, np.ndarray, np.ndarray], tuple], starts: Sequence[Point],
                   ends: Sequence[Point], expected_order: Sequence[int], height_tolerance: float = 40.0,
                   **row: Any) -> Score:
    """The flow of every arrangement judge: the clip must open on ``first`` (else the zero score with part ``start``
    0); ``follow(frames, first_small, final_small)`` (the sample's frames at the clip's size) follows the objects
    the task's way and returns what :func:`judge_row` takes after the verdict (tracks, end positions, intact flags,
    last-frame masks; :func:`follow_colors` for objects of their own colours); :func:`judge_row` judges the rest
    (``row``: its ``noun``, ``order_problem``, ``in_view``, ``ok``)."""
    start = starts_like(clip, first)
    if not start:
        return Score.zero("the video does not open on the first frame", start=0.0)
    size = clip.frames.shape[1]
    followed = follow(clip.frames, resize_frame(first, size), resize_frame(final, size))
    verdict = Verdict()
    verdict.part("start", start)
    return judge_row(verdict, *followed, starts, ends, expected_order, size / FRAME_SIZE, height_tolerance, **row)


def judge_arrangement(clip: VideoClip, first: np.ndarray, final: np.ndarray, colors: Sequence[Sequence[int]],
                      starts: Sequence[Point], ends: Sequence[Point], expected_order: Sequence[int],
                      height_tolerance: float = 40.0, tail_frames: int = 3) -> Score:
    """Score a video that should move object ``k`` (colour ``colors[k]``) from ``starts[k]`` to ``ends[k]``.

    ``expected_order`` lists object indices left to right in the goal row; points are on the 512 canvas;
    ``first``/``final`` are the sample's 512² frames. Each object is tracked by the colour the video's
    opening frame shows it in (a brighter or tinted video keeps its objects). The exact spacing of the row
    is not asked for, nor whether the objects line up by their centres, tops or bottoms, so ``ends`` fix
    only where the row stands: its height (± ``height_tolerance`` px in full, none from twice that) and its
    horizontal middle. value = start · intact · row · height · (0.7 · order + 0.3 · centred) ·
    (0.08 + 0.92 · continuity): a cut straight to the end keeps 0.08; objects left in (or returned to)
    their starting places are not in the goal row and score 0. (:func:`judge_followed` with :func:`follow_colors`.)
    """
    return judge_followed(clip, first, final, partial(follow_colors, colors=colors, tail_frames=tail_frames), starts,
                          ends, expected_order, height_tolerance)


def judge_row(verdict: Verdict, tracks: Sequence[Sequence[Point | None]], end_positions: Sequence[Point | None],
              intact: Sequence[bool], row_masks: np.ndarray, starts: Sequence[Point], ends: Sequence[Point],
              expected_order: Sequence[int], factor: float, height_tolerance: float, noun: str = "objects",
              order_problem: str = "the left-to-right order is wrong", in_view: tuple[float, float] | None = None,
              ok: str = "every object moved continuously into its place in the right order") -> Score:
    """The parts every arrangement judge ends with, once it has followed its objects (``verdict`` holds ``start``).

    ``tracks`` are the objects' positions per judged frame (None where unseen), ``end_positions`` where each stands
    at the end (None: not visible, which scores 0), ``intact`` whether each kept its size, ``row_masks`` the objects'
    pixels in the last frame (one mask each); points are in the clip's pixels except ``starts``/``ends`` (512
    canvas; ``factor`` = clip size / 512). Parts: intact, row (one horizontal line), height (± ``height_tolerance``
    canvas px in full, none from twice that), placement (0.7 · order + 0.3 · centred) and process (0.08 + 0.92 ·
    continuity: each travelling object moves without jumping; with ``in_view`` (full, zero) it must also be seen
    in that share of the frames). ``noun`` names the objects in the reasons."""
    missing = [k for k, p in enumerate(end_positions) if p is None]
    verdict.note("present", 1 - len(missing) / len(end_positions))
    verdict.part("intact", float(np.mean(intact)), unless=f"some {noun} changed size or were merged")
    if missing:
        verdict.factor(0.0, when=True, reason=f"{noun} {missing} are not visible at the end")
        return verdict.score(ok="")
    ends_small = np.asarray(ends, dtype=np.float64) * factor
    found = np.asarray(end_positions, dtype=np.float64)
    spread = row_spread(row_lines(row_masks))
    verdict.part("row", ramp(spread / factor, ROW_FULL, ROW_ZERO),
                 unless=f"the {noun} are not on one horizontal line (spread {spread / factor:.0f} px)")
    order = order_credit(list(found[:, 0]), expected_order)
    offset = abs(float(np.median(found[:, 1]) - np.median(ends_small[:, 1]))) / factor
    verdict.part("height", ramp(offset, height_tolerance, 2 * height_tolerance),
                 unless=f"the row stands {offset:.0f} px off its height")
    middle = (found[:, 0].min() + found[:, 0].max()) / 2
    expected_middle = (ends_small[:, 0].min() + ends_small[:, 0].max()) / 2
    centred = ramp(abs(float(middle - expected_middle)) / factor, CENTER_FULL, CENTER_ZERO)
    verdict.note("order", order)
    verdict.note("centred", centred)
    verdict.part("placement", 0.7 * order + 0.3 * centred)
    if order < 1:
        verdict.fail(order_problem)
    if centred < 1:
        verdict.fail(f"the row is off centre (centred {centred:.2f})")
    smoothness = []
    for track, begin, end in zip(tracks, starts, ends, strict=True):
        begin_small, end_small = np.multiply(begin, factor), np.multiply(end, factor)
        if np.hypot(*(end_small - begin_small)) < 8 * factor:
            continue
        progress = progress_along(track, begin_small, end_small)
        credit = travel_continuity(progress)
        if in_view is not None:
            known = sum(value is not None for value in progress)
            credit *= ramp(-known / len(progress), -in_view[0], -in_view[1])
        smoothness.append(credit)
    process_part(verdict, float(np.mean(smoothness)) if smoothness else 1.0, f"{noun} jump instead of moving", 0.08)
    return verdict.score(ok=ok)


def score_row(sample: SampleRef, video: VideoReader) -> Score:
    """The scorer of a task whose uniquely coloured objects move into a row (G-174): :func:`judge_arrangement` of the
    video at 256 px against the sample's :class:`~vbvr_core.families.arrangement.draw.RowSolution` — the video opens on the first frame; at the end every
    object is present at its own size, all stand on one horizontal line (by their centres, or on a common baseline
    or top line) in the expected order, at the row's height, centred; and each got there by moving continuously
    (a cut to the end scores ≤ 0.08)."""
    solution = RowSolution.model_validate(sample.solution)
    return judge_arrangement(video.clip(), sample.first_frame, sample.final_frame, solution.colors, solution.starts,
                             solution.ends, solution.order)
