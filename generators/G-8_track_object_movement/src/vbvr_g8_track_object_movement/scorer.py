"""G-8 scorer: follow the green border, check it carries the tracked object below the target, and
that nothing else moved.

The border is found by its green hue below the target area; its centre gives the tracked object's
position in each frame. Parts:

- ``end``: in the last frame the border is centred below the target on the object's row, with the
  tracked object's colour inside it;
- ``others``: every other object (look-alikes included) is still where it was, by colour-mask IoU
  against the reference first frame; the tracked object's start place is empty;
- ``process``: the border passes the positions between the start and the target column, staying on
  its row.

value = end · others · (0.05 + 0.95 · process): a cut straight to the final frame keeps 0.05; marking or
moving a look-alike instead scores 0.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

STILL_IOU = 0.6


def border_centroids(frames: np.ndarray, box: tuple[int, int, int, int], min_pixels: int) -> list[tuple[float, float] | None]:
    """Per frame, the centre of the green pixels in ``box`` (left, top, right, bottom), or None.

    "Green" is G − max(R, B) ≥ 30, not a distance to one RGB value: a thin border line blended with the
    background at a low resolution keeps its hue but not its exact colour.
    """
    x0, y0, x1, y1 = box
    region = frames[:, y0:y1, x0:x1].astype(np.int16)
    green = (region[..., 1] - np.maximum(region[..., 0], region[..., 2])) >= 30
    out: list[tuple[float, float] | None] = []
    for mask in green:
        ys, xs = np.nonzero(mask)
        out.append(None if len(xs) < min_pixels else (float(xs.mean()) + x0, float(ys.mean()) + y0))
    return out


def _box(center, half: float, scale: float, size: int) -> tuple[slice, slice]:
    x, y = center[0] * scale, center[1] * scale
    h = half * scale
    return slice(max(0, int(y - h)), min(size, int(y + h) + 1)), slice(max(0, int(x - h)), min(size, int(x + h) + 1))


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    union = (a | b).sum()
    return float((a & b).sum() / union) if union else 0.0


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-8 against the sample's target, tracked object and look-alikes."""
    solution = sample.solution
    frames = video.clip().frames
    size = frames.shape[2]
    scale = size / 512
    field = (0, int(solution["field_top"] * scale), size, frames.shape[1])
    half = solution["border_half"]
    border_area = 8 * half * scale * max(1.0, 4 * scale)  # side length × line width, in clip pixels
    centres = border_centroids(frames, field, min_pixels=int(0.3 * border_area))
    tracked = solution["objects"][0]
    start, end = tuple(tracked["center"]), tuple(solution["end"])
    tolerance = 0.35 * solution["radius"] + 2
    xs = [None if c is None else c[0] / scale for c in centres]
    row_ok = [abs(c[1] / scale - start[1]) <= tolerance for c in centres if c is not None]
    last = centres[-1]
    radius = solution["radius"]
    final = frames[-1]
    inside = color_mask(final[_box(end, 0.8 * radius, scale, size)], tracked["color"], 60.0).mean()
    end_ok = (last is not None and abs(last[0] / scale - end[0]) <= tolerance and abs(last[1] / scale - end[1]) <= tolerance
              and inside >= 0.25)
    reference = resize_frame(sample.first_frame, size)
    still = []
    for obj in solution["objects"][1:]:
        box = _box(obj["center"], 1.2 * radius, scale, size)
        still.append(_iou(color_mask(reference[box], obj["color"], 60.0), color_mask(final[box], obj["color"], 60.0))
                     >= STILL_IOU)
    left = color_mask(final[_box(start, 0.8 * radius, scale, size)], tracked["color"], 60.0).mean() < 0.1
    others = 1.0 if all(still) and left else 0.0
    process = progress_coverage(xs, start[0], end[0]) * (float(np.mean(row_ok)) if row_ok else 0.0)
    value = (1.0 if end_ok else 0.0) * others * (0.05 + 0.95 * process)
    reasons = []
    if last is None:
        reasons.append("no green border in the last frame")
    elif not end_ok:
        reasons.append(f"the border ends at ({last[0] / scale:.0f}, {last[1] / scale:.0f}) around "
                       f"{'the tracked object' if inside >= 0.25 else 'no tracked object'}; expected it at "
                       f"({end[0]:.0f}, {end[1]:.0f}) around the tracked object")
    moved = [f"{o['color_name']} {o['kind']}" for o, ok in zip(solution["objects"][1:], still, strict=True) if not ok]
    if moved:
        reasons.append(f"objects that should stay moved or vanished: {', '.join(moved)}")
    if not left:
        reasons.append("the tracked object's start place is still occupied")
    if process < 1:
        reasons.append(f"the slide is shown through {process:.0%} of its path")
    return Score(value=value, parts={"end": 1.0 if end_ok else 0.0, "others": others, "process": process,
                                     "visible": sum(c is not None for c in centres) / len(centres)},
                 reason="; ".join(reasons) or "the tracked object slid below the target with its border")
