"""Judging pieces carried into places of their own: did each piece, followed by its colour, arrive in its own
place, whole, travelling rather than jumping — one piece at a time, in the order asked?

Used by the tasks whose answer moves uniquely coloured pieces one after another into targets (shape cards into
their outlines, animal faces into their silhouettes). Each piece is followed by the colour the video's opening
frame shows it in (so a brighter, darker or tinted video keeps its pieces). Per piece: where its colour's centre
ends (``arrive``), its size at the end (``intact``), how much of the clip it stays whole (no piece passes over,
merges with or hides another), and its largest step along its way (a cut to the end is one step of the whole way).
Over the pieces: how much two pieces' moves overlap in time, and the order in which they start.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoClip

TAIL = 3
# RGB reach of a piece's colour: under half the distance between the two closest piece colours of a task.
COLOR_TOLERANCE = 38.0
ARRIVE_FULL, ARRIVE_ZERO = 8.0, 24.0  # 512-canvas pixels from the piece's own target
STEP_FULL, STEP_ZERO = 0.55, 0.95  # largest step of a move, as a share of its way
OVERLAP_FULL, OVERLAP_ZERO = 0.34, 0.8  # share of the shorter move two moves may share in time
WRONG_ORDER = 0.7


def moving_interval(progress: Sequence[float | None]) -> tuple[int, int] | None:
    """First frame past 10 % of the way and first frame past 90 % (after it), or None."""
    early = next((k for k, v in enumerate(progress) if v is not None and v >= 0.1), None)
    if early is None:
        return None
    late = next((k for k, v in enumerate(progress) if k >= early and v is not None and v >= 0.9), None)
    return None if late is None else (early, late)


def overlap_share(a: tuple[int, int], b: tuple[int, int]) -> float:
    """How much of the shorter of two frame intervals the other covers."""
    common = min(a[1], b[1]) - max(a[0], b[0]) + 1
    return max(0, common) / max(1, min(a[1] - a[0], b[1] - b[0]) + 1)


def judge_carried(clip: VideoClip, first: np.ndarray, final: np.ndarray, colors: Sequence[Sequence[int]],
                  starts: Sequence[Point], targets: Sequence[Point], order: Sequence[int], labels: Sequence[str],
                  color_tolerance: float = COLOR_TOLERANCE, incomplete: float = 0.5) -> Score:
    """Score a video that should carry piece ``k`` (colour ``colors[k]``, called ``labels[k]``) from ``starts[k]``
    to ``targets[k]`` (its colour's centre, 512 canvas), one piece at a time, in ``order``.

    value = start · placed · complete · whole · one_at_a_time · order · (0.05 + 0.95 · continuity):
    ``placed`` is the mean over pieces of arrive (centre within 8 px of its target, none from 24) · intact (size at
    the end 0.5–1.6 × the final frame's); ``complete`` is ``incomplete`` (0.5) unless every piece is placed (with few
    pieces, one left behind still keeps half of ``placed``: a task may ask for less); ``whole`` every piece
    whole in ≥ 90 % of frames; ``one_at_a_time`` 1 while two moves (10–90 % of the way) share at most a third of
    the shorter, down to 0.5 from 80 %; ``order`` 0.7 when the pieces start moving in another order; a cut
    straight to the end keeps ≤ 0.05.
    """
    if not clip.ok or len(clip.frames) < 2:
        return Score.zero(clip.error or "the video has too few frames")
    start = starts_like(clip, first)
    if not start:
        return Score.zero("the video does not open on the first frame", start=0.0)
    frames = clip.frames
    size = frames.shape[2]
    scale = size / FRAME_SIZE
    first_small, final_small = resize_frame(first, size), resize_frame(final, size)
    verdict = Verdict()
    verdict.part("start", start)
    values, wholes, continuities, intervals, reasons = [], [], [], [], []
    for label, color, begin, end in zip(labels, colors, starts, targets, strict=True):
        expected = int(color_mask(final_small, color, color_tolerance).sum())
        track, counts = blob_track(frames, observed_color(frames[0], first_small, color), color_tolerance,
                                   max(6, expected // 4))
        a, b = np.multiply(begin, scale), np.multiply(end, scale)
        span = b - a
        progress = [None if p is None else float((np.asarray(p) - a) @ span) / float(span @ span) for p in track]
        tail = [p for p in track[-TAIL:] if p is not None]
        ratios = counts / max(1, expected)
        wholes.append(ramp(1.0 - float(np.mean((ratios >= 0.45) & (ratios <= 1.7))), 0.1, 0.35))
        if not tail:
            values.append(0.0)
            continuities.append(0.0)
            intervals.append(None)
            reasons.append(f"the {label} is not seen at the end")
            continue
        miss = float(np.hypot(*(np.median(np.asarray(tail), axis=0) - b))) / scale
        arrive = ramp(miss, ARRIVE_FULL, ARRIVE_ZERO)
        intact = 1.0 if 0.5 <= float(np.median(ratios[-TAIL:])) <= 1.6 else 0.0
        known = [v for v in progress if v is not None]
        steps = float(np.abs(np.diff(known)).max()) if len(known) > 1 else 1.0
        continuities.append(ramp(steps, STEP_FULL, STEP_ZERO) * ramp(-(max(known) - min(known)), -0.8, -0.4))
        intervals.append(moving_interval(progress))
        values.append(arrive * intact)
        if arrive < 1:
            reasons.append(f"the {label} ends {miss:.0f} px from its place")
        if not intact:
            reasons.append(f"the {label} changed size or merged")
    verdict.part("placed", float(np.mean(values)), unless="; ".join(reasons) or None)
    verdict.part("complete", 1.0 if min(values) >= 0.5 else incomplete, unless="not every piece is in its own place")
    verdict.part("whole", min(wholes), unless="a piece is hidden, merged or broken in part of the video")
    known_intervals = [(k, iv) for k, iv in enumerate(intervals) if iv is not None]
    worst = max((overlap_share(a, b) for (_, a), (_, b) in combinations(known_intervals, 2)), default=0.0)
    verdict.part("one_at_a_time", 0.5 + 0.5 * ramp(worst, OVERLAP_FULL, OVERLAP_ZERO),
                 unless=f"pieces move at the same time ({worst:.0%} overlap)")
    moved = [k for k, _ in sorted(known_intervals, key=lambda item: item[1][0])]
    asked = [k for k in order if k in moved]
    verdict.part("order", 1.0 if moved == asked else WRONG_ORDER, unless="the pieces do not move in the order asked")
    continuity = float(np.mean(continuities))
    verdict.note("continuity", continuity)
    verdict.part("process", 0.05 + 0.95 * continuity, unless=f"pieces jump instead of moving (continuity {continuity:.2f})")
    return verdict.score(ok="every piece was carried, one at a time and in order, into its own place")
