"""Scoring a model's videos folder against a samples folder: plan one job per sample, run them, make rows.

Every sample gets exactly one row: a missing video scores 0 (``missing``), a bad one 0 with the
decoder's reason, a hung one 0 (``timeout``). Samples with our ``metadata.json`` whose task is
installed use the task's own scorer; the others use the generic ground-truth scorer and say so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from vbvr_core import discovery
from vbvr_core.pipeline.sample_io import METADATA

from vbvr_benchmark.layout import SampleEntry, find_samples, find_videos
from vbvr_benchmark.pool import TimedPool
from vbvr_benchmark.splits import resolve_category, resolve_split
from vbvr_benchmark.worker import GENERIC_SCORER, TASK_SCORER, ScoreJob, VideoResult, failed_job, score_job

DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class TaskFacts:
    """What the bench knows about a task: category, split, which scorer runs, whether it needs a process."""

    key: str
    category: str
    split: str
    scorer: str
    process_required: bool


@dataclass(frozen=True)
class Row:
    """One scored video (one line of the CSV report)."""

    key: str
    index: int
    category: str
    split: str
    scorer: str
    status: str
    value: float
    reason: str
    video: str
    sample: str
    parts: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The row as plain JSON-able data."""
        return asdict(self)


def _metadata(entry: SampleEntry) -> dict:
    try:
        return json.loads((entry.folder / METADATA).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def task_facts(entries: list[SampleEntry], registry: dict[str, str] | None = None) -> dict[str, TaskFacts]:
    """Facts for every task among ``entries`` (the first sample of a task speaks for it)."""
    installed = set(discovery.known_keys())
    facts: dict[str, TaskFacts] = {}
    for entry in entries:
        if entry.key in facts:
            continue
        metadata = _metadata(entry) if entry.has_metadata else {}
        info = discovery.get_task(entry.key).info if entry.key in installed else None
        scorer = TASK_SCORER if info is not None and entry.has_metadata else GENERIC_SCORER
        facts[entry.key] = TaskFacts(
            key=entry.key,
            category=resolve_category(entry.key, info.category.value if info else None, metadata.get("category")),
            split=resolve_split(entry.key, registry, metadata.get("split"), entry.folder_split),
            scorer=scorer,
            process_required=info.process_required if info is not None else True,
        )
    return facts


def _relative(path: Path | None, root: Path) -> str:
    if path is None:
        return ""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


@dataclass
class ScoringRun:
    """Rows of one scoring run, the facts of its tasks, and videos that matched no sample."""

    rows: list[Row]
    tasks: dict[str, TaskFacts]
    unmatched_videos: list[str]


def score_folders(samples_root: str | Path, videos_roots: Sequence[str | Path], *,
                  registry: dict[str, str] | None = None, workers: int = 2, timeout: float = DEFAULT_TIMEOUT,
                  on_done: Callable[[Row], None] | None = None,
                  only: Collection[tuple[str, int]] | None = None) -> list[ScoringRun]:
    """Score every sample under ``samples_root`` (or the (key, index) pairs in ``only``) against its video in
    each of ``videos_roots`` — one run per videos folder, all in one worker pool.

    Rows are sorted by (task key, index); the scores do not depend on ``workers``.
    """
    samples_root = Path(samples_root)
    entries = [entry for entry in find_samples(samples_root) if only is None or (entry.key, entry.index) in only]
    facts = task_facts(entries, registry)
    roots = [Path(root) for root in videos_roots]
    videos = [find_videos(root) for root in roots]
    plan = [(run, entry) for run in range(len(roots)) for entry in entries]
    jobs = [ScoreJob(entry.key, entry.index, str(entry.folder),
                     str(videos[run][(entry.key, entry.index)]) if (entry.key, entry.index) in videos[run] else None,
                     facts[entry.key].scorer)
            for run, entry in plan]

    def row_of(job_id: int, result: VideoResult) -> Row:
        run, entry = plan[job_id]
        task = facts[entry.key]
        video = _relative(videos[run].get((entry.key, entry.index)), roots[run])
        # Decoder messages quote the file's full path; the report names it relative to --videos, so it
        # reads the same wherever the folder lies.
        reason = result.reason.replace(jobs[job_id].video, video) if jobs[job_id].video else result.reason
        return Row(key=entry.key, index=entry.index, category=task.category, split=task.split, scorer=task.scorer,
                   status=result.status, value=result.value, reason=reason, video=video,
                   sample=_relative(entry.folder, samples_root), parts=dict(result.parts))

    def report(job_id: int, result: VideoResult) -> None:
        if on_done is not None:
            on_done(row_of(job_id, result))

    results = TimedPool(score_job, workers, timeout, failed_job).map(jobs, report) if jobs else []
    rows = [row_of(job_id, result) for job_id, result in enumerate(results)]
    matched = {(entry.key, entry.index) for entry in entries}
    return [
        ScoringRun(rows=rows[run * len(entries):(run + 1) * len(entries)], tasks=facts,
                   unmatched_videos=sorted(_relative(path, roots[run]) for pair, path in videos[run].items()
                                           if pair not in matched))
        for run in range(len(roots))
    ]


def score_folder(samples_root: str | Path, videos_root: str | Path, *, registry: dict[str, str] | None = None,
                 workers: int = 2, timeout: float = DEFAULT_TIMEOUT,
                 on_done: Callable[[Row], None] | None = None,
                 only: Collection[tuple[str, int]] | None = None) -> ScoringRun:
    """Score every sample under ``samples_root`` against its video under ``videos_root`` (see :func:`score_folders`)."""
    return score_folders(samples_root, [videos_root], registry=registry, workers=workers, timeout=timeout,
                         on_done=on_done, only=only)[0]
