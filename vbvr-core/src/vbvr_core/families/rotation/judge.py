"""Judging a turn: a per-frame angle series of a model's video against the turn the prompt asks for.

Tasks whose answer is a rotation (a clock's minute hand sweeping, a shape turning about its centre) each
measure one angle per frame in their own way; what follows is shared. The angles, taken relative to the
start orientation and unwrapped over the object's symmetry period, give the turn so far; the series is then
asked: does it start unturned, does it end at the stated signed turn, does it pass through the angles in
between (a cut or a cross-fade to the end visits none), and do its steps go the stated way?

Angles are in degrees, clockwise positive on screen (see :mod:`vbvr_core.families.rotation.draw`).
:func:`title_held` checks that the scene around the turning shapes holds still (a video that turns the whole
picture loses its title).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from vbvr_core.contract import SampleRef, Score, TaskSolution
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.motion import direction_share, progress_coverage, unwrap_degrees
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_sum
from vbvr_core.media.video import JUDGE_FPS, VideoClip, VideoReader

# The turning tasks read a video once at this size and rate: the trackers' templates and the angle steps between
# frames (well under half a symmetry period) assume it.
CLIP_SIZE = 256


def turn_series(angles: Sequence[float | None], start_angle: float = 0.0,
                period: float = 360.0) -> list[float | None]:
    """Per-frame angles (None where unseen) as the continuous turn from ``start_angle``, unwrapped over ``period``.

    Each step is taken as the shorter way round, so the video must be sampled densely enough that a true
    step stays well under half a period.
    """
    return unwrap_degrees([None if a is None else (a - start_angle) % period for a in angles], period)


@dataclass(frozen=True)
class TurnJudgement:
    """What a turn series shows, each part in [0, 1] (``reached`` is the last measured turn in degrees)."""

    reached: float
    start: float
    end: float
    process: float
    sense: float


def judge_turn(turn: Sequence[float | None], target: float, end_full: float, end_zero: float,
               resolution: float, checkpoints: int = 7, start_tolerance: float = 8.0) -> TurnJudgement | None:
    """Judge the turn series ``turn`` (see :func:`turn_series`) against the signed ``target`` turn.

    - ``start``: 1 when the first measured turn is within ``start_tolerance`` of 0, else 0;
    - ``end``: the last measured turn's error from ``target``, full credit up to ``end_full``, none from
      ``end_zero`` (:func:`~vbvr_core.judge.credit.ramp`);
    - ``process``: the share of ``checkpoints`` intermediate turns some frame comes within ``resolution``
      (or half a checkpoint spacing) of (:func:`~vbvr_core.judge.motion.progress_coverage`);
    - ``sense``: the share of clear steps (over ``resolution`` / 4) that go the target's way.

    Returns None when fewer than two frames were measured.
    """
    known = [value for value in turn if value is not None]
    if len(known) < 2:
        return None
    sign = 1 if target >= 0 else -1
    return TurnJudgement(
        reached=known[-1],
        start=1.0 if abs(known[0]) <= start_tolerance else 0.0,
        end=ramp(abs(known[-1] - target), end_full, end_zero),
        process=progress_coverage(turn, 0.0, target, checkpoints=checkpoints, resolution=resolution),
        sense=direction_share(turn, sign, dead_band=resolution / 4),
    )


def title_held(first: np.ndarray, last: np.ndarray, band: float) -> float:
    """Share of the dark (title) pixels in the top ``band`` canvas pixels of ``first`` still dark in ``last`` (two
    frames of one video, of any size): the scene around the shapes holds still, so a video that turns the whole
    picture loses its title."""
    rows = round(first.shape[0] * band / 512)
    grey_first, grey_last = (channel_sum(frame[:rows]) / 3 for frame in (first, last))
    dark = grey_first < 0.5 * np.median(grey_first)
    return float((grey_last[dark] < 0.5 * np.median(grey_last)).mean()) if dark.any() else 0.0


def turn_clip(video: VideoReader) -> VideoClip | Score:
    """The video at :data:`CLIP_SIZE` px and :data:`JUDGE_FPS` frames per second, or the zero :class:`Score` saying
    why it cannot be read (the opening of every turning task's scorer that tracks a shape)."""
    clip = video.clip(size=CLIP_SIZE, fps=JUDGE_FPS)
    return clip if clip.ok else Score.zero(clip.error or "video has no frames")


def turn_scorer(solution_type: type[TaskSolution]) -> Callable[[Callable[..., Score]], Callable[..., Score]]:
    """Decorator making a turning task's ``score(sample, video)`` from ``judge(sample, solution, clip)``: the
    sample's solution validated as ``solution_type``, then the video read by :func:`turn_clip`; a video that cannot
    be read scores its zero :class:`Score` without calling ``judge``. The scorer keeps ``judge``'s docstring."""
    def decorate(judge: Callable[..., Score]) -> Callable[..., Score]:
        def score(sample: SampleRef, video: VideoReader) -> Score:
            solution = solution_type.model_validate(sample.solution)
            clip = turn_clip(video)
            return clip if isinstance(clip, Score) else judge(sample, solution, clip)
        score.__doc__, score.__module__ = judge.__doc__, judge.__module__
        return score
    return decorate


def judge_stated_turn(turn: Sequence[float | None], target: float, end_full: float, end_zero: float,
                      resolution: float) -> TurnJudgement | None:
    """:func:`judge_turn` with its tolerances in shares of the stated angle, for a shape turned by any angle: the
    end fully credited within min(5°, ``end_full`` × |``target``|) and not at all beyond min(20°, ``end_zero`` ×
    |``target``|), the start within min(8°, 0.3 × |``target``|), one checkpoint per 6° (3 to 7), at the
    tracker's ``resolution``; a small turn is then judged as strictly, relative to its size, as a large one."""
    size = abs(target)
    return judge_turn(turn, target, min(5.0, end_full * size), min(20.0, end_zero * size), resolution=resolution,
                      checkpoints=int(np.clip(size // 6, 3, 7)), start_tolerance=min(8.0, 0.3 * size))


def hold_title(verdict: Verdict, frames: np.ndarray, band: float) -> None:
    """Part ``scene_held`` of ``verdict``: the title in the top ``band`` canvas pixels stays where it is from the
    first to the last of ``frames`` (:func:`title_held`), full credit while under 30 % of it moved, none from 60 %."""
    held = title_held(frames[0], frames[-1], band)
    verdict.part("scene_held", ramp(1.0 - held, 0.3, 0.6), unless=f"the title moved: {held:.0%} of it is where it was")


def turn_parts(verdict: Verdict, judged: TurnJudgement, target: float, not_start: str, turned: str,
               shown: str) -> None:
    """Parts ``start``, ``end`` and ``process`` (0.05 + 0.95 × process: a cut to the end keeps 0.05) of
    ``verdict`` from ``judged``, with their reasons: ``not_start``; ``turned`` formatted with the turn ``reached``
    and the ``target`` (``"the camera turned {reached:+.0f}°, expected {target:+.0f}°"``); ``shown`` formatted with
    the ``process`` share."""
    verdict.part("start", judged.start, unless=not_start)
    verdict.part("end", judged.end, unless=turned.format(reached=judged.reached, target=target))
    verdict.part("process", 0.05 + 0.95 * judged.process, unless=shown.format(process=judged.process))
