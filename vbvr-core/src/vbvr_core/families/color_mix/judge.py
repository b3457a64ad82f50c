"""Judging a colour mixture shown as a process: which colour results, where, and did the colours move together?

The video is read at :data:`JUDGE_SIZE` px and :data:`JUDGE_FPS`, then mapped into the sample's own palette by the
per-channel gain and offset that best map its opening frame onto the sample's first frame
(:func:`vbvr_core.judge.compare.colour_fit`), so a brighter, darker or tinted rendering reads as our colours. Then:

- ``start``: the video opens on the first frame;
- ``colour``: the median colour of the meeting region (a disc) over the last :data:`TAIL_SECONDS` — full credit
  within :data:`COLOUR_FULL` (CIE76 Lab distance) of the expected mixture, none from
  :data:`COLOUR_ZERO`, and none when a declared wrong mixture (or a source's own colour) is nearer;
- ``filled``: the share of the region showing that colour at the end;
- ``kept``: regions that must stay as they were (the pigment wells) still show their colour at the end;
- ``gone``: the sources no longer show their colour elsewhere (two balls merged into one);
- ``travel``: each source's centre, read from the edge of its colour that no other paint hides, passes a quarter,
  half and three quarters of its way to the meeting place (:func:`vbvr_core.judge.motion.progress_coverage`);
- ``spread``: the share of the region showing the final colour grows through a quarter, half and three quarters
  (a cut or a cross-fade jumps from none to all).

The score is the product of the parts. A generator calling this declares its wrong mixtures and rejects
instances where one lies within :data:`MIN_GAP` of the expected one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.color_mix.mixing import colour_distance, lab_distance, nearest_gap, to_lab
from vbvr_core.judge.compare import colour_fit, match_colours, starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader

JUDGE_SIZE = 256
TAIL_SECONDS = 0.25
# Colour credit (Lab distance): full up to COLOUR_FULL, none from COLOUR_ZERO.
COLOUR_FULL, COLOUR_ZERO = 15.0, 30.0
# A generator rejects an instance whose expected mixture lies within MIN_GAP of a wrong mixture or source colour:
# a rendering off by up to COLOUR_FULL then stays nearer the expected mixture than any wrong one.
MIN_GAP = 2 * COLOUR_FULL + 10.0
# A pixel shows a colour within this distance of it.
PIXEL_TOLERANCE = 18.0
# Share of a region's pixels showing its colour: full credit from SHARE_FULL, none below SHARE_ZERO.
SHARE_FULL, SHARE_ZERO = 0.85, 0.5
# Regions are read inside this share of their radius (outlines and anti-aliased rims excluded).
INNER = 0.8
# Progress checkpoints (a quarter, half, three quarters) and how close a value must come to one.
CHECKPOINTS = 3
TRAVEL_RESOLUTION, SPREAD_RESOLUTION = 0.15, 0.17
# A source's leftover colour (outside the meeting region) at the end: none allowed from this share of its area.
GONE_FULL, GONE_ZERO = 0.05, 0.2


def mixture_problem(mixture: tuple[int, int, int], wrong: dict[str, tuple[int, int, int]], min_contrast: float,
                    ground: str) -> str | None:
    """Why an expected ``mixture`` cannot be judged, or None: it lies within ``min_contrast`` (Lab) of white (the
    ``ground`` it is shown on, named in the reason), or within :data:`MIN_GAP` of one of the ``wrong`` mixtures."""
    if colour_distance(mixture, (255, 255, 255)) < min_contrast:
        return f"illegible: the mixture {mixture} is too close to the {ground}"
    name, gap = nearest_gap(mixture, wrong)
    if gap < MIN_GAP:
        return f"ambiguous: the mixture {mixture} is too close to the {name} mixture ({gap:.0f})"
    return None


@dataclass(frozen=True)
class Source:
    """A colour that travels from ``start`` to ``end`` as a disc of ``radius`` (512² canvas pixels).

    ``visible_side`` is the edge of its colour no other paint hides on the way: ``"back"`` (the trailing edge: a
    ball running into another) or ``"front"`` (the leading edge: a drop leaving a well of its own colour, whose
    disc ``hidden_in`` — centre and radius — is then excluded).
    """

    color: tuple[int, int, int]
    start: Point
    end: Point
    radius: float
    visible_side: str = "back"
    hidden_in: tuple[Point, float] | None = None


@dataclass(frozen=True)
class Region:
    """A disc of the canvas (512² pixels) and the colour it should show."""

    center: Point
    radius: float
    color: tuple[int, int, int]


def _disc_mask(size: int, center: Point, radius: float) -> np.ndarray:
    scale = size / FRAME_SIZE
    ys, xs = np.mgrid[0:size, 0:size]
    return (xs + 0.5 - center[0] * scale) ** 2 + (ys + 0.5 - center[1] * scale) ** 2 <= (radius * scale) ** 2


def in_palette(video: VideoReader, first_frame: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The clip at the judge's size and rate, mapped into the first frame's palette, and whether it opens on it;
    None for an unusable video."""
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok or len(clip.frames) < 2:
        return None
    reference = resize_frame(first_frame, JUDGE_SIZE)
    gain, offset = colour_fit(clip.frames[0], reference)
    return match_colours(clip.frames, gain, offset), starts_like(clip, first_frame)


