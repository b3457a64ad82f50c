"""O-27 scorer: follow each ball by its colour and judge its slide into the ring of its colour.

value = start · mean over balls of (arrive · straight · intact) · whole · together · (0.05 + 0.95 · continuity):

- ``start``: the video opens on the first frame; ``arrive``: the ball's centre ends within 6 px of its own ring's
  centre (none from 20 px, 512-canvas pixels); ``intact``: its size at the end is 0.5–1.6 × the final frame's;
- ``straight``: it never strays from the straight segment by more than 10 px (none from 30 px);
- ``whole``: each ball is whole in ≥ 90 % of frames (a ball passing over the other, hidden or merged, is not);
- ``together``: the two balls' moves (10 % to 90 % of the way) overlap in time by at least half the shorter one
  (none from a tenth); ``continuity``: no step of a slide exceeds 55 % of the way (a cut scores ≤ 0.05).
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.judge.compare import opening_clip
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o27_move_2_object_to_2_target.generator import Solution

SIZE = 256
TAIL = 3
TOLERANCE = 38.0
ARRIVE_FULL, ARRIVE_ZERO = 6.0, 20.0
LINE_FULL, LINE_ZERO = 10.0, 30.0
STEP_FULL, STEP_ZERO = 0.55, 0.95


def moving_interval(progress: list[float | None]) -> tuple[int, int] | None:
    """First frame past 10 % of the way and first frame past 90 %, or None."""
    early = next((k for k, v in enumerate(progress) if v is not None and v >= 0.1), None)
    late = next((k for k, v in enumerate(progress) if v is not None and v >= 0.9), None)
    return None if early is None or late is None else (early, max(early, late))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-27 against the sample's balls and rings."""
    solution = Solution.model_validate(sample.solution)
    clip = opening_clip(video, sample.first_frame, SIZE)
    if isinstance(clip, Score):
        return clip
    frames, scale = clip.frames, SIZE / FRAME_SIZE
    first_small, final_small = resize_frame(sample.first_frame, SIZE), resize_frame(sample.final_frame, SIZE)
    verdict = Verdict()
    verdict.part("start", 1.0)
    values, wholes, continuities, intervals, reasons = [], [], [], [], []
    for name, color, begin, end in zip(solution.names, solution.colors, solution.starts, solution.targets, strict=True):
        expected = int(color_mask(final_small, color, TOLERANCE).sum())
        track, counts = blob_track(frames, observed_color(frames[0], first_small, color), TOLERANCE, max(6, expected // 4))
        a, b = np.multiply(begin, scale), np.multiply(end, scale)
        span = b - a
        length = float(np.hypot(*span))
        progress = [None if p is None else float((np.asarray(p) - a) @ span) / length ** 2 for p in track]
        seen = [np.asarray(p) for p in track if p is not None]
        if not seen or track[-1] is None:
            values.append(0.0)
            wholes.append(0.0)
            continuities.append(0.0)
            intervals.append(None)
            reasons.append(f"the {name} ball is not seen at the end")
            continue
        final = np.median(np.asarray([p for p in track[-TAIL:] if p is not None]), axis=0)
        arrive = ramp(float(np.hypot(*(final - b))) / scale, ARRIVE_FULL, ARRIVE_ZERO)
        across = max(abs(float((p - a)[0] * span[1] - (p - a)[1] * span[0])) / length for p in seen) / scale
        straight = ramp(across, LINE_FULL, LINE_ZERO)
        ratios = counts / max(1, expected)
        intact = 1.0 if 0.5 <= float(np.median(ratios[-TAIL:])) <= 1.6 else 0.0
        wholes.append(ramp(1.0 - float(np.mean((ratios >= 0.45) & (ratios <= 1.7))), 0.1, 0.35))
        known = [v for v in progress if v is not None]
        steps = float(np.abs(np.diff(known)).max()) if len(known) > 1 else 1.0
        continuities.append(ramp(steps, STEP_FULL, STEP_ZERO) * ramp(-(max(known) - min(known)), -0.8, -0.4))
        intervals.append(moving_interval(progress))
        values.append(arrive * straight * intact)
        reasons += [text for text, bad in ((f"the {name} ball ends {np.hypot(*(final - b)) / scale:.0f} px from its ring",
                                            arrive < 1), (f"the {name} ball leaves its straight line", straight < 1),
                                           (f"the {name} ball changed size", not intact)) if bad]
    verdict.part("placed", float(np.mean(values)), unless="; ".join(reasons) or None)
    verdict.part("whole", min(wholes), unless="a ball is hidden, merged or broken in part of the video")
    if all(intervals):
        (s0, e0), (s1, e1) = intervals
        overlap = max(0, min(e0, e1) - max(s0, s1) + 1) / max(1, min(e0 - s0, e1 - s1) + 1)
        together = ramp(-overlap, -0.5, -0.1)
    else:
        together = 0.0
    verdict.part("together", together, unless="the balls do not move at the same time")
    continuity = float(np.mean(continuities))
    verdict.note("continuity", continuity)
    verdict.part("process", 0.05 + 0.95 * continuity, unless=f"balls jump instead of sliding (continuity {continuity:.2f})")
    return verdict.score(ok="both balls slid together, straight, into their own rings")
