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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from itertools import combinations

import numpy as np

from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.arrangement.judge import process_part, progress_along, travel_continuity
from vbvr_core.judge.compare import opening_clip, opening_problem
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max, resize_frame
from vbvr_core.media.video import VideoClip, VideoReader

TAIL = 3
# RGB reach of a piece's colour: under half the distance between the two closest piece colours of a task.
COLOR_TOLERANCE = 38.0
ARRIVE_FULL, ARRIVE_ZERO = 8.0, 24.0  # 512-canvas pixels from the piece's own target
OVERLAP_FULL, OVERLAP_ZERO = 0.34, 0.8  # share of the shorter move two moves may share in time
WRONG_ORDER = 0.7
CHANGED = 60  # a channel difference (0–255) that codec, blur and noise do not make
KEPT_FULL, KEPT_ZERO = 0.08, 0.25  # share of a kept object's box that changes
STRAY_FULL, STRAY_ZERO = 0.005, 0.03  # share of the background that changes


@dataclass(frozen=True)
class Opened:
    """A video that opens on the sample's first frame, ready to judge: its ``frames``, the ``scale`` (clip px per
    canvas px), the sample's first frame at the clip's size (``first``) and a ``verdict`` holding ``start`` = 1."""

    frames: np.ndarray
    scale: float
    first: np.ndarray
    verdict: Verdict

    def masks(self, rgb: Sequence[int], tolerance: float) -> np.ndarray:
        """Per frame, the pixels within ``tolerance`` of ``rgb`` as the video's opening frame shows it
        (``judge.motion.observed_color``)."""
        return color_mask(self.frames, observed_color(self.frames[0], self.first, rgb), tolerance)


def _ready(clip: VideoClip, first_frame: np.ndarray) -> Opened:
    verdict = Verdict()
    verdict.part("start", 1.0)
    size = clip.frames.shape[2]
    return Opened(clip.frames, size / FRAME_SIZE, resize_frame(first_frame, size), verdict)


def open_clip(video: VideoReader, first_frame: np.ndarray, size: int) -> Opened | Score:
    """The opening every scorer that follows a process shares: the video at ``size``² as :class:`Opened`, or the zero
    :class:`Score` saying why it cannot be judged (``judge.compare.opening_clip``: too few frames, or it does not open
    on ``first_frame``)."""
    clip = opening_clip(video, first_frame, size)
    return clip if isinstance(clip, Score) else _ready(clip, first_frame)


def clip_scorer(size: int) -> Callable[[Callable[[SampleRef, Opened], Score]], Callable[[SampleRef, VideoReader], Score]]:
    """Decorator of a scorer that follows a process: its ``body(sample, opened)`` becomes the task's
    ``score(sample, video)``, which opens the video with :func:`open_clip` (at ``size``², against
    ``sample.first_frame``) and returns that zero :class:`Score` without calling ``body`` when the video cannot be
    judged."""
    def wrap(body: Callable[[SampleRef, Opened], Score]) -> Callable[[SampleRef, VideoReader], Score]:
        @wraps(body)
        def score(sample: SampleRef, video: VideoReader) -> Score:
            opened = open_clip(video, sample.first_frame, size)
            return opened if isinstance(opened, Score) else body(sample, opened)
        return score
    return wrap


def opened(clip: VideoClip, first_frame: np.ndarray) -> Opened | Score:
    """:func:`open_clip` of a clip already read: the same checks (``judge.compare.opening_problem``), the same zero
    scores."""
    problem = opening_problem(clip, first_frame)
    return _ready(clip, first_frame) if problem is None else problem


