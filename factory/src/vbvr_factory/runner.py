"""The coordinator of a run: plan → chunks → executor → dedup rounds → manifest, dead letters, ``run.json``.

Files it writes at the output root (besides the sample folders):

- ``run.json``: written first with ``"status": "running"`` and the coordinator's ``owner`` (host, pid), so a
  resumed run can check it is the same plan, ``status`` can tell a live run from an interrupted one, and a
  second run into the same root is refused while the first is alive (:mod:`vbvr_factory.liveness`); its
  ``heartbeat`` is refreshed while results arrive; rewritten at the end with timings, throughput, tallies, package versions and commits, host;
- ``manifest.jsonl``: one line per sample, sorted by task key and index, rebuilt from the samples'
  metadata on every run, so a resumed run never repeats a line;
- ``failures.jsonl``: one line per dead letter (key, index, seed, attempts, problems, traceback), sorted.

The coordinator never writes samples itself; executors run :func:`vbvr_factory.chunks.run_chunk`.
"""

from __future__ import annotations

import json
import math
import os
import platform
import socket
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vbvr_core.contract.keys import dist_name, import_name
from vbvr_core.pipeline.provenance import package_facts
from vbvr_core.pipeline.sample_io import canonical_json, failure_line

from vbvr_factory.chunks import ChunkResult, ChunkSpec, SampleOutcome, WorkItem
from vbvr_factory.dedup import Candidate, redraws
from vbvr_factory.executors import Executor
from vbvr_factory.layout import task_dir
from vbvr_factory.liveness import HEARTBEAT_SECONDS, owner_record, run_state
from vbvr_factory.plan import RunPlan, TaskPlan
from vbvr_factory.storage import OutputRoot, UnsafePathError

RUN_JSON = "run.json"
MANIFEST = "manifest.jsonl"
FAILURES = "failures.jsonl"
MAX_CHUNK = 16


class RunConflict(RuntimeError):
    """The output root holds something this run must not touch (another run, or unrelated files)."""


@dataclass
class TaskTally:
    """Per-task counts of one invocation."""

    requested: int
    kept: int = 0
    written: int = 0
    failed: int = 0
    duplicates: int = 0
    bytes_written: int = 0
    cpu_seconds: float = 0.0


@dataclass
class RunReport:
    """What a run did: per-task tallies, wall time, and per-worker memory samples (pid → [(peak, rss) KiB])."""

    plan: RunPlan
    tallies: dict[str, TaskTally]
    seconds: float = 0.0
    worker_memory: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def samples_made(self) -> int:
        """Samples written by this invocation (first draws and dedup redraws)."""
        return sum(tally.written for tally in self.tallies.values())

    @property
    def failures(self) -> int:
        """Dead letters of the run."""
        return sum(tally.failed for tally in self.tallies.values())

    @property
    def samples_per_second(self) -> float:
        """Written samples per wall-clock second."""
        return self.samples_made / self.seconds if self.seconds else 0.0


def manifest_line(plan_task: TaskPlan, outcome: SampleOutcome) -> str:
    """One ``manifest.jsonl`` line: deterministic content, no timestamps."""
    return canonical_json({
        "task_key": plan_task.key, "index": outcome.index, "split": plan_task.split, "seed": outcome.seed,
        "attempt": outcome.attempt, "content_hash": outcome.content_hash, "params_hash": outcome.params_hash,
        "path": outcome.path, "bytes": outcome.bytes, "commit": outcome.commit,
    })


class CorruptRunError(ValueError):
    """A run file (``run.json``, ``manifest.jsonl``, ``failures.jsonl``) that is not what the factory wrote."""


def _damaged(root: OutputRoot, name: str, what: str) -> CorruptRunError:
    return CorruptRunError(f"{root.url}/{name}: {what}, so it was damaged or is not the factory's; restore it "
                           "from a copy, delete it and rerun with --resume (the samples are checked again), or run "
                           "into a new --out")


def read_run_json(root: OutputRoot) -> dict[str, Any] | None:
    """The root's ``run.json`` as a dict, or None when there is none; raises :class:`CorruptRunError`."""
    raw = root.read_bytes(RUN_JSON)
    if raw is None:
        return None
    try:
        document = json.loads(raw)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise _damaged(root, RUN_JSON, f"not valid UTF-8 JSON ({error})") from None
    if not isinstance(document, dict):
        raise _damaged(root, RUN_JSON, f"a JSON {type(document).__name__}, not an object")
    return document