def region_colour(frames: np.ndarray, region: Region) -> np.ndarray:
    """The median colour of ``region``'s inner disc over ``frames`` (T×H×W×3)."""
    mask = _disc_mask(frames.shape[1], region.center, region.radius * INNER)
    return np.median(frames[:, mask].reshape(-1, 3), axis=0)


def colour_shares(lab: np.ndarray, region: Region, color: Sequence[float]) -> np.ndarray:
    """Per frame of ``lab`` (the frames in Lab, T×H×W×3), the share of ``region``'s inner disc within
    :data:`PIXEL_TOLERANCE` of ``color``."""
    mask = _disc_mask(lab.shape[1], region.center, region.radius * INNER)
    return (lab_distance(lab[:, mask], color) <= PIXEL_TOLERANCE).mean(axis=1)


def colour_credit(observed: Sequence[float], expected: Sequence[int], wrong: dict[str, Sequence[int]]) -> tuple[float, str]:
    """Credit for an observed mixture, and the name of the nearest colour (``"expected"`` or a wrong one)."""
    distances = {"expected": float(colour_distance(observed, expected))}
    distances.update({name: float(colour_distance(observed, rgb)) for name, rgb in wrong.items()})
    nearest = min(distances, key=distances.get)
    credit = ramp(distances["expected"], COLOUR_FULL, COLOUR_ZERO) if nearest == "expected" else 0.0
    return credit, nearest


def travel_track(lab: np.ndarray, source: Source) -> list[float | None]:
    """Per frame of ``lab`` (the frames in Lab), the share (0 start, 1 end) of its way the source's centre has come,
    read from its visible edge; None where its colour is not seen."""
    frames = lab
    scale = frames.shape[1] / FRAME_SIZE
    start, end = np.asarray(source.start) * scale, np.asarray(source.end) * scale
    length = float(np.linalg.norm(end - start))
    if length < 1e-6:
        return [None] * len(frames)
    direction = (end - start) / length
    ys, xs = np.mgrid[0:frames.shape[1], 0:frames.shape[2]]
    along = (xs + 0.5 - start[0]) * direction[0] + (ys + 0.5 - start[1]) * direction[1]
    across = np.abs((xs + 0.5 - start[0]) * direction[1] - (ys + 0.5 - start[1]) * direction[0])
    corridor = (across <= source.radius * scale * 1.2) & (along >= -source.radius * scale * 1.5) & (
        along <= length + source.radius * scale * 1.5)
    if source.hidden_in is not None:
        corridor &= ~_disc_mask(frames.shape[1], source.hidden_in[0], source.hidden_in[1] + 3)
    values = along[corridor]
    shows = lab_distance(frames[:, corridor], source.color) <= PIXEL_TOLERANCE
    least = max(6, int(0.02 * np.pi * (source.radius * scale) ** 2))
    radius = source.radius * scale
    track: list[float | None] = []
    for seen in shows:
        if seen.sum() < least:
            track.append(None)
            continue
        if source.visible_side == "front":
            centre = float(np.percentile(values[seen], 97)) - radius
        else:
            centre = float(np.percentile(values[seen], 3)) + radius
        track.append(centre / length)
    return track


