"""What a worker process does for one video: decode it, pick the scorer, score it (never raises).

This module is preloaded into the pool's forkserver (:mod:`vbvr_benchmark.pool`), so it imports the
heavy libraries once, up front.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
from vbvr_core.discovery import get_task
from vbvr_core.judge.run import run_scorer
from vbvr_core.media.video import VideoReader
from vbvr_core.pipeline.sample_io import load_sample_ref

from vbvr_benchmark import generic

TASK_SCORER, GENERIC_SCORER = "task", "generic"
# Parallelism comes from worker processes, one per core: OpenCV's own threads would only oversubscribe them.
cv2.setNumThreads(1)
OK, MISSING, BAD_VIDEO = "ok", "missing", "bad_video"


@dataclass(frozen=True)
class ScoreJob:
    """One video to score: the sample it answers, the video path (None when missing) and which scorer."""

    key: str
    index: int
    sample_folder: str
    video: str | None
    scorer: str


@dataclass(frozen=True)
class VideoResult:
    """A worker's verdict: status (ok, missing, bad_video, timeout, crashed, error), value, reason, parts."""

    status: str
    value: float
    reason: str
    parts: dict[str, float] = field(default_factory=dict)


def score_job(job: ScoreJob) -> VideoResult:
    """Score one video with its task's scorer or the generic one; a bad or missing video scores 0 with the reason."""
    if job.video is None:
        return VideoResult(MISSING, 0.0, "missing: no video for this sample")
    video = VideoReader(job.video)
    if job.scorer == TASK_SCORER:
        # The scorer decodes at the size and rate it needs; the reader remembers whether that clip was usable.
        scorer = get_task(job.key).load_scorer()
        score = run_scorer(scorer, load_sample_ref(job.sample_folder), video)
    else:
        clip = video.clip(size=generic.SIZE)
        if not clip.ok:
            return VideoResult(BAD_VIDEO, 0.0, clip.error or "video has no frames")
        score = generic.score_against_ground_truth(job.sample_folder, video)
    if video.error:
        return VideoResult(BAD_VIDEO, 0.0, video.error)
    return VideoResult(OK, float(score.value), score.reason, {name: float(v) for name, v in score.parts.items()})


def failed_job(job: ScoreJob, status: str, reason: str) -> VideoResult:
    """The result of a job whose worker timed out, died or raised: 0 with the reason."""
    return VideoResult(status, 0.0, reason)