def changed_pixels(frames: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Per frame, the pixels where some channel differs from ``reference`` by more than ``CHANGED``."""
    return channel_max(np.abs(frames.astype(np.int16) - reference.astype(np.int16))) > CHANGED


def kept_share(changed: np.ndarray, covered: np.ndarray, rows: slice, cols: slice, tail: int) -> tuple[float, float]:
    """(credit, share) of a box (``rows`` × ``cols``) that must stay as it was: ``share`` is how much of it changes
    (``changed``, frames × H × W) — the 90th percentile of its changed share over the frames in which nothing
    ``covered`` touches it (1 when there is none), or the median over the last ``tail`` frames, whichever is larger;
    the credit is 1 up to 8 % and 0 from 25 %."""
    region = changed[:, rows, cols]
    clear = [k for k in range(len(changed)) if not covered[k, rows, cols].any()]
    shares = region[clear].mean(axis=(1, 2)) if clear else np.ones(1)
    share = max(float(np.percentile(shares, 90)), float(np.median(region[-tail:].mean(axis=(1, 2)))))
    return ramp(share, KEPT_FULL, KEPT_ZERO), share


def background_part(verdict: Verdict, changed: np.ndarray, covered: np.ndarray, outside: np.ndarray) -> None:
    """Part ``background``: the rest of the picture stays as it was — per frame, the share of the pixels ``outside``
    (H × W) and not ``covered`` in that frame that ``changed``; its 90th percentile over the frames is credited in
    full up to 0.5 %, none from 3 %."""
    rest = changed & ~covered & outside[None]
    share = rest.sum(axis=(1, 2)) / np.maximum(1, (~covered & outside[None]).sum(axis=(1, 2)))
    stray = float(np.percentile(share, 90))
    verdict.part("background", ramp(stray, STRAY_FULL, STRAY_ZERO), unless=f"the background changes ({stray:.1%} of it)")


@dataclass(frozen=True)
class Followed:
    """A piece followed through a clip by its colour (:func:`follow`): its centre per frame (clip px, None where
    unseen), its pixel count per frame, and the count it has in the sample's final frame."""

    track: list[Point | None]
    counts: np.ndarray
    expected: int

    @property
    def end(self) -> np.ndarray | None:
        """Where it ends: the median of its centres seen in the last ``TAIL`` frames (None when not seen there)."""
        tail = [p for p in self.track[-TAIL:] if p is not None]
        return np.median(np.asarray(tail), axis=0) if tail else None

    @property
    def intact(self) -> float:
        """1 when its median count over the last ``TAIL`` frames is 0.5–1.6 times the expected count, else 0."""
        return 1.0 if 0.5 <= float(np.median((self.counts / max(1, self.expected))[-TAIL:])) <= 1.6 else 0.0

    @property
    def whole(self) -> float:
        """Whether it is whole (0.45–1.7 times the expected count) all along: 1 in ≥ 90 % of the frames, 0 from 65 %."""
        ratios = self.counts / max(1, self.expected)
        return ramp(1.0 - float(np.mean((ratios >= 0.45) & (ratios <= 1.7))), 0.1, 0.35)


def follow(frames: np.ndarray, first: np.ndarray, final: np.ndarray, rgb: Sequence[int],
           tolerance: float = COLOR_TOLERANCE) -> Followed:
    """Follow the piece of colour ``rgb`` through ``frames`` (``judge.motion.blob_track``) in the colour the video's
    opening frame shows it (``observed_color`` against the sample's ``first`` frame, at the clip's size), its blobs
    counted from a quarter of the pixels it has in the sample's ``final`` frame (at least 6)."""
    expected = int(color_mask(final, rgb, tolerance).sum())
    track, counts = blob_track(frames, observed_color(frames[0], first, rgb), tolerance, max(6, expected // 4))
    return Followed(track, counts, expected)


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


def judge_solution(sample: SampleRef, video: VideoReader, solution, labels: Sequence[str], incomplete: float = 0.5,
                   size: int = 256) -> Score:
    """:func:`judge_carried` of a sample whose ``solution`` lists per piece its ``colors``, ``starts``, ``targets``
    and the ``order`` they move in, on the video read at ``size`` px."""
    return judge_carried(video.clip(size=size), sample.first_frame, sample.final_frame, solution.colors,
                         solution.starts, solution.targets, solution.order, labels, incomplete=incomplete)


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
    ready = opened(clip, first)
    if isinstance(ready, Score):
        return ready
    frames, scale, first_small, verdict = ready.frames, ready.scale, ready.first, ready.verdict
    final_small = resize_frame(final, frames.shape[2])
    values, wholes, continuities, intervals, reasons = [], [], [], [], []
    for label, color, begin, end in zip(labels, colors, starts, targets, strict=True):
        piece = follow(frames, first_small, final_small, color, color_tolerance)
        a, b = np.multiply(begin, scale), np.multiply(end, scale)
        progress = progress_along(piece.track, a, b)
        wholes.append(piece.whole)
        if piece.end is None:
            values.append(0.0)
            continuities.append(0.0)
            intervals.append(None)
            reasons.append(f"the {label} is not seen at the end")
            continue
        miss = float(np.hypot(*(piece.end - b))) / scale
        arrive = ramp(miss, ARRIVE_FULL, ARRIVE_ZERO)
        intact = piece.intact
        continuities.append(travel_continuity(progress))
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
    process_part(verdict, float(np.mean(continuities)), "pieces jump instead of moving")
    return verdict.score(ok="every piece was carried, one at a time and in order, into its own place")
