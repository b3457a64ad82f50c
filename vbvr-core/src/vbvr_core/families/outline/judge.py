"""Judging a traced outline: does the coloured line the model drew follow the answer figure's boundary, all
of it and nothing else, with the rest of the picture unchanged?

Used by the "outline the answer" tasks. The answer is a closed polygon (512-canvas points). From the last
``tail_seconds`` of the clip, the pixels that are clearly of the mark's colour, or turned clearly towards it
(after the video's colours are mapped onto the sample's, so a colour drift does not hide them), form the
outline. Two shares decide: *follows*, the
share of the outline's pixels within ``tolerance`` of the answer's boundary (an outline of another figure,
or of two, falls far short), and *traced*, the share of the answer's boundary with outline pixels within
``tolerance`` (a half-drawn outline falls short). An outline drawn on the boundary, a few pixels outside it,
thinner or thicker, all count. The rest of the picture must stay as the first frame showed it, up to a
global brightness and colour drift.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.marking.judge import TAIL_SECONDS, NewInk, read_new_ink
from vbvr_core.families.marking.parts import away_from, unchanged_and_progressive
from vbvr_core.families.outline.parts import follows_and_traced
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.masks import dilate
from vbvr_core.media.video import JUDGE_FPS, VideoReader

JUDGE_SIZE = 256
# An outline counts from this many pixels per pixel of the answer's perimeter (a 2-px line has 2).
MIN_PIXELS_PER_LENGTH = 0.6
CHANNELS = {"red": 0, "green": 1, "blue": 2}


def mark_mask(frames: np.ndarray, color: str) -> np.ndarray:
    """Pixels clearly of the primary ``color`` ("red", "green" or "blue"): that channel at least 120 and 70 above
    each other channel. Apply it to frames whose colours were mapped onto the sample's (see
    :func:`judge_outline`): a large figure may cover most of the frame, so the frame's own median is no measure
    of its background here."""
    frames = np.asarray(frames).astype(np.int16)
    main = CHANNELS[color]
    value = frames[..., main]
    others = [frames[..., c] for c in range(3) if c != main]
    return (value >= 120) & (value - others[0] >= 70) & (value - others[1] >= 70)


def turned_mask(frames: np.ndarray, first: np.ndarray, color: str) -> np.ndarray:
    """Pixels of ``frames`` that turned towards the primary ``color`` since ``first`` (same size, colours mapped
    onto it): that channel rose by at least 60 and by 90 more than each other channel. A thin line of the
    colour over a saturated fill keeps only part of its hue once the video stores colour at half resolution
    (a blue line over red comes out purple): it no longer passes :func:`mark_mask`, but it did turn blue."""
    change = np.asarray(frames).astype(np.int16) - np.asarray(first).astype(np.int16)
    main = CHANNELS[color]
    rise = change[..., main]
    others = [change[..., c] for c in range(3) if c != main]
    return (rise >= 60) & (rise - others[0] >= 90) & (rise - others[1] >= 90)


def boundary_mask(polygon: Sequence[Point], size: int) -> np.ndarray:
    """A 1-px line along the closed ``polygon`` (512-canvas points) on a ``size``² mask."""
    import cv2

    scale = size / FRAME_SIZE
    points = np.round(np.asarray(polygon, dtype=np.float64) * scale * 16).astype(np.int32)
    canvas = np.zeros((size, size), np.uint8)
    cv2.polylines(canvas, [points], isClosed=True, color=1, thickness=1, lineType=cv2.LINE_8, shift=4)
    return canvas > 0


def distance_to(mask: np.ndarray) -> np.ndarray:
    """Per pixel, the distance (px) to the nearest pixel of ``mask`` (a large value when it is empty)."""
    import cv2

    if not mask.any():
        return np.full(mask.shape, 1e6, np.float32)
    return cv2.distanceTransform((~mask).astype(np.uint8), cv2.DIST_L2, 3)


def outline_shares(mark: np.ndarray, polygon: Sequence[Point], tolerance: float) -> tuple[float, float]:
    """(follows, traced) of ``mark`` (a square mask) against ``polygon`` (512-canvas points) within ``tolerance``
    (512-canvas px): the share of the mark near the boundary, and the share of the boundary near the mark."""
    size = mark.shape[0]
    tol = tolerance * size / FRAME_SIZE
    boundary = boundary_mask(polygon, size)
    if not mark.any() or not boundary.any():
        return 0.0, 0.0
    follows = float((distance_to(boundary)[mark] <= tol).mean())
    traced = float((distance_to(mark)[boundary] <= tol).mean())
    return follows, traced


def fine_mark(video: VideoReader, first: np.ndarray, color: str, tail: int, count: int) -> np.ndarray:
    """The outline of the last ``tail`` judged frames found at the canvas size, pooled onto the judged size: a pixel
    counts when any canvas pixel it covers is of ``color`` (or turned to it). A thin line (3 canvas px) over a
    saturated fill blends into its neighbours once halved to the judged size and no longer passes
    :func:`mark_mask` or :func:`turned_mask` there, though it stands out plainly in the video; at the canvas size
    it does. Pixels of ``color`` in the first frame or in the video's mapped opening are no outline. Empty when the canvas-size clip does not line up with the judged one (``count`` frames)."""
    fine = video.clip(size=FRAME_SIZE, fps=JUDGE_FPS)
    empty = np.zeros((JUDGE_SIZE, JUDGE_SIZE), bool)
    if not fine.ok or len(fine.frames) != count:
        return empty
    fit = colour_fit(fine.frames[0], first)
    opening = match_colours(fine.frames[:1], *fit)[0]
    mapped = match_colours(fine.frames[-tail:], *fit)
    already = mark_mask(first, color) | mark_mask(opening, color)
    marks = (mark_mask(mapped, color) | turned_mask(mapped, opening, color)) & ~dilate(already, 2)
    mark = marks.mean(axis=0) >= 0.5
    step = FRAME_SIZE // JUDGE_SIZE
    return mark.reshape(JUDGE_SIZE, step, JUDGE_SIZE, step).any(axis=(1, 3))


