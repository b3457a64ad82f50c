"""O-46 scorer: follow each card by its colour and judge its slide into the outline of its own shape.

value = start · placed · complete · whole · one_at_a_time · order · (0.05 + 0.95 · continuity):

- ``start``: the video opens on the first frame;
- ``placed``: mean over cards of arrive · intact — the card's centre ends within 8 px of its own outline's centre
  (none from 24 px, 512-canvas pixels), at 0.5–1.6 × its size in the final frame;
- ``complete``: 0.5 unless every card is placed (a card in another card's outline, or left behind, halves it);
- ``whole``: every card is whole in ≥ 90 % of frames (no card passes over, merges with or hides another);
- ``one_at_a_time``: two cards' moves (10 % to 90 % of the way) overlap by at most a third of the shorter one in
  full, down to 0.5 from 80 % (the prompt asks for one card at a time);
- ``order``: 1 when the cards start moving in the order the prompt names, else 0.7;
- ``continuity``: no step of a slide exceeds 55 % of its way (a cut straight to the end scores ≤ 0.05).
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o46_shape_sorter.generator import Solution

SIZE = 256
TAIL = 3
TOLERANCE = 38.0  # RGB reach of a card's colour: under half the distance of the closest pair (red–orange, 62)
ARRIVE_FULL, ARRIVE_ZERO = 8.0, 24.0
STEP_FULL, STEP_ZERO = 0.55, 0.95
OVERLAP_FULL, OVERLAP_ZERO = 0.34, 0.8


def moving_interval(progress: list[float | None]) -> tuple[int, int] | None:
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


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-46 against the sample's cards and outlines."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE)
    if not clip.ok or len(clip.frames) < 2:
        return Score.zero(clip.error or "the video has too few frames")
    start = starts_like(clip, sample.first_frame)
    if not start:
        return Score.zero("the video does not open on the first frame", start=0.0)
    frames, scale = clip.frames, SIZE / FRAME_SIZE
    first_small, final_small = resize_frame(sample.first_frame, SIZE), resize_frame(sample.final_frame, SIZE)
    verdict = Verdict()
    verdict.part("start", start)
    values, wholes, continuities, intervals, reasons = [], [], [], [], []
    for kind, name, color, begin, end in zip(solution.kinds, solution.names, solution.colors, solution.starts,
                                             solution.targets, strict=True):
        label = f"{name} {kind}"
        expected = int(color_mask(final_small, color, TOLERANCE).sum())
        track, counts = blob_track(frames, observed_color(frames[0], first_small, color), TOLERANCE,
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
            reasons.append(f"the {label} card is not seen at the end")
            continue
        final = np.median(np.asarray(tail), axis=0)
        miss = float(np.hypot(*(final - b))) / scale
        arrive = ramp(miss, ARRIVE_FULL, ARRIVE_ZERO)
        intact = 1.0 if 0.5 <= float(np.median(ratios[-TAIL:])) <= 1.6 else 0.0
        known = [v for v in progress if v is not None]
        steps = float(np.abs(np.diff(known)).max()) if len(known) > 1 else 1.0
        continuities.append(ramp(steps, STEP_FULL, STEP_ZERO) * ramp(-(max(known) - min(known)), -0.8, -0.4))
        intervals.append(moving_interval(progress))
        values.append(arrive * intact)
        if arrive < 1:
            reasons.append(f"the {label} card ends {miss:.0f} px from its outline")
        if not intact:
            reasons.append(f"the {label} card changed size or merged")
    verdict.part("placed", float(np.mean(values)), unless="; ".join(reasons) or None)
    verdict.part("complete", 1.0 if min(values) >= 0.5 else 0.5, unless="not every outline is filled by its card")
    verdict.part("whole", min(wholes), unless="a card is hidden, merged or broken in part of the video")
    known_intervals = [(k, iv) for k, iv in enumerate(intervals) if iv is not None]
    worst = max((overlap_share(a, b) for (_, a), (_, b) in combinations(known_intervals, 2)), default=0.0)
    verdict.part("one_at_a_time", 0.5 + 0.5 * ramp(worst, OVERLAP_FULL, OVERLAP_ZERO),
                 unless=f"cards move at the same time ({worst:.0%} overlap)")
    moved = [k for k, _ in sorted(known_intervals, key=lambda item: item[1][0])]
    asked = [k for k in solution.order if k in moved]
    verdict.part("order", 1.0 if moved == asked else 0.7, unless="the cards do not move in the order asked")
    continuity = float(np.mean(continuities))
    verdict.note("continuity", continuity)
    verdict.part("process", 0.05 + 0.95 * continuity, unless=f"cards jump instead of sliding (continuity {continuity:.2f})")
    return verdict.score(ok="every card slid, one at a time and in order, into the outline of its shape")
