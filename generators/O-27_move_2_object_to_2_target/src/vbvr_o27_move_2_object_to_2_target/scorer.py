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
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.arrangement.judge import process_part, progress_along, travel_continuity
from vbvr_core.families.stacking.judge import Opened, clip_scorer, follow, moving_interval, overlap_share
from vbvr_core.judge.credit import ramp
from vbvr_core.media.frames import resize_frame

from vbvr_o27_move_2_object_to_2_target.generator import Solution

SIZE = 256
ARRIVE_FULL, ARRIVE_ZERO = 6.0, 20.0
LINE_FULL, LINE_ZERO = 10.0, 30.0


@clip_scorer(SIZE)
def score(sample: SampleRef, opened: Opened) -> Score:
    """Score a model's video of O-27 against the sample's balls and rings."""
    solution = Solution.model_validate(sample.solution)
    scale, verdict, final_small = opened.scale, opened.verdict, resize_frame(sample.final_frame, SIZE)
    values, wholes, continuities, intervals, reasons = [], [], [], [], []
    for name, color, begin, end in zip(solution.names, solution.colors, solution.starts, solution.targets, strict=True):
        ball = follow(opened.frames, opened.first, final_small, color)
        track = ball.track
        a, b = np.multiply(begin, scale), np.multiply(end, scale)
        span = b - a
        length = float(np.hypot(*span))
        progress = progress_along(track, a, b)
        seen = [np.asarray(p) for p in track if p is not None]
        if not seen or track[-1] is None:
            values.append(0.0)
            wholes.append(0.0)
            continuities.append(0.0)
            intervals.append(None)
            reasons.append(f"the {name} ball is not seen at the end")
            continue
        final = ball.end
        arrive = ramp(float(np.hypot(*(final - b))) / scale, ARRIVE_FULL, ARRIVE_ZERO)
        across = max(abs(float((p - a)[0] * span[1] - (p - a)[1] * span[0])) / length for p in seen) / scale
        straight = ramp(across, LINE_FULL, LINE_ZERO)
        intact = ball.intact
        wholes.append(ball.whole)
        continuities.append(travel_continuity(progress))
        intervals.append(moving_interval(progress))
        values.append(arrive * straight * intact)
        reasons += [text for text, bad in ((f"the {name} ball ends {np.hypot(*(final - b)) / scale:.0f} px from its ring",
                                            arrive < 1), (f"the {name} ball leaves its straight line", straight < 1),
                                           (f"the {name} ball changed size", not intact)) if bad]
    verdict.part("placed", float(np.mean(values)), unless="; ".join(reasons) or None)
    verdict.part("whole", min(wholes), unless="a ball is hidden, merged or broken in part of the video")
    if all(intervals):
        together = ramp(-overlap_share(*intervals), -0.5, -0.1)
    else:
        together = 0.0
    verdict.part("together", together, unless="the balls do not move at the same time")
    process_part(verdict, float(np.mean(continuities)), "balls jump instead of sliding")
    return verdict.score(ok="both balls slid together, straight, into their own rings")
