"""O-85 scorer: measure every shape's orientation frame by frame and judge the turn.

Per shape, each frame's fill-colour mask around the shape's centre is matched (IoU) against the
shape's outline rasterised at candidate angles; the best angles, unwrapped over the shape's symmetry
period, give the turn so far. Per shape: ``end`` (the turn reached equals the stated signed angle: 1
within 5°, 0 beyond 20°), ``steady`` (the shape's centre stays put), ``process`` (the turn passes
through the intermediate angles). value = mean over shapes of end · steady · (0.05 + 0.95 · process),
so a cut straight to the final frame keeps at most 0.05 and a turn the wrong way or by the wrong angle
scores near 0.
"""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core import SampleRef, Score, VideoReader
from vbvr_core.motion import progress_coverage, unwrap_degrees
from vbvr_core.render.rotate import polygon_sprite, rotate_points
from vbvr_core.track import color_mask

ANGLE_STEP = 2
MIN_IOU = 0.45
END_TOLERANCE, END_ZERO = 5.0, 20.0


def _templates(obj: dict, scale: float, period: float, half: int) -> tuple[np.ndarray, np.ndarray]:
    """Candidate angles in [0, period) and the shape's fill mask at each, in a (2·half+1)² box.

    Each template is drawn the way the generator draws the shape (fill inside a dark outline) at full
    size, then reduced to the clip's scale, so it matches what a faithful video shows pixel for pixel.
    """
    angles = np.arange(0, period, ANGLE_STEP, dtype=np.float64)
    side = obj["sprite_side"]
    small = max(1, round(side * scale))
    masks = np.zeros((len(angles), 2 * half + 1, 2 * half + 1), dtype=bool)
    offset = half - small // 2
    fill = tuple(obj["color"])
    for k, angle in enumerate(angles):
        turned = rotate_points([tuple(v) for v in obj["vertices"]], (0.0, 0.0), float(angle))
        rgba = polygon_sprite(turned, side, fill, (0, 0, 0), obj["outline_width"]).rgba
        inside = ((rgba[..., 3] > 0) & (rgba[..., :3] == fill).all(axis=-1)).astype(np.float32)
        reduced = cv2.resize(inside, (small, small), interpolation=cv2.INTER_AREA) >= 0.5
        masks[k, offset:offset + small, offset:offset + small] = reduced
    return angles, masks


def measure_turn(frames: np.ndarray, obj: dict) -> tuple[list[float | None], list[float | None]]:
    """Per frame, the shape's unwrapped turn (degrees, clockwise positive) and its centre drift in pixels."""
    scale = frames.shape[2] / 512
    half = round(obj["sprite_side"] * scale) // 2 + 1  # the box holds the whole sprite
    cx, cy = (round(c * scale) for c in obj["center"])
    period = 360.0 / obj["symmetry"]
    angles, templates = _templates(obj, scale, period, half)
    areas = templates.sum(axis=(1, 2))
    y0, x0 = cy - half, cx - half
    region = np.zeros((len(frames), 2 * half + 1, 2 * half + 1), dtype=bool)
    sy0, sx0 = max(0, y0), max(0, x0)
    sy1, sx1 = min(frames.shape[1], y0 + 2 * half + 1), min(frames.shape[2], x0 + 2 * half + 1)
    region[:, sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0] = color_mask(frames[:, sy0:sy1, sx0:sx1], obj["color"], 70.0)
    flat_templates = templates.reshape(len(angles), -1).astype(np.float32)
    raw: list[float | None] = []
    drift: list[float | None] = []
    grid = np.arange(2 * half + 1, dtype=np.float64)
    for mask in region:
        count = int(mask.sum())
        if count < 0.3 * areas.mean():
            raw.append(None)
            drift.append(None)
            continue
        inter = flat_templates @ mask.reshape(-1).astype(np.float32)
        iou = inter / (areas + count - inter)
        best = int(iou.argmax())
        raw.append(float(angles[best]) if iou[best] >= MIN_IOU else None)
        mx, my = mask.sum(axis=0) @ grid / count, mask.sum(axis=1) @ grid / count
        drift.append(float(np.hypot(mx - half, my - half)))
    return unwrap_degrees(raw, period), drift


def judge_object(turn: list[float | None], drift: list[float | None], target: float, radius: float) -> dict[str, float]:
    """Parts for one shape: start, end, steady, process (see the module docstring)."""
    known = [value for value in turn if value is not None]
    if len(known) < 2:
        return {"visible": len(known) / max(1, len(turn)), "start": 0.0, "end": 0.0, "steady": 0.0, "process": 0.0}
    start = 1.0 if abs(known[0]) <= 8 else 0.0
    reached = known[-1]
    error = abs(reached - target)
    end = float(np.clip((END_ZERO - error) / (END_ZERO - END_TOLERANCE), 0.0, 1.0))
    drifts = [value for value in drift if value is not None]
    steady = float(np.mean([d <= max(3.0, 0.2 * radius) for d in drifts]))
    return {"visible": len(known) / len(turn), "start": start, "end": end, "steady": steady,
            "process": progress_coverage(turn, 0.0, target, checkpoints=int(np.clip(abs(target) // 6, 3, 7)),
                                         resolution=1.5 * ANGLE_STEP),
            "reached": reached}


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-85 against the sample's shapes and stated turn."""
    solution = sample.solution
    clip = video.clip()
    scale = clip.frames.shape[2] / 512
    target = float(solution["signed_degrees"])
    judged = []
    for obj in solution["objects"]:
        turn, drift = measure_turn(clip.frames, obj)
        judged.append(judge_object(turn, drift, target, obj["radius"] * scale))
    values = [j["start"] * j["end"] * j["steady"] * (0.05 + 0.95 * j["process"]) for j in judged]
    parts = {name: float(np.mean([j[name] for j in judged])) for name in ("visible", "start", "end", "steady", "process")}
    reasons = []
    for obj, j in zip(solution["objects"], judged, strict=True):
        label = f"{obj['color_name']} {obj['kind']}"
        if "reached" not in j:
            reasons.append(f"{label} not found")
            continue
        if j["end"] < 1:
            reasons.append(f"{label} turned {j['reached']:+.0f}°, expected {target:+.0f}°")
        if j["process"] < 1:
            reasons.append(f"{label}: turn shown through {j['process']:.0%} of the intermediate angles")
        if j["steady"] < 1:
            reasons.append(f"{label} moves off its centre")
        if not j["start"]:
            reasons.append(f"{label} does not start at its original orientation")
    return Score(value=float(np.mean(values)), parts=parts,
                 reason="; ".join(reasons) or f"every shape turned {target:+.0f}° steadily about its centre")
