"""Cost: CPU seconds per sample and per scored video, and the peak memory of making samples.

Generation figures come from the fresh process (it does nothing else, so they are the task's own):
core-seconds per sample (process CPU time of generate + validate + encode + save) and its peak
resident memory. A factory run of a million samples at 1 core-s each is 280 core-hours.
"""

from __future__ import annotations

from statistics import mean

from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import Finding, NotRunnable, check, fail, ok, warn

SAMPLE_WARN_SECONDS, SAMPLE_FAIL_SECONDS = 1.0, 5.0
SCORE_WARN_SECONDS = 2.0
MEMORY_WARN_MB, MEMORY_FAIL_MB = 1024.0, 2048.0


@check("cost")
def check_core_seconds_per_sample(context: ReviewContext) -> Finding:
    """CPU seconds to make one sample (fresh process) and to score one video."""
    fresh = context.fresh_run
    if fresh.error or not fresh.core_seconds:
        raise NotRunnable(fresh.error or "the fresh process made no sample")
    per_sample = mean(fresh.core_seconds)
    scoring = context.baseline_scores.core_seconds
    per_score = mean(scoring) if scoring else 0.0
    summary = f"{per_sample:.3f} core-s per sample, {per_score:.3f} core-s per scored video"
    fix = ("draw the static background once and paste moving parts per frame (vbvr_core.draw.Stage), "
           "and keep the video to a few seconds")
    if per_sample > SAMPLE_FAIL_SECONDS:
        return fail(f"{summary}: over {SAMPLE_FAIL_SECONDS:.0f} core-s per sample; {fix}")
    if per_sample > SAMPLE_WARN_SECONDS:
        return warn(f"{summary}: over {SAMPLE_WARN_SECONDS:.0f} core-s per sample; {fix}")
    if per_score > SCORE_WARN_SECONDS:
        return warn(f"{summary}: scoring is slow; read the clip small (video.clip(size=256)) and vectorise")
    return ok(summary)


@check("cost")
def check_peak_memory(context: ReviewContext) -> Finding:
    """Peak resident memory of a process making samples stays small (frames are streamed, not held)."""
    fresh = context.fresh_run
    if fresh.error:
        raise NotRunnable(fresh.error)
    growth = fresh.peak_rss_mb - fresh.start_rss_mb
    summary = f"peak RSS {fresh.peak_rss_mb:.0f} MB ({growth:+.0f} MB over the interpreter with vbvr-core loaded)"
    fix = "return the trajectory as a generator of frames; never build a list of every frame"
    if fresh.peak_rss_mb > MEMORY_FAIL_MB:
        return fail(f"{summary}: over {MEMORY_FAIL_MB:.0f} MB; {fix}")
    if fresh.peak_rss_mb > MEMORY_WARN_MB:
        return warn(f"{summary}: over {MEMORY_WARN_MB:.0f} MB; {fix}")
    return ok(summary)


CHECKS = [check_core_seconds_per_sample, check_peak_memory]
