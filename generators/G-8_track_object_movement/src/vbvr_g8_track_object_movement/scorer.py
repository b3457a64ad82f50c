"""G-8 scorer: follow the green border, check it carries the tracked object below the target, and
that nothing else moved.

The video's colours are first mapped onto ours (the gain and offset that turn its opening frame into the
sample's first frame). The border is found by its green hue below the target area; its centre gives the tracked object's
position in each frame. Parts:

- ``end``: in the last frame the border is centred below the target on the object's row, with the
  tracked object's colour inside it;
- ``others``: every other object (look-alikes included) is still where it was, by colour-mask IoU
  against the reference first frame; the tracked object's start place is empty;
- ``process``: the border passes a quarter, half and three quarters of the way to the target column, staying on
  its row.

value = end · others · (0.05 + 0.95 · process): a cut straight to the final frame keeps 0.05; marking or
moving a look-alike instead scores 0.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.ink import ink_overlap
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import channel_centroids, progress_coverage
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_g8_track_object_movement.generator import Solution

STILL_IOU = 0.6


def _box(center, half: float, scale: float) -> tuple[slice, slice]:
    x, y = center[0] * scale, center[1] * scale
    h = half * scale
    return slice(max(0, int(y - h)), int(y + h) + 1), slice(max(0, int(x - h)), int(x + h) + 1)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-8 against the sample's target, tracked object and look-alikes."""
    solution = Solution.model_validate(sample.solution)
    frames = video.clip().frames
    size = frames.shape[2]
    scale = size / 512
    reference = resize_frame(sample.first_frame, size)
    # The video's colours, mapped onto ours by the fit of its opening frame to the sample's first frame.
    frames = match_colours(frames, *colour_fit(frames[0], reference))
    field = (0, int(solution.field_top * scale), size, frames.shape[1])
    half = solution.border_half
    border_area = 8 * half * scale * max(1.0, 4 * scale)  # side length × line width, in clip pixels
    # The green border: one square outline, whose pixels spread about 0.7 of its half side around its centre (0.77–0.81
    # measured on ground truths, blurred too); two borders of a cross-fade a few half sides apart spread ≥ 1.0.
    centres = channel_centroids(frames, 1, field, min_pixels=int(0.3 * border_area), max_spread=0.95 * half * scale)
    tracked = solution.objects[0]
    start, end = tracked.center, solution.end
    tolerance = 0.35 * solution.radius + 2
    xs = [None if c is None else c[0] / scale for c in centres]
    row_ok = [abs(c[1] / scale - start[1]) <= tolerance for c in centres if c is not None]
    last = centres[-1]
    radius = solution.radius
    final = frames[-1]
    tracked_ink = color_mask(final, tracked.color, 60.0)
    inside = tracked_ink[_box(end, 0.8 * radius, scale)].mean()
    end_ok = (last is not None and abs(last[0] / scale - end[0]) <= tolerance and abs(last[1] / scale - end[1]) <= tolerance
              and inside >= 0.25)
    boxes = [_box(obj.center, 1.2 * radius, scale) for obj in solution.objects[1:]]
    still = [ink_overlap(color_mask(reference[box], obj.color, 60.0), color_mask(final[box], obj.color, 60.0), 0)
             >= STILL_IOU for obj, box in zip(solution.objects[1:], boxes, strict=True)]
    left = tracked_ink[_box(start, 0.8 * radius, scale)].mean() < 0.1
    # Three checkpoints (a quarter, half and three quarters of the way, each within an eighth): a slide of under a
    # second read at 8 fps shows six positions, too few for a finer grid, while a cut or a cross-fade shows none.
    process = progress_coverage(xs, start[0], end[0], checkpoints=3) * (float(np.mean(row_ok)) if row_ok else 0.0)
    verdict = Verdict()
    verdict.part("end", float(end_ok),
                 unless="no green border in the last frame" if last is None
                 else f"the border ends at ({last[0] / scale:.0f}, {last[1] / scale:.0f}) around "
                      f"{'the tracked object' if inside >= 0.25 else 'no tracked object'}; expected it at "
                      f"({end[0]:.0f}, {end[1]:.0f}) around the tracked object")
    moved = [f"{o.color_name} {o.kind}" for o, ok in zip(solution.objects[1:], still, strict=True) if not ok]
    verdict.part("others", float(all(still) and left))
    if moved:
        verdict.fail(f"objects that should stay moved or vanished: {', '.join(moved)}")
    if not left:
        verdict.fail("the tracked object's start place is still occupied")
    verdict.note("process", process)
    verdict.part("slide", 0.05 + 0.95 * process, unless=f"the slide is shown through {process:.0%} of its path")
    verdict.note("visible", sum(c is not None for c in centres) / len(centres))
    return verdict.score(ok="the tracked object slid below the target with its border")
