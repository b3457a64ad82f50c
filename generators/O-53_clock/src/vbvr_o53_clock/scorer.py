"""O-53 scorer: read both hands' angles in every frame and judge the advance.

Each hand has its own colour; a hand's angle in a frame is the direction of the summed unit vectors
(from the clock's centre) of its colour's pixels inside the face, clear of the central cap. The minute
hand's angles, unwrapped, give the turn so far; the hour hand is compared with where that turn puts it.

Parts: ``start`` (hands at the start time), ``end`` (the minute hand turned the full advance — 6° per
minute, whole turns included — and the hour hand shows the end time), ``consistent`` (share of frames
where the hour hand sits where the minute hand says, within 6°; frames with the hands on top of each
other are left out), ``clockwise`` (share of the minute
hand's steps that go clockwise), ``process`` (the minute hand passes the intermediate angles).
value = start · end · (0.05 + 0.95 · process · consistent · clockwise): a cut straight to the final
frame keeps at most 0.05; a wrong end time scores 0.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import angle_difference, direction_share, progress_coverage, unwrap_degrees
from vbvr_core.media.video import VideoReader

HAND_TOLERANCE = 50.0
MINUTE_END = (6.0, 20.0)  # full credit within, none beyond (degrees)
HOUR_END = (4.0, 12.0)
CONSISTENCY = 6.0
OVERLAP = 20.0  # hands closer than this (degrees) hide the hour hand


def hand_angles(frames: np.ndarray, solution: dict, hand: str) -> list[float | None]:
    """Per frame, the angle (degrees clockwise from 12) of the ``hand`` ("hour" or "minute"), or None."""
    size = frames.shape[2]
    scale = size / 512
    cx, cy = (c * scale for c in solution["center"])
    radius = solution["style"]["radius"] * scale
    length = solution[f"{hand}_length"] * scale
    x0, x1 = int(max(0, cx - radius)), int(min(size, cx + radius + 1))
    y0, y1 = int(max(0, cy - radius)), int(min(frames.shape[1], cy + radius + 1))
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float64)
    dx, dy = xs + 0.5 - cx, ys + 0.5 - cy
    distance = np.hypot(dx, dy)
    ring = (distance > 0.13 * radius) & (distance < 0.92 * radius)
    ux, uy = np.where(ring, dx / np.maximum(distance, 1e-9), 0.0), np.where(ring, dy / np.maximum(distance, 1e-9), 0.0)
    masks = color_mask(frames[:, y0:y1, x0:x1], solution["style"][f"{hand}_color"], HAND_TOLERANCE) & ring
    counts = masks.sum(axis=(1, 2))
    sum_x = (masks * ux).sum(axis=(1, 2))
    sum_y = (masks * uy).sum(axis=(1, 2))
    expected = 0.6 * length * max(2.0, 0.05 * radius)  # about half the hand's visible area
    angles: list[float | None] = []
    for count, sx, sy in zip(counts, sum_x, sum_y, strict=True):
        if count < 0.25 * expected or np.hypot(sx, sy) < 0.6 * count:
            angles.append(None)  # absent, or spread around like noise rather than one straight hand
        else:
            angles.append(float(np.degrees(np.arctan2(sx, -sy)) % 360.0))
    return angles


def _credit(error: float, full: float, zero: float) -> float:
    return float(np.clip((zero - error) / (zero - full), 0.0, 1.0))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-53 against the sample's start time and advance."""
    solution = sample.solution
    frames = video.clip().frames
    minute_raw = hand_angles(frames, solution, "minute")
    hour_raw = hand_angles(frames, solution, "hour")
    start_minute, start_hour = solution["start_angles"]["minute"], solution["start_angles"]["hour"]
    turn = unwrap_degrees([None if a is None else (a - start_minute) % 360.0 for a in minute_raw])
    known = [(t, h) for t, h in zip(turn, hour_raw, strict=True) if t is not None and h is not None]
    if len(known) < 2:
        return Score.zero("the clock's hands are not visible", visible=len(known) / max(1, len(frames)))
    target = solution["minute_turn"]
    first_turn, first_hour = known[0]
    start = 1.0 if abs(first_turn) <= 8 and angle_difference(first_hour, start_hour) <= 6 else 0.0
    final_turn = known[-1][0]
    final_hour = known[-1][1]
    minute_end = _credit(abs(final_turn - target), *MINUTE_END)
    hour_end = _credit(angle_difference(final_hour, solution["end_angles"]["hour"]), *HOUR_END)
    end = min(minute_end, hour_end)
    # Where the minute hand lies over the hour hand, the hour hand's visible sliver does not give its angle.
    apart = [(t, h) for t, h in known if angle_difference(h, (start_minute + t) % 360.0) >= OVERLAP]
    consistent = float(np.mean([angle_difference(h, start_hour + t / 12.0) <= CONSISTENCY for t, h in apart])) if apart else 0.0
    clockwise = direction_share(turn, +1, dead_band=0.5)
    process = progress_coverage(turn, 0.0, target, resolution=2.0)
    value = start * end * (0.05 + 0.95 * process * consistent * clockwise)
    reasons = []
    if not start:
        reasons.append(f"the hands do not start at {solution['start_time']}")
    if minute_end < 1:
        reasons.append(f"the minute hand turned {final_turn:+.0f}°, expected {target:+.0f}°")
    if hour_end < 1:
        reasons.append(f"the hour hand ends at {final_hour:.0f}°, expected {solution['end_angles']['hour']:.0f}° "
                       f"({solution['end_time']})")
    if consistent < 1:
        reasons.append(f"the hour hand matches the minute hand in {consistent:.0%} of frames")
    if clockwise < 1:
        reasons.append(f"{1 - clockwise:.0%} of the minute hand's steps go counterclockwise")
    if process < 1:
        reasons.append(f"the sweep passes {process:.0%} of the intermediate times")
    return Score(
        value=value,
        parts={"start": start, "end": end, "minute_end": minute_end, "hour_end": hour_end, "consistent": consistent,
               "clockwise": clockwise, "process": process, "visible": len(known) / len(frames)},
        reason="; ".join(reasons) or f"advanced from {solution['start_time']} to {solution['end_time']} correctly",
    )
