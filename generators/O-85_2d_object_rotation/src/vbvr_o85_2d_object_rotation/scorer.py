"""O-85 scorer: measure every shape's orientation frame by frame and judge the turn.

Per shape, each frame's fill-colour likeness around the shape's centre is correlated with the
shape drawn at candidate angles; the best angles, unwrapped over the shape's symmetry
period, give the turn so far. Per shape: ``end`` (the turn reached equals the stated signed angle: 1
within 5°, 0 beyond 20°), ``steady`` (the shape's centre stays put), ``process`` (the turn passes
through the intermediate angles). value = mean over shapes of end · steady · (0.05 + 0.95 · process),
so a cut straight to the final frame keeps at most 0.05 and a turn the wrong way or by the wrong angle
scores near 0.
"""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.rotation.draw import polygon_sprite, rotate_points
from vbvr_core.judge.motion import progress_coverage, unwrap_degrees
from vbvr_core.media.video import VideoReader

ANGLE_STEP = 2
MIN_CORRELATION = 0.7
FILL_RANGE = 110.0
END_TOLERANCE, END_ZERO = 5.0, 20.0


def _templates(obj: dict, scale: float, period: float, half: int, origin: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Candidate angles in [0, period) and the shape's fill coverage at each, in the (2·half+1)² clip box
    whose top-left clip pixel is ``origin``.

    Each template is drawn as the generator draws it — the sprite (fill inside a dark outline) pasted on
    the full-size canvas where the stage pastes it — and the box is then area-averaged to the clip's
    scale, so a pixel holds the share of it the fill covers, as a faithful video's pixel does.
    """
    angles = np.arange(0, period, ANGLE_STEP, dtype=np.float64)
    side = obj["sprite_side"]
    box = 2 * half + 1
    patch = int(round(box / scale))
    left = int(round(obj["center"][0] - side / 2)) - int(round(origin[0] / scale))
    top = int(round(obj["center"][1] - side / 2)) - int(round(origin[1] / scale))
    templates = np.zeros((len(angles), box, box), dtype=np.float32)
    fill = tuple(obj["color"])
    canvas = np.zeros((patch, patch), dtype=np.float32)
    for k, angle in enumerate(angles):
        turned = rotate_points([tuple(v) for v in obj["vertices"]], (0.0, 0.0), float(angle))
        rgba = polygon_sprite(turned, side, fill, (0, 0, 0), obj["outline_width"]).rgba
        inside = ((rgba[..., 3] > 0) & (rgba[..., :3] == fill).all(axis=-1)).astype(np.float32)
        canvas[:] = 0
        y0, x0 = max(0, top), max(0, left)
        y1, x1 = min(patch, top + side), min(patch, left + side)
        canvas[y0:y1, x0:x1] = inside[y0 - top:y1 - top, x0 - left:x1 - left]
        templates[k] = cv2.resize(canvas, (box, box), interpolation=cv2.INTER_AREA)
    return angles, templates


def fill_likeness(pixels: np.ndarray, color) -> np.ndarray:
    """Per pixel, 1 for the fill colour falling linearly to 0 at RGB distance ``FILL_RANGE`` (edges blend)."""
    difference = pixels.astype(np.float32) - np.asarray(color, dtype=np.float32)
    return np.clip(1.0 - np.sqrt((difference * difference).sum(axis=-1)) / FILL_RANGE, 0.0, 1.0)


def measure_turn(frames: np.ndarray, obj: dict) -> tuple[list[float | None], list[float | None]]:
    """Per frame, the shape's unwrapped turn (degrees, clockwise positive) and its centre drift in pixels.

    The angle is the best normalised correlation between the frame's fill likeness around the centre and
    the templates, refined between neighbouring candidates by a parabola through the three best scores.
    """
    scale = frames.shape[2] / 512
    half = round(obj["sprite_side"] * scale) // 2 + 2  # the box holds the whole sprite
    cx, cy = (round(c * scale) for c in obj["center"])
    period = 360.0 / obj["symmetry"]
    angles, templates = _templates(obj, scale, period, half, (cx - half, cy - half))
    flat = templates.reshape(len(angles), -1)
    norms = np.linalg.norm(flat, axis=1)
    area = float(templates.sum(axis=(1, 2)).mean())
    y0, x0 = cy - half, cx - half
    region = np.zeros((len(frames), 2 * half + 1, 2 * half + 1), dtype=np.float32)
    sy0, sx0 = max(0, y0), max(0, x0)
    sy1, sx1 = min(frames.shape[1], y0 + 2 * half + 1), min(frames.shape[2], x0 + 2 * half + 1)
    region[:, sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0] = fill_likeness(frames[:, sy0:sy1, sx0:sx1], obj["color"])
    raw: list[float | None] = []
    drift: list[float | None] = []
    grid = np.arange(2 * half + 1, dtype=np.float64)
    for likeness in region:
        total = float(likeness.sum())
        if total < 0.3 * area:
            raw.append(None)
            drift.append(None)
            continue
        vector = likeness.reshape(-1)
        correlation = flat @ vector / (norms * max(1e-9, float(np.linalg.norm(vector))))
        best = int(correlation.argmax())
        if correlation[best] < MIN_CORRELATION:
            raw.append(None)
        else:
            before, after = correlation[best - 1], correlation[(best + 1) % len(angles)]
            curvature = before - 2 * correlation[best] + after
            shift = 0.5 * (before - after) / curvature if curvature < 0 else 0.0
            raw.append(float((angles[best] + np.clip(shift, -0.5, 0.5) * ANGLE_STEP) % period))
        mx, my = likeness.sum(axis=0) @ grid / total, likeness.sum(axis=1) @ grid / total
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
