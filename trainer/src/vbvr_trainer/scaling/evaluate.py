"""Turning predicted keyframes into videos and scoring them with the tasks' own scorers.

A prediction (K keyframes after the first frame) becomes a video of the ground truth's length: the
first frame and then each keyframe, each held for an equal share of the frames. Each predicted change
(at the model's small size) is upsampled onto the full-size first frame, so unchanged regions stay
sharp. Two references use the same video shape: ``static`` (no change: the first frame throughout)
and ``oracle`` (the true keyframes, taken from the ground truth): the ceiling of a K-keyframe model,
below 1 where a scorer needs finer steps than K keyframes show.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from vbvr_core.discovery import get_task
from vbvr_core.judge.run import run_scorer
from vbvr_core.media.frames import psnr, resize_frame
from vbvr_core.media.video import VideoReader, read_video, write_video
from vbvr_core.pipeline.sample_io import load_sample_ref

VIDEO_SIZE = 256


def keyframe_video(frames: list[np.ndarray], length: int) -> Iterator[np.ndarray]:
    """``length`` frames (at least one per keyframe) showing ``frames`` in order, each for an equal share."""
    length = max(length, len(frames))
    for position in range(length):
        yield frames[position * len(frames) // length]


def apply_delta(first: np.ndarray, delta: torch.Tensor) -> np.ndarray:
    """``first`` (H,W,3 uint8) plus ``delta`` (3,s,s in [-1,1]) upsampled bilinearly to H×W."""
    height, width = first.shape[:2]
    upsampled = F.interpolate(delta.unsqueeze(0), size=(height, width), mode="bilinear", align_corners=False)[0]
    change = upsampled.permute(1, 2, 0).numpy() * 255.0
    return np.clip(first.astype(np.float32) + change + 0.5, 0, 255).astype(np.uint8)


@dataclass
class SampleResult:
    """One test sample's verdict: the scorer's value and parts, and how close the final frame came."""

    folder: str
    task_key: str
    score: float
    parts: dict[str, float]
    reason: str
    final_psnr: float
    change_error: float | None


@dataclass
class SplitResult:
    """Means over a test split (and per task) of the per-sample results."""

    samples: list[SampleResult] = field(default_factory=list)

    def summary(self) -> dict:
        """JSON-able means: score, partial credit (mean of the scorer's parts), final PSNR, change error."""
        return summarise(self.samples)


def summarise(results: list[SampleResult]) -> dict:
    """Means of ``results`` overall and per task."""
    def means(items: list[SampleResult]) -> dict:
        changes = [item.change_error for item in items if item.change_error is not None]
        part_names = sorted({name for item in items for name in item.parts})
        return {
            "samples": len(items),
            "score": float(np.mean([item.score for item in items])) if items else 0.0,
            "partial_credit": float(np.mean([np.mean(list(item.parts.values())) if item.parts else 0.0
                                             for item in items])) if items else 0.0,
            "parts": {name: float(np.mean([item.parts.get(name, 0.0) for item in items])) for name in part_names},
            "final_psnr": float(np.mean([item.final_psnr for item in items])) if items else 0.0,
            "change_error": float(np.mean(changes)) if changes else None,
        }
    tasks = sorted({item.task_key for item in results})
    return {**means(results), "per_task": {task: means([r for r in results if r.task_key == task]) for task in tasks}}


def change_error(first: np.ndarray, final: np.ndarray, predicted: np.ndarray) -> float | None:
    """Mean absolute error (0–1) of ``predicted`` over the pixels where ``final`` differs from ``first``."""
    changed = np.abs(final.astype(np.int16) - first.astype(np.int16)).max(axis=2) > 25
    if not changed.any():
        return None
    return float(np.abs(predicted.astype(np.float32) - final.astype(np.float32))[changed].mean() / 255.0)


def oracle_keyframes(folder: Path, count: int) -> list[np.ndarray]:
    """The ground truth's ``count`` keyframes after its first frame, at the video size."""
    clip = read_video(Path(folder) / "ground_truth.mp4", size=VIDEO_SIZE, num_frames=count + 1)
    if not clip.ok:
        raise RuntimeError(f"{folder}/ground_truth.mp4: {clip.error}")
    return list(clip.frames[1:])


def score_prediction(folder: Path, video_path: Path, deltas: torch.Tensor | None = None,
                     keyframes: list[np.ndarray] | None = None) -> SampleResult:
    """Write the keyframe video for one test sample and score it.

    Give either ``deltas`` (K,3,s,s: a model's predicted changes) or ``keyframes`` (full-size frames).
    """
    sample = load_sample_ref(folder)
    first = resize_frame(sample.first_frame, VIDEO_SIZE)
    truth = resize_frame(sample.final_frame, VIDEO_SIZE) if sample.final_frame is not None else first
    if deltas is not None:
        keyframes = [apply_delta(first, delta) for delta in deltas]
    if not keyframes:
        raise ValueError(f"{folder}: no deltas and no keyframes to score")
    predicted = keyframes[-1]
    video_path.parent.mkdir(parents=True, exist_ok=True)
    write_video(video_path, keyframe_video([first, *keyframes], sample.record.video.frames))
    scorer = get_task(sample.record.task_key).load_scorer()
    verdict = run_scorer(scorer, sample, VideoReader(video_path))
    return SampleResult(
        folder=str(folder), task_key=sample.record.task_key, score=verdict.value, parts=dict(verdict.parts),
        reason=verdict.reason, final_psnr=float(min(psnr(predicted, truth), 99.0)),
        change_error=change_error(first, truth, predicted) if sample.final_frame is not None else None,
    )