def judge_mix(video: VideoReader, first_frame: np.ndarray, meeting: Region, expected: tuple[int, int, int],
              wrong: dict[str, tuple[int, int, int]], sources: Sequence[Source], kept: Sequence[Region] = (),
              merged: bool = False) -> Score:
    """Score a model's video: the ``expected`` mixture fills ``meeting`` at the end (nearer it than any ``wrong``
    mixture), the ``sources`` travelled there, the mixture spread gradually, the ``kept`` regions are unchanged and,
    when ``merged``, no source colour is left outside the meeting region."""
    read = in_palette(video, first_frame)
    if read is None:
        return Score.zero(f"unusable video: {video.error or 'too short'}", start=0.0)
    frames, opens = read
    lab = to_lab(frames)
    tail_length = max(2, int(round(TAIL_SECONDS * JUDGE_FPS)))
    tail, tail_lab = frames[-tail_length:], lab[-tail_length:]
    verdict = Verdict()
    verdict.part("start", opens, unless="the video does not open on the first frame")
    observed = region_colour(tail, meeting)
    others = {**wrong, **{f"source_{k}": s.color for k, s in enumerate(sources)}}
    credit, nearest = colour_credit(observed, expected, others)
    shown = tuple(int(v) for v in np.rint(observed))
    verdict.note("colour_error", round(float(colour_distance(observed, expected)), 2))
    verdict.part("colour", credit, unless=f"the mixture shows {shown}, not {tuple(expected)}"
                 + ("" if nearest == "expected" else f" (nearest: {nearest})"))
    filled = float(colour_shares(tail_lab, meeting, observed).mean())
    verdict.part("filled", ramp(1.0 - filled, 1.0 - SHARE_FULL, 1.0 - SHARE_ZERO),
                 unless=f"the mixture covers {filled:.0%} of its place")
    for k, region in enumerate(kept):
        share = float(colour_shares(tail_lab, region, region.color).mean())
        verdict.part(f"kept_{k}", ramp(1.0 - share, 1.0 - SHARE_FULL, 1.0 - SHARE_ZERO),
                     unless=f"region {k} keeps its colour on only {share:.0%}")
    if merged:
        outside = ~_disc_mask(frames.shape[2], meeting.center, meeting.radius * 1.1)
        area = float(np.pi * (sources[0].radius * JUDGE_SIZE / FRAME_SIZE) ** 2) if sources else 1.0
        left = max(float((lab_distance(tail_lab[:, outside], s.color) <= PIXEL_TOLERANCE).sum(axis=1).mean()) / area
                   for s in sources) if sources else 0.0
        verdict.part("gone", ramp(left, GONE_FULL, GONE_ZERO), unless=f"a source colour is left over ({left:.0%})")
    travels = [progress_coverage(travel_track(lab, s), 0.0, 1.0, CHECKPOINTS, TRAVEL_RESOLUTION) for s in sources]
    verdict.part("travel", min(travels) if travels else 1.0, unless="the colours do not move together step by step")
    spread = progress_coverage(list(colour_shares(lab, meeting, observed)), 0.0, 1.0, CHECKPOINTS,
                               SPREAD_RESOLUTION)
    verdict.part("spread", spread, unless="the mixture appears at once instead of spreading")
    return verdict.score(ok="the right mixture, reached by moving the colours together")