def judge_traced(read: NewInk, mark: np.ndarray, polygon: Sequence[Point], tolerance: float, *, missing: str,
                 astray: str, short: str, changed: str, at_once: str, ok: str) -> Score:
    """The score of a line drawn along ``polygon`` (512-canvas points; two of them: a segment), from what
    :func:`~vbvr_core.families.marking.judge.read_new_ink` read (``read``, its verdict holding ``start``) and the
    line at its end (``mark``, judge size): how every judge of a traced line ends.

    Too little line for the boundary's length (:data:`MIN_PIXELS_PER_LENGTH`) scores part ``follows`` 0 (reason
    ``missing``); else :func:`outline_shares` within ``tolerance`` px go to
    :func:`~vbvr_core.families.outline.parts.follows_and_traced` (reasons ``astray`` and ``short``, templates
    formatted with ``follows`` and ``traced``), and the picture away from the line to
    :func:`~vbvr_core.families.marking.parts.unchanged_and_progressive` (reasons ``changed``, ``at_once``); the
    score's reason when all is well is ``ok``."""
    verdict = read.verdict
    length = float(boundary_mask(polygon, JUDGE_SIZE).sum())
    if mark.sum() < MIN_PIXELS_PER_LENGTH * length:
        verdict.part("follows", 0.0, unless=missing)
        return verdict.score(ok="")
    follows, traced = outline_shares(mark, polygon, tolerance)
    follows_and_traced(verdict, follows, traced, astray=astray.format(follows=follows, traced=traced),
                       short=short.format(follows=follows, traced=traced))
    unchanged_and_progressive(verdict, read.clip.frames, read.first, away_from(mark, read.factor), read.counts,
                              changed=changed, at_once=at_once)
    return verdict.score(ok=ok)


def judge_outline(video: VideoReader, first: np.ndarray, polygon: Sequence[Point], color: str,
                  tolerance: float, tail_seconds: float = TAIL_SECONDS) -> Score:
    """Score a video that should trace ``polygon`` (512-canvas points) in ``color``, changing nothing else.

    value = start · follows · traced · unchanged · (0.9 + 0.1 · progressive), where start = the video opens on
    ``first``, not yet outlined; follows = the outline of the last ``tail_seconds`` lies along the boundary
    (its share within ``tolerance`` px, ramped from ``parts.FOLLOW_ZERO`` to ``parts.FOLLOW_FULL``); traced = it
    runs along all of the boundary (ramped from ``parts.TRACED_ZERO`` to ``parts.TRACED_FULL``); unchanged = the
    rest of the picture matches the first frame up to a global colour drift; progressive = the outline grows
    over at least 1/6 s (the process is not required, so it weighs little). Never raises.
    """
    def added(frames: np.ndarray, first_small: np.ndarray) -> np.ndarray:
        # The video's colours mapped onto ours (a brightness or colour drift undone) by the fit of its opening frame;
        # turned: against the video's own opening frame (same decoder and resampling, so no edge moves by a pixel).
        mapped = match_colours(frames, *colour_fit(frames[0], first_small))
        return (mark_mask(mapped, color) | turned_mask(mapped, mapped[0], color)) & ~already(first_small, mapped[0])

    def already(first_small: np.ndarray, opening: np.ndarray) -> np.ndarray:
        # Of the colour in our first frame, or in the video's mapped opening: a per-channel fit cannot undo every
        # drift, and may read a brownish fill of a brightened video as the mark's red from the first frame on.
        return dilate(mark_mask(first_small, color) | mark_mask(opening, color), 1)

    read = read_new_ink(video, first, added=added, unless="the video does not open on the un-outlined first frame",
                        tail_seconds=tail_seconds)
    if isinstance(read, Score):
        return read
    opening = match_colours(read.clip.frames[0], *colour_fit(read.clip.frames[0], read.first))
    fine = fine_mark(video, first, color, read.tail, len(read.clip.frames))
    mark = read.mark | (fine & ~already(read.first, opening))
    return judge_traced(read, mark, polygon, tolerance, missing=f"no {color} outline at the end of the video",
                        astray=f"only {{follows:.0%}} of the {color} outline lies along the answer's boundary",
                        short="the outline runs along {traced:.0%} of the answer's boundary only",
                        changed="the picture outside the outline changes", at_once="the outline appears at once",
                        ok=f"a {color} outline along the answer's whole boundary only; the rest is unchanged")
