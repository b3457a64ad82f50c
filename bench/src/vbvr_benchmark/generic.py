"""The generic fallback scorer: a model video against the sample's ground-truth video, strictly.

Used only where a task's own scorer cannot run: official VBVR-Bench ground truth (no ``metadata.json``,
so no solution data) or a task that is not installed. Rows it scores say ``scorer: generic``.

Both videos are read at 64×64, at their own frame rate (longer videos are thinned evenly to 96 frames). Two frames differ by the share of
pixels whose colour differs by more than 40 grey levels in some channel. With ``span`` = how much the
ground truth changes the picture (first vs final frame):

- ``start``: the model's first frame is within half a span of the ground truth's first frame;
- ``final``: the model's last three frames are within half a span of the ground truth's final frame;
- ``process``: the ground truth's *process frames* — those that differ from both its first and its
  final frame — must each be matched, in order, by a model frame closer to it than half its own
  distance to the endpoints (or, for fast motion, than its distance to its neighbouring frames, up to
  three quarters of the distance to the endpoints). ``process`` is the matched share.

value = start · final · process. Holding the first frame fails ``final``; cutting straight to the final
frame matches no process frame; another instance's video fails ``start``; noise fails everything.
Ground truth without process frames (an answer that simply appears) sets ``process`` to 1.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from vbvr_core.contract import Score
from vbvr_core.media.frames import channel_max
from vbvr_core.media.video import VideoClip, VideoReader
from vbvr_core.pipeline.sample_io import VIDEO

SIZE = 64
MAX_FRAMES = 96
PIXEL_DIFFERENCE = 40
MIN_PROCESS_CHANGE = 0.002
MIN_SPAN = 0.01
MATCH_SHARE = 0.5
MAX_MATCH_SHARE = 0.75
END_FRAMES = 3


def changed_share(frames: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Per frame of ``frames`` (T×H×W×3), the share of pixels differing from ``reference`` (H×W×3) visibly.

    Either argument may already be int16 (callers comparing many pairs convert once).
    """
    difference = channel_max(np.abs(frames.astype(np.int16, copy=False) - reference.astype(np.int16, copy=False)))
    return (difference > PIXEL_DIFFERENCE).mean(axis=(-2, -1))


def closeness(distance: float, tolerance: float) -> float:
    """1 at distance 0, falling linearly to 0 at ``tolerance``."""
    return float(np.clip(1.0 - distance / tolerance, 0.0, 1.0))


def ordered_matches(matches: np.ndarray) -> int:
    """Most rows of the P×K boolean ``matches`` that can be matched to columns in non-decreasing order."""
    best = np.zeros(matches.shape[1], dtype=np.int64)
    for row in matches:
        best = np.maximum.accumulate(best + row)
    return int(best[-1]) if best.size else 0


def neighbour_gaps(frames: np.ndarray) -> np.ndarray:
    """Per frame, the larger of its changed shares to the previous and the next frame."""
    steps = np.array([changed_share(frames[k + 1:k + 2], frames[k])[0] for k in range(len(frames) - 1)])
    padded = np.concatenate([[0.0], steps, [0.0]])
    return np.maximum(padded[:-1], padded[1:])


def _thinned(clip: VideoClip) -> VideoClip:
    if len(clip.frames) <= MAX_FRAMES:
        return clip
    picks = np.round(np.linspace(0, len(clip.frames) - 1, MAX_FRAMES)).astype(int)
    return VideoClip(frames=clip.frames[picks], fps=clip.fps, error=clip.error)


def score_against_ground_truth(sample_folder: str | Path, video: VideoReader) -> Score:
    """Score ``video`` against ``sample_folder/ground_truth.mp4`` as the module docstring describes; never raises."""
    truth = _thinned(VideoReader(Path(sample_folder) / VIDEO).clip(size=SIZE))
    if not truth.ok:
        return Score.zero(f"ground truth unusable: {truth.error}")
    model = _thinned(video.clip(size=SIZE))
    if not model.ok:
        return Score.zero(model.error or "video has no frames")
    first, final = truth.frames[0], truth.frames[-1]
    span = max(float(changed_share(first[None], final)[0]), MIN_SPAN)
    start = closeness(float(changed_share(model.frames[:1], first)[0]), MATCH_SHARE * span)
    end = closeness(float(changed_share(model.frames[-END_FRAMES:], final).max()), MATCH_SHARE * span)
    distinct = np.minimum(changed_share(truth.frames, first), changed_share(truth.frames, final))
    process_frames = np.flatnonzero(distinct >= MIN_PROCESS_CHANGE)
    if len(process_frames):
        gaps = neighbour_gaps(truth.frames)
        tolerance = np.clip(gaps, MATCH_SHARE * distinct, MAX_MATCH_SHARE * distinct)
        model_frames, truth_frames = model.frames.astype(np.int16), truth.frames.astype(np.int16)
        matches = np.stack([changed_share(model_frames, truth_frames[t]) <= tolerance[t] for t in process_frames])
        process = ordered_matches(matches) / len(process_frames)
    else:
        process = 1.0
    reasons = []
    if start < 1:
        reasons.append(f"first frame differs from the ground truth's (start {start:.2f})")
    if end < 1:
        reasons.append(f"does not end on the ground truth's final frame (final {end:.2f})")
    if process < 1:
        reasons.append(f"shows {process:.0%} of the ground truth's {len(process_frames)} process frames in order")
    return Score(
        value=start * end * process,
        parts={"start": start, "final": end, "process": process, "process_frames": float(len(process_frames))},
        reason="; ".join(reasons) or "matches the ground truth's start, process and final state",
    )