def read_jsonl(root: OutputRoot, name: str) -> list[dict[str, Any]]:
    """The objects of JSON-lines file ``name`` (none when it is missing); raises :class:`CorruptRunError`."""
    lines = []
    for number, line in enumerate((root.read_bytes(name) or b"").split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            raise _damaged(root, name, f"line {number} is not a complete JSON object") from None
        if not isinstance(item, dict) or not isinstance(item.get("task_key"), str) or not isinstance(
                item.get("index"), int):
            raise _damaged(root, name, f"line {number} lacks a task_key and an index")
        lines.append(item)
    return lines


def _provenance(plan: RunPlan) -> dict[str, Any]:
    packages = {}
    for dist, module in [("vbvr-core", "vbvr_core"), ("vbvr-factory", "vbvr_factory")] + [
            (dist_name(task.key), import_name(task.key)) for task in plan.tasks]:
        facts = package_facts(dist, module)  # commit_source is not serialised with the facts; run.json keeps it
        packages[dist] = {**facts.model_dump(mode="json"), "commit_source": facts.commit_source}
    return packages


def _host() -> dict[str, Any]:
    return {"hostname": socket.gethostname(), "platform": platform.platform(), "python": platform.python_version(),
            "cpus": os.cpu_count()}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FactoryRun:
    """One invocation of a plan into a root. ``resume`` keeps intact samples; otherwise every sample is redrawn.

    ``on_result(result, redraw)`` is called for each chunk result (progress bars listen here).
    """

    def __init__(self, plan: RunPlan, root: OutputRoot, executor: Executor | None, *, resume: bool,
                 registry: dict[str, str], chunk_size: int = 4,
                 on_result: Callable[[ChunkResult, bool], None] | None = None):
        self.plan = plan
        self.root = root
        self.executor = executor
        self.resume = resume
        self.registry = registry
        self.chunk_size = max(1, min(MAX_CHUNK, chunk_size))
        self.on_result = on_result or (lambda result, redraw: None)
        self.tasks = {task.key: task for task in plan.tasks}
        # Memory stays small at paper scale: only (content hash, attempt) per sample is kept for dedup;
        # manifest and failure lines are spooled to a local file per task and settled at the end.
        self.candidates: dict[str, dict[int, Candidate]] = {task.key: {} for task in plan.tasks}
        self._spools: dict[str, Any] = {}
        self._started = ""
        self._last_beat = time.monotonic()
        self.report = RunReport(plan, {task.key: TaskTally(requested=task.count) for task in plan.tasks})

    def check_root(self) -> None:
        """Refuse a missing bucket, a root that holds another plan's run, or files that are not a run at all."""
        if not self.root.container_exists():
            raise RunConflict(f"{self.root.url}: the bucket {self.root.root.split('/', 1)[0]!r} does not exist (or is "
                              "not visible with these credentials and endpoint); create it first")
        for task in self.plan.tasks:
            try:
                self.root.resolve(task_dir(self.plan.layout, task.key, task.split))
            except UnsafePathError as error:
                raise RunConflict(f"{error}: a symbolic link inside the output leads out of it, and a run writes "
                                  "only inside its --out; remove the link, or use another --out") from None
        existing = read_run_json(self.root)
        if existing is None:
            if not self.root.is_empty():
                raise RunConflict(f"{self.root.url} is not empty and holds no {RUN_JSON}: choose an empty or new --out")
            return
        state = run_state(existing)
        if state.name == "running":
            raise RunConflict(f"another vbvr-factory run ({state.detail}) is writing into {self.root.url} right now; "
                              "wait for it to finish (vbvr-factory status shows it), or use another --out")
        if existing.get("plan_digest") != self.plan.digest:
            raise RunConflict(
                f"{self.root.url} holds another run (preset {existing.get('plan', {}).get('preset')!r}, plan digest "
                f"{str(existing.get('plan_digest'))[:12]}); this plan is {self.plan.digest[:12]}. Use a new --out, "
                "or the registry, preset, --count and --layout that made it")

    def _specs(self, items: dict[str, list[WorkItem]], reuse_existing: bool) -> Iterable[ChunkSpec]:
        for key, task_items in items.items():
            task = self.tasks[key]
            for start in range(0, len(task_items), self.chunk_size):
                yield ChunkSpec(out=self.root.url, storage_options=self.root.storage_options, layout=self.plan.layout,
                                task_key=key, split=task.split, params=task.params, base_seed=self.plan.seed,
                                reuse_existing=reuse_existing, items=task_items[start:start + self.chunk_size])

    def _run_items(self, items: dict[str, list[WorkItem]], reuse_existing: bool, redraw: bool) -> None:
        for result in self.executor.map(self._specs(items, reuse_existing)):
            tally = self.report.tallies[result.task_key]
            tally.cpu_seconds += result.cpu_seconds
            self.report.worker_memory.setdefault(result.worker_pid, []).append(
                (result.worker_peak_rss_kb, result.worker_rss_kb))
            task = self.tasks[result.task_key]
            spool = self._spools[result.task_key]
            for outcome in result.outcomes:
                self.candidates[result.task_key][outcome.index] = Candidate(outcome.content_hash, outcome.attempt or 0)
                line = failure_line(outcome.failure) if outcome.failure else manifest_line(task, outcome)
                spool.write(f"{outcome.index} {outcome.status} {line}\n")
                if outcome.status == "written":
                    tally.written += 1
                    tally.bytes_written += outcome.bytes
            self.on_result(result, redraw)
            if time.monotonic() - self._last_beat >= HEARTBEAT_SECONDS:
                self._write_run_json("running", self._started, {})

    def _write_run_json(self, status: str, started: str, extra: dict[str, Any]) -> None:
        document = {
            "schema_version": 1, "status": status, "registry": self.registry, "plan": self.plan.model_dump(mode="json"),
            "plan_digest": self.plan.digest, "packages": _provenance(self.plan), "host": _host(),
            "started": started, **extra,
        }
        if status == "running":
            document.update(owner=owner_record(), heartbeat=_now())
            self._last_beat = time.monotonic()
        self.root.write_bytes(RUN_JSON, (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8"))

    def execute(self) -> RunReport:
        """Run the plan to completion (first draws, then dedup rounds) and write manifest, failures and run.json."""
        self.check_root()
        started, clock = _now(), time.perf_counter()
        self._started = started
        self._write_run_json("running", started, {})
        with tempfile.TemporaryDirectory(prefix="vbvr-factory-spool-") as spool_dir:
            self._spools = {task.key: open(Path(spool_dir) / f"{task.key}.spool", "a+", encoding="utf-8")
                            for task in self.plan.tasks}
            try:
                self._draw_and_deduplicate()
                self._finish(started, clock)
            finally:
                for spool in self._spools.values():
                    spool.close()
        return self.report

    def _draw_and_deduplicate(self) -> None:
        first = {task.key: [WorkItem(index=index) for index in range(task.count)] for task in self.plan.tasks}
        self._run_items(first, reuse_existing=self.resume, redraw=False)
        while True:
            items = {}
            for key, candidates in self.candidates.items():
                found = redraws(candidates)
                if found:
                    items[key] = found
                    self.report.tallies[key].duplicates += len(found)
            if not items:
                break
            self._run_items(items, reuse_existing=True, redraw=True)

    def _settled(self, key: str) -> dict[int, tuple[str, str]]:
        """Index → (status, line) of the last outcome of every index of task ``key`` (redraws come last)."""
        spool = self._spools[key]
        spool.flush()
        spool.seek(0)
        settled = {}
        for entry in spool:
            index, status, line = entry.rstrip("\n").split(" ", 2)
            settled[int(index)] = (status, line)
        return settled

    def _finish(self, started: str, clock: float) -> None:
        counts = {"samples": 0, "failures": 0}
        with tempfile.TemporaryDirectory(prefix="vbvr-factory-lists-") as scratch:
            manifest_path, failures_path = Path(scratch) / MANIFEST, Path(scratch) / FAILURES
            with open(manifest_path, "w", encoding="utf-8") as manifest, \
                    open(failures_path, "w", encoding="utf-8") as failures:
                for task in sorted(self.plan.tasks, key=lambda task: task.key):
                    tally = self.report.tallies[task.key]
                    for _, (status, line) in sorted(self._settled(task.key).items()):
                        if status == "failed":
                            failures.write(line + "\n")
                            tally.failed += 1
                        else:
                            manifest.write(line + "\n")
                            tally.kept += status == "kept"
                    counts["samples"] += len(self.candidates[task.key]) - tally.failed
                    counts["failures"] += tally.failed
                    self.root.remove_stale_staging(task_dir(self.plan.layout, task.key, task.split))
            self.root.put_file(manifest_path, MANIFEST)
            self.root.put_file(failures_path, FAILURES)
        self.report.seconds = time.perf_counter() - clock
        report = self.report
        self._write_run_json("complete", started, {
            "finished": _now(), "seconds": round(report.seconds, 3),
            "throughput": {"samples_per_second": round(report.samples_per_second, 3)},
            "totals": {"requested": self.plan.total, "samples": counts["samples"], "failures": counts["failures"],
                       "written": report.samples_made,
                       "duplicates_redrawn": sum(tally.duplicates for tally in report.tallies.values()),
                       "bytes_written": sum(tally.bytes_written for tally in report.tallies.values()),
                       "diversity": round(counts["samples"] / self.plan.total, 6) if self.plan.total else 1.0},
            "tasks": {key: asdict(tally) for key, tally in sorted(report.tallies.items())},
            "workers": {str(pid): {"peak_rss_kb": max(peak for peak, _ in samples), "chunks": len(samples)}
                        for pid, samples in sorted(report.worker_memory.items())},
        })


def chunk_size_for(plan: RunPlan, workers: int) -> int:
    """A chunk size that keeps every worker busy and progress bars lively (outputs do not depend on it)."""
    largest = max((task.count for task in plan.tasks), default=1)
    return max(1, min(MAX_CHUNK, math.ceil(largest / (workers * 4))))
