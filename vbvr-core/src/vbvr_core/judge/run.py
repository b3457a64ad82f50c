"""Running a task's scorer safely, and checks that many scorers share.

``score_video(task_key, sample_folder, video_path)`` is what the CLI, review and the bench call: it
finds the scorer through the plugins, never raises, and clamps the result into [0, 1].
"""

from __future__ import annotations

import math
from pathlib import Path

from vbvr_core.contract import SampleRef, Score
from vbvr_core.discovery import get_task
from vbvr_core.media.video import VideoReader
from vbvr_core.pipeline.sample_io import load_sample_ref


def run_scorer(scorer, sample: SampleRef, video: VideoReader) -> Score:
    """Call ``scorer(sample, video)``; a bad video or a scorer bug gives 0 with the reason, never an exception.

    The scorer decodes the video at the size and rate it needs (once); if any clip it asked for was
    unusable, the video scores 0 with that clip's reason, whatever the scorer made of the empty frames.
    """
    if not video.path.is_file() or video.path.stat().st_size == 0:
        return Score.zero(video.clip().error or "video has no frames")
    try:
        result = scorer(sample, video)
    except Exception as error:  # noqa: BLE001 - one video must never stop a benchmark run
        return Score.zero(video.error or f"scorer error: {type(error).__name__}: {error}")
    if video.error:
        return Score.zero(video.error)
    value = float(result.value)
    if not math.isfinite(value):
        return Score.zero("scorer returned a non-finite value", **result.parts)
    return Score(value=min(1.0, max(0.0, value)), parts=result.parts, reason=result.reason)


def score_video(sample_folder: str | Path, video_path: str | Path) -> Score:
    """Score ``video_path`` against the saved sample in ``sample_folder`` with its task's scorer."""
    sample = load_sample_ref(sample_folder)
    scorer = get_task(sample.record.task_key).load_scorer()
    return run_scorer(scorer, sample, VideoReader(video_path))


