"""{{ cookiecutter.task_id }} scorer: track the blue dot and judge its slide into the ring.

value = starts · arrives · progress · on_line, where
- starts: the dot is first seen on its start position;
- arrives: it is in the ring's centre in the last frames;
- progress: share of the checkpoints between start and target that the dot passes
  (:func:`vbvr_core.judge.motion.progress_coverage`): holding still or cutting straight to the end gives 0;
- on_line: share of the frames in which the dot is on the straight segment.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.judge.motion import blob_centroids, progress_coverage
from vbvr_core.media.video import VideoReader

from {{ cookiecutter.__import_name }}.generator import Solution

SIZE = 256
TAIL_FRAMES = 3
MIN_PIXELS = 40


def judge_slide(
    track: Sequence[tuple[float, float] | None], start: Sequence[float], target: Sequence[float], tolerance: float
) -> Score:
    """Score a per-frame track of the dot's centre (None where unseen) that should slide from ``start`` to ``target``."""
    seen = [np.asarray(point) for point in track if point is not None]
    if not seen:
        return Score.zero("the blue dot is never visible", visible=0.0)
    start, target = np.asarray(start, dtype=float), np.asarray(target, dtype=float)
    length = float(np.linalg.norm(target - start))
    direction = (target - start) / max(1e-9, length)
    starts = 1.0 if np.linalg.norm(seen[0] - start) <= tolerance else 0.0
    tail = seen[-TAIL_FRAMES:]
    arrives = 1.0 if all(np.linalg.norm(point - target) <= tolerance for point in tail) else 0.0
    progress = progress_coverage([float((point - start) @ direction) for point in seen], 0.0, length)
    across = [abs(float((point - start)[0] * direction[1] - (point - start)[1] * direction[0])) for point in seen]
    on_line = sum(1 for distance in across if distance <= tolerance) / len(seen)
    reasons = []
    if not starts:
        reasons.append("the dot does not start on its start position")
    if not arrives:
        reasons.append("the dot does not end in the ring's centre")
    if progress < 1:
        reasons.append(f"the dot skips {1 - progress:.0%} of the way (jumps or holds still)")
    if on_line < 1:
        reasons.append(f"the dot leaves the straight line in {1 - on_line:.0%} of the frames")
    return Score(
        value=starts * arrives * progress * on_line,
        parts={
            "start": starts,
            "arrive": arrives,
            "progress": progress,
            "on_line": on_line,
            "visible": len(seen) / len(track),
        },
        reason="; ".join(reasons) or "a straight slide into the ring",
    )


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video against the sample's dot, target and colours."""
    solution = Solution.model_validate(sample.solution)
    scale = SIZE / FRAME_SIZE
    clip = video.clip(size=SIZE)
    track = blob_centroids(clip.frames, solution.dot_color, min_pixels=MIN_PIXELS)
    start = [value * scale for value in solution.start]
    target = [value * scale for value in solution.target]
    tolerance = 0.5 * solution.ring_radius * scale
    return judge_slide(track, start, target, tolerance)
