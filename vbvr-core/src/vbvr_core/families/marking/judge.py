"""Judging a drawn mark: which candidate did the model mark (in red, or in black where a task's official
convention marks in black), and was nothing else changed?

Used by every "circle the answer" task (the largest number, the largest angle, the odd one out). The
scene holds candidates (points on the 512² canvas); the answer is a red mark on exactly one of them. Any
clear mark counts, in the style a model might draw it: a ring, an outline, a dot or a filled disc. From
the last ``tail_seconds`` of the clip, the pixels that turned red (judged against the frame's own
greys, so a colour drift does not hide them) form the mark; its centre must lie on the target (within
the expected ring radius) and its reach must take in no other candidate. The rest of the picture must
stay as the first frame showed it, up to a global brightness and colour drift.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import AliasChoices, ConfigDict, Field

from vbvr_core.contract import FRAME_SIZE, SampleRef, Score, TaskSolution
from vbvr_core.contract.geometry import Point
from vbvr_core.families.marking.parts import (
    away_from,
    dilate,
    unchanged_and_progressive,
)
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import byte_medians, channel_max, resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoClip, VideoReader

JUDGE_SIZE = 256
# A mark counts from this share of a thin ring's pixels on (a dot of a third of the radius has about as many).
MIN_MARK_SHARE = 0.15
# A mark must surround its target: the share of directions around it that the mark covers (a ring, an
# outline, a dot or a fill cover all; a half-drawn ring covers half), full credit from COVER_FULL.
SECTORS = 16
COVER_FULL, COVER_ZERO = 0.85, 0.7
TAIL_SECONDS = 0.25  # the mark at the end: what the last quarter second shows
OPENS_UNMARKED = "the video does not open on the unmarked first frame"


def balanced_frames(frames: np.ndarray) -> np.ndarray:
    """``frames`` (a stack, or one frame; float32) with each channel divided by its median over the frame (the
    background's colour) and scaled to 255, so a brightness or colour drift leaves the background white and a mark
    or an object its own hue: what the red and dark masks read, and any judge of colours against a drifting
    background."""
    frames = np.asarray(frames)
    # The median of bytes, exact, as float32 (what it was when taken over the float32 frame).
    medians = byte_medians(frames) if frames.dtype == np.uint8 else \
        np.median(frames.reshape(*frames.shape[:-3], -1, 3), axis=-2)
    background = medians.astype(np.float32)[..., None, None, :]
    return frames.astype(np.float32) * (np.float32(255.0) / np.maximum(background, np.float32(1.0)))


def balanced_patches(frames: np.ndarray, centers: Sequence[Point], half: float) -> list[np.ndarray]:
    """Per centre (512-canvas point), its patch of :func:`balanced_frames` of ``frames`` (a T×H×W×3 stack at any
    size): the square of ``half`` canvas px (scaled to the frames' size and rounded, at least 1 px) on each side of
    the centre's nearest pixel, cut at the frame's top and left edges — T×h×w×3 float32 each. How a judge reads the
    colour in the middle of each of several objects (a lamp, a shape) whatever a brightness or colour drift does."""
    balanced = balanced_frames(frames)
    factor = frames.shape[1] / FRAME_SIZE
    reach = max(1, int(round(half * factor)))
    patches = []
    for x, y in centers:
        cx, cy = int(round(x * factor)), int(round(y * factor))
        patches.append(balanced[:, max(0, cy - reach):cy + reach + 1, max(0, cx - reach):cx + reach + 1])
    return patches


def _red(balanced: np.ndarray) -> np.ndarray:
    red, green, blue = balanced[..., 0], balanced[..., 1], balanced[..., 2]
    return (red >= 120) & (red - green >= 70) & (red - blue >= 70)


def _dark(balanced: np.ndarray) -> np.ndarray:
    return channel_max(balanced) <= 110


def red_mask(frames: np.ndarray) -> np.ndarray:
    """Pixels that are clearly red, judged against the frame's own background: each channel is divided by its
    median over the frame (the background's colour) first, so a brightness or colour drift keeps them red."""
    return _red(balanced_frames(frames))


def dark_mask(frames: np.ndarray) -> np.ndarray:
    """Pixels that are clearly dark (near black), judged against the frame's own background: no channel above
    110 once each is divided by its median over the frame (the mid-tones of the palette, grey 128 and brown,
    stay out)."""
    return _dark(balanced_frames(frames))


def red_or_dark_mask(frames: np.ndarray) -> np.ndarray:
    """Red or black pixels: the mark of a task whose official convention marks in black, while a model told of
    a red mark, or drawing our toolkit's, is not wrong either (the background balance is computed once)."""
    balanced = balanced_frames(frames)
    return _red(balanced) | _dark(balanced)


def mark_fit(mask: np.ndarray) -> tuple[Point, float] | None:
    """Centre (mean of the pixels) and reach (90th percentile of their distance to it) of a mark, or None."""
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return None
    center = (float(xs.mean()), float(ys.mean()))
    return center, float(np.percentile(np.hypot(xs - center[0], ys - center[1]), 90))


def coverage_around(mask: np.ndarray, point: Point, sectors: int = SECTORS, min_pixels: int = 2,
                    min_distance: float = 0.0) -> float:
    """Share of ``sectors`` directions around ``point`` in which ``mask`` has at least ``min_pixels`` pixels at
    ``min_distance`` px or more from it (a small dot mark wants fewer sectors and one pixel each)."""
    ys, xs = np.nonzero(mask)
    dx, dy = xs - point[0], ys - point[1]
    away = np.hypot(dx, dy) >= min_distance
    bins = ((np.arctan2(dy[away], dx[away]) + np.pi) / (2 * np.pi) * sectors).astype(int) % sectors
    return float((np.bincount(bins, minlength=sectors) >= min_pixels).mean())


def ring_seen(frames: np.ndarray, center: Point, radius: float, color: Sequence[int], stroke: float,
              tolerance: float = 90.0) -> bool:
    """Whether some frame shows a ring of ``color`` (within ``tolerance`` per channel, ``stroke`` px wide) of
    ``radius`` around ``center`` (frame pixels) on at least a quarter of its area (a blurred or thinner ring
    still counts): a highlight a video puts on one object at a time."""
    size = frames.shape[1]
    x, y = center
    reach = int(np.ceil(radius + 4))
    x0, y0 = max(0, int(x) - reach), max(0, int(y) - reach)
    x1, y1 = min(size, int(x) + reach + 1), min(size, int(y) + reach + 1)
    patch = frames[:, y0:y1, x0:x1].astype(np.int16)
    near = channel_max(np.abs(patch - np.asarray(color, dtype=np.int16))) <= tolerance
    ys, xs = np.mgrid[y0:y1, x0:x1]
    band = np.abs(np.hypot(xs - x, ys - y) - radius) <= 3
    return bool((near[:, band].sum(axis=1) >= 0.25 * 2 * np.pi * radius * stroke).any())


@dataclass(frozen=True)
class NewInk:
    """A video read for the marks it adds to the sample's first frame (by :func:`read_new_ink`), at judge size
    (``JUDGE_SIZE`` px, ``JUDGE_FPS`` frames a second)."""

    clip: VideoClip
    first: np.ndarray  # the sample's first frame at judge size
    factor: float  # judge px per canvas px
    added: np.ndarray  # per frame: the ink the video added to the first frame (bool masks)
    counts: np.ndarray  # per frame: how many pixels it added
    tail: int  # frames in the last ``tail_seconds``
    mark: np.ndarray  # the mark at the end: pixels added in at least half the frames of the last ``tail_seconds``
    verdict: Verdict  # the score so far: part ``start``


def judged_opening(video: VideoReader, first_frame: np.ndarray, unless: str,
                   opens: Callable[[VideoClip], bool] | None = None,
                   size: int = JUDGE_SIZE) -> tuple[VideoClip, Verdict] | Score:
    """The opening of a marking-family scorer that judges the whole clip itself: ``video`` read at ``size`` px
    (:data:`JUDGE_SIZE` by default) and :data:`JUDGE_FPS`, and a :class:`Verdict` whose part ``start`` says it opens on
    ``first_frame`` (``starts_like``, and ``opens(clip)`` when given). Returns the zero :class:`Score` when the video
    has no frames (its reason the clip's error), the verdict's score (``start`` 0, reason ``unless``) when it does
    not open so, else the clip and the verdict to go on with. Never raises."""
    clip = video.clip(size=size, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    verdict = Verdict()
    if not verdict.part("start", float(bool(starts_like(clip, first_frame)) and (opens is None or opens(clip))),
                        unless=unless):
        return verdict.score(ok="")
    return clip, verdict


def read_new_ink(video: VideoReader, first: np.ndarray, ink: Callable[[np.ndarray], np.ndarray] = red_mask, *,
                 added: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
                 opens: Callable[[np.ndarray, np.ndarray], bool] | None = None, unless: str = OPENS_UNMARKED,
                 tail_seconds: float = TAIL_SECONDS) -> NewInk | Score:
    """Read ``video`` for the marks it draws on ``first`` (the sample's first frame, canvas size): how every judge
    of a drawn mark opens. The ink it added per judged frame is by default the pixels ``ink`` finds
    (:func:`red_mask`: clearly red) that are not within 1 px of those it finds in the first frame;
    ``added(frames, first)`` (both at judge size) replaces that rule. The part ``start``: the video opens on
    ``first`` (``starts_like``; and ``opens(opening, first)`` at judge size, when given) with less than a fifth of
    its last frame's added ink. The mark at the end is what was added in at least half the frames of the last
    ``tail_seconds``.

    Returns the zero :class:`Score` when the video cannot be read, the verdict's score (``start`` 0, reason
    ``unless``) when it does not open so, else the :class:`NewInk` to judge the mark by. Never raises."""
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    first_small = resize_frame(first, JUDGE_SIZE)
    verdict = Verdict()
    if added is None:
        marks = ink(clip.frames) & ~dilate(ink(first_small), 1)
    else:
        marks = added(clip.frames, first_small)
    counts = marks.sum(axis=(1, 2))
    started = (starts_like(clip, first) and (opens is None or opens(clip.frames[0], first_small))
               and counts[0] < 0.2 * max(1, int(counts[-1])))
    if not verdict.part("start", float(started), unless=unless):
        return verdict.score(ok="")
    tail = max(1, round(tail_seconds * JUDGE_FPS))
    return NewInk(clip, first_small, JUDGE_SIZE / first.shape[0], marks, counts, tail,
                  marks[-tail:].mean(axis=0) >= 0.5, verdict)


def judge_mark(video: VideoReader, first: np.ndarray, candidates: Sequence[Point], target: int,
               expected_radius: float, tail_seconds: float = TAIL_SECONDS,
               ink: Callable[[np.ndarray], np.ndarray] = red_mask) -> Score:
    """Score a video that should mark ``candidates[target]`` (512-canvas points) in red (or in the colours
    ``ink`` finds, e.g. :func:`red_or_dark_mask`), changing nothing else.

    value = start · selection · closed · unchanged · (0.9 + 0.1 · progressive), where start = the video
    opens on ``first``, not yet marked; selection = the mark of the last ``tail_seconds`` is centred on the target (within
    ``expected_radius``, the 512-canvas radius of a ring around it) and reaches no other candidate;
    closed = the mark surrounds the target (a ring, outline, dot or fill does, a half-drawn ring does not);
    unchanged = the rest of the picture matches the first frame up to a global colour drift; progressive =
    the mark grows over at least 1/6 s (the process is not required, so it weighs little). Never raises.
    """
    read = read_new_ink(video, first, ink, tail_seconds=tail_seconds)
    if isinstance(read, Score):
        return read
    verdict, mark, factor = read.verdict, read.mark, read.factor
    radius = expected_radius * factor
    fit = mark_fit(mark) if mark.sum() >= MIN_MARK_SHARE * 2 * np.pi * radius * max(2.0, 4 * factor) else None
    if fit is None:
        verdict.part("selection", 0.0, unless="no clear mark at the end of the video")
        return verdict.score(ok="")
    center, reach = fit
    points = np.asarray(candidates, dtype=np.float64) * factor
    distances = np.hypot(points[:, 0] - center[0], points[:, 1] - center[1])
    reached = [int(k) for k in np.nonzero(distances <= max(reach, 0.5 * radius))[0]]
    on_target = distances[target] <= max(0.6 * radius, 0.5 * reach)
    verdict.part("selection", float(on_target and reached == [target]),
                 unless=f"the mark centred at {tuple(round(v / factor) for v in center)} takes in candidates {reached}, "
                        f"expected only {target}")
    cover = coverage_around(mark, tuple(points[target]))
    verdict.part("closed", ramp(-cover, -COVER_FULL, -COVER_ZERO),
                 unless=f"the mark surrounds the target in {cover:.0%} of directions only")
    verdict.note("reach", reach / factor)
    unchanged_and_progressive(verdict, read.clip.frames, read.first, away_from(mark, factor), read.counts,
                              changed="the picture outside the mark changes", at_once="the mark appears at once")
    return verdict.score(ok="a clear mark on the right candidate only; the rest is unchanged")


def judge_ringed(video: VideoReader, first: np.ndarray, solution: Any,
                 ink: Callable[[np.ndarray], np.ndarray] = red_mask) -> Score:
    """:func:`judge_mark` for a sample of a :class:`~vbvr_core.families.marking.task.RingMarkGenerator` task: the
    candidates are ``solution.centers``, the answer ``solution.target``, and the expected radius the target's ring
    (``solution.ring_radii[target]``, or ``solution.ring_radius`` where every shape has one ring radius)."""
    radii = getattr(solution, "ring_radii", None)
    radius = radii[solution.target] if radii is not None else solution.ring_radius
    return judge_mark(video, first, solution.centers, solution.target, radius, ink=ink)


class RingedSolution(TaskSolution):
    """What :func:`score_ringed` reads of a ring-the-answer task's solution (every other field the task writes is
    ignored): the candidates' ``centers`` (512 canvas; a task whose candidates are a figure's ``vertices`` or a
    pattern's ``dots`` may name them so), the answer ``target``, and the ring radius per shape (``ring_radii``) or
    one for all (``ring_radius``, or ``mark_radius``)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    centers: list[Point] = Field(validation_alias=AliasChoices("centers", "vertices", "dots"))
    target: int
    ring_radii: list[float] | None = None
    ring_radius: float | None = Field(None, validation_alias=AliasChoices("ring_radius", "mark_radius"))


def score_ringed(sample: SampleRef, video: VideoReader) -> Score:
    """The scorer of a ring-the-answer task marked in red, named in its plugin.py: :func:`judge_ringed` of the
    sample's :class:`RingedSolution` — the red mark of the video's end must sit on ``solution.target`` and take in
    no other candidate, surround it, and leave the rest of the picture unchanged."""
    return judge_ringed(video, sample.first_frame, RingedSolution.model_validate(sample.solution))
