"""O-21 scorer: the fitting piece carried into the gap (the stacking family's judge), the other pieces left alone.

value = judge_carried(the fitting piece → the gap's centre) · stay, where ``judge_carried`` = start · placed ·
complete · whole · one_at_a_time · order · (0.05 + 0.95 · continuity) on the one piece (its colour's centre within
8 px of the gap's, none from 24 px; sliding, not jumping: a cut keeps ≤ 0.05), and ``stay`` is the worst of the
other three pieces: its colour's centre ends within 8 px of where it started (none from 24 px) — moving a wrong
piece into the gap, or as well, scores 0.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.stacking.judge import follow, judge_carried
from vbvr_core.judge.credit import ramp
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o21_construction_blueprint.generator import Solution

SIZE = 256
STAY_FULL, STAY_ZERO = 8.0, 24.0


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-21 against the sample's gap and candidates."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE)
    k = solution.answer
    result = judge_carried(clip, sample.first_frame, sample.final_frame, [solution.colors[k]], [solution.starts[k]],
                           [solution.target], [0], [f"{solution.names[k]} piece"])
    if result.value == 0 or not clip.ok:
        return result
    scale = SIZE / FRAME_SIZE
    first_small, final_small = resize_frame(sample.first_frame, SIZE), resize_frame(sample.final_frame, SIZE)
    stays, reasons = [], []
    for j, (name, color, start) in enumerate(zip(solution.names, solution.colors, solution.starts, strict=True)):
        if j == k:
            continue
        end = follow(clip.frames, first_small, final_small, color).end
        moved = float(np.hypot(*(end - np.multiply(start, scale)))) / scale if end is not None else 1e9
        stays.append(ramp(moved, STAY_FULL, STAY_ZERO))
        if stays[-1] < 1:
            reasons.append(f"the {name} piece left its place" if end is not None else f"the {name} piece is gone")
    stay = min(stays)
    parts = {**result.parts, "stay": stay}
    reason = result.reason if stay >= 1 else "; ".join(reasons + ([result.reason] if result.value < 1 else []))
    return Score(value=result.value * stay, parts=parts, reason=reason)
