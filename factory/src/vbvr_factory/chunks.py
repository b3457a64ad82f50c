"""The unit of work every executor runs: :func:`run_chunk` turns a :class:`ChunkSpec` into a :class:`ChunkResult`.

A chunk is a few samples of one task. ``run_chunk`` is pure and idempotent: its outputs depend only on the
spec (seeds derive from ``base_seed``, the key and the index, never from the worker or the order), and
running it twice — a retried Ray task, an SQS message delivered twice, a resumed run — leaves the same
bytes in the output root. Specs and results are pydantic models, so they travel as JSON
(``spec.model_dump_json()`` / ``ChunkSpec.model_validate_json(text)``) through any queue.

For each :class:`WorkItem` (index, first attempt):

1. if ``reuse_existing`` and the root already holds an intact sample for that index made by this plan
   with ``attempt >= first_attempt``, it is kept (status ``kept``);
2. else the sample is drawn with ``vbvr_core.pipeline.produce.draw(..., first_attempt=...)`` and saved by core's
   atomic ``save_sample`` — straight into a local root, or into a local staging folder that is then
   uploaded with ``metadata.json`` last (status ``written``);
3. a sample that cannot be made becomes a dead letter (status ``failed``), and any stale folder at its
   index is removed.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field
from vbvr_core.contract import FailureRecord, PackageFacts, SampleRecord
from vbvr_core.discovery import get_task
from vbvr_core.pipeline.produce import Drawn, draw, save_drawn, task_package
from vbvr_core.pipeline.seeds import sample_seed

from vbvr_factory.checks import check_sample, plan_mismatches
from vbvr_factory.layout import sample_dir
from vbvr_factory.storage import open_root


class WorkItem(BaseModel):
    """One sample to make: its index and the first attempt to try.

    ``first_attempt > 0`` redraws a duplicate: ``duplicate_of`` names the lower index whose content it repeats.
    ``exact`` (repair) accepts only attempt ``first_attempt`` itself.
    """

    index: int = Field(ge=0)
    first_attempt: int = Field(0, ge=0)
    duplicate_of: int | None = None
    exact: bool = False


class ChunkSpec(BaseModel):
    """Everything a worker needs to make some samples of one task; JSON-serialisable."""

    out: str
    storage_options: dict[str, Any] = Field(default_factory=dict)
    layout: str = "vbvr"
    task_key: str
    split: str
    params: dict[str, Any] = Field(default_factory=dict)
    base_seed: int
    attempt_limit: int | None = Field(None, ge=1)
    reuse_existing: bool = True
    items: list[WorkItem]


class SampleOutcome(BaseModel):
    """What happened to one work item; ``record`` facts for kept/written samples, ``failure`` for dead letters."""

    index: int
    seed: int
    status: Literal["kept", "written", "failed"]
    path: str
    attempt: int | None = None
    content_hash: str | None = None
    params_hash: str | None = None
    bytes: int = 0
    commit: str | None = None
    failure: FailureRecord | None = None

    @classmethod
    def from_record(cls, record: SampleRecord, status: Literal["kept", "written"], path: str) -> SampleOutcome:
        """The outcome of a saved sample, from its metadata."""
        return cls(index=record.index, seed=record.seed, status=status, path=path, attempt=record.attempt,
                   content_hash=record.content_hash, params_hash=record.params_hash,
                   bytes=sum(digest.bytes for digest in record.files), commit=record.package.commit)


class ChunkResult(BaseModel):
    """The outcomes of a chunk, in item order, and the worker's resource use (for throughput and memory reports)."""

    task_key: str
    outcomes: list[SampleOutcome]
    worker_pid: int
    worker_peak_rss_kb: int
    worker_rss_kb: int
    cpu_seconds: float


def _current_rss_kb() -> int:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def _draw_item(spec: ChunkSpec, item: WorkItem, seed: int, limit: int) -> Drawn | FailureRecord:
    registration = get_task(spec.task_key)
    budget = 1 if item.exact else limit - item.first_attempt
    if budget <= 0:
        return FailureRecord(task_key=spec.task_key, index=item.index, seed=seed, attempts=item.first_attempt,
                             problems=[f"attempt {item.first_attempt - 1}: duplicate of sample {item.duplicate_of}, "
                                       f"and the attempt budget ({limit}) is spent"])
    drawn = draw(registration, seed, index=item.index, params=spec.params or None, max_attempts=budget,
                 first_attempt=item.first_attempt)
    if isinstance(drawn, FailureRecord) and item.duplicate_of is not None:
        note = f"attempt {item.first_attempt - 1}: duplicate of sample {item.duplicate_of}"
        drawn = drawn.model_copy(update={"problems": [note, *drawn.problems]})
    return drawn


def _make_item(spec: ChunkSpec, item: WorkItem) -> SampleOutcome:
    root = open_root(spec.out, spec.storage_options)
    registration = get_task(spec.task_key)
    package = task_package(registration)
    seed = sample_seed(spec.base_seed, spec.task_key, item.index)
    relative = sample_dir(spec.layout, spec.task_key, spec.split, item.index)
    if spec.reuse_existing:
        existing = check_sample(root, relative)
        if existing.ok and existing.record and existing.record.attempt >= item.first_attempt and not plan_mismatches(
                existing.record, key=spec.task_key, index=item.index, seed=seed, split=spec.split,
                params=spec.params, package=package):
            return SampleOutcome.from_record(existing.record, "kept", relative)
    limit = spec.attempt_limit or registration.load_generator().max_attempts
    drawn = _draw_item(spec, item, seed, limit)
    if isinstance(drawn, Drawn):
        try:
            record = _save(spec, drawn, relative, item.index, package)
            return SampleOutcome.from_record(record, "written", relative)
        except OSError:
            raise  # storage trouble (disk full, bucket gone): the chunk is retried, not dead-lettered
        except Exception as error:  # noqa: BLE001 - a task bug while rendering the video is a dead letter
            drawn = FailureRecord(task_key=spec.task_key, index=item.index, seed=seed, attempts=1,
                                  problems=[f"attempt {drawn.attempt}: saving failed: {type(error).__name__}: {error}"],
                                  traceback=traceback.format_exc())
    root.remove_sample(relative)
    return SampleOutcome(index=item.index, seed=seed, status="failed", path=relative, failure=drawn)


def _save(spec: ChunkSpec, drawn: Drawn, relative: str, index: int, package: PackageFacts) -> SampleRecord:
    root = open_root(spec.out, spec.storage_options)
    registration = get_task(spec.task_key)
    if root.is_local:
        return save_drawn(drawn, registration, root.local_path(relative), index=index, split=spec.split,
                          package=package)
    with tempfile.TemporaryDirectory(prefix="vbvr-factory-") as staging:
        folder = Path(staging) / "sample"
        record = save_drawn(drawn, registration, folder, index=index, split=spec.split, package=package)
        root.publish_sample(folder, relative)
    return record


def run_chunk(spec: ChunkSpec) -> ChunkResult:
    """Make (or keep) every item of ``spec``; never raises for task bugs (those become ``failed`` outcomes).

    Storage errors (an unreachable bucket, a full disk) do raise: the chunk can simply be run again.
    """
    cpu_start = time.process_time()
    outcomes = [_make_item(spec, item) for item in spec.items]
    return ChunkResult(
        task_key=spec.task_key,
        outcomes=outcomes,
        worker_pid=os.getpid(),
        worker_peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        worker_rss_kb=_current_rss_kb(),
        cpu_seconds=time.process_time() - cpu_start,
    )
