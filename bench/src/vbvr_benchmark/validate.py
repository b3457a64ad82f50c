"""``validate-scorers``: prove, on the samples at hand, that every task's scorer separates reasoning from not.

For every task, with the baselines of :mod:`vbvr_benchmark.baselines` (means over the task's samples; limits
from :mod:`vbvr_core.judge.thresholds`, the one table review and the task tests read too):

- the ground truth (``oracle``) scores ≥ ``ORACLE_MIN``;
- holding the first frame (``static``) and random pixels (``noise``) score ≤ ``SHORTCUT_MAX``;
- another sample's ground truth (``shuffle``) scores at least ``SHUFFLE_MARGIN`` below the oracle;
- where the task asks for a process (a path, moves, steps), cutting straight to the final frame
  (``final``) scores below ``CLEARLY_LOW``;
- scoring the same videos again (first two samples of each task, every baseline) gives identical values
  and parts.

With ``--robustness`` it runs the full suite instead (:func:`validate_robustness`): every legitimate variant,
shortcut and task-declared alternative of every sample, judged into a certificate per task
(:mod:`vbvr_core.judge.certificate`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vbvr_core.judge.baselines import BASELINES
from vbvr_core.judge.certificate import TaskCertificate, certify
from vbvr_core.judge.robustness import SampleRobustness, run_suite
from vbvr_core.judge.thresholds import CLEARLY_LOW, ORACLE_MIN, SHORTCUT_MAX, SHUFFLE_MARGIN

from vbvr_benchmark.baselines import shuffle_partners, write_baselines
from vbvr_benchmark.layout import find_samples
from vbvr_benchmark.pool import TimedPool
from vbvr_benchmark.scoring import DEFAULT_TIMEOUT, Row, TaskFacts, score_folders, task_facts
from vbvr_benchmark.worker import MISSING

DETERMINISM_SAMPLES = 2
# One sample's whole suite (≈ 30 videos written and scored) in one worker.
SUITE_TIMEOUT = 900.0


@dataclass
class TaskCheck:
    """One task's baseline means, determinism and the checks it failed (empty when it passed)."""

    key: str
    scorer: str
    process_required: bool
    means: dict[str, float | None] = field(default_factory=dict)
    deterministic: bool = True
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when every check passed."""
        return not self.failures


def _means(rows: list[Row]) -> dict[str, float | None]:
    by_task: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if row.status != MISSING:
            by_task[row.key].append(row.value)
    return {key: sum(values) / len(values) for key, values in by_task.items()}


def judge(facts: TaskFacts, means: dict[str, float | None], unstable: str | None = None) -> TaskCheck:
    """Apply the checks of the module docstring to one task's baseline means.

    ``unstable`` describes a video that scored differently the second time (None when all agreed).
    """
    check = TaskCheck(facts.key, facts.scorer, facts.process_required, dict(means), unstable is None)
    oracle, static, final, noise, shuffle = (means.get(kind) for kind in BASELINES)
    if oracle is None or oracle < ORACLE_MIN:
        check.failures.append(f"oracle {oracle if oracle is None else round(oracle, 3)} < {ORACLE_MIN}")
    if static is None or static > SHORTCUT_MAX:
        check.failures.append(f"static {static if static is None else round(static, 3)} > {SHORTCUT_MAX}")
    if noise is None or noise > SHORTCUT_MAX:
        check.failures.append(f"noise {noise if noise is None else round(noise, 3)} > {SHORTCUT_MAX}")
    if facts.process_required and (final is None or final >= CLEARLY_LOW):
        check.failures.append(f"final {final if final is None else round(final, 3)} ≥ {CLEARLY_LOW} (task needs a process)")
    if shuffle is not None and oracle is not None and shuffle > oracle - SHUFFLE_MARGIN:
        check.failures.append(f"shuffle {shuffle:.3f} not {SHUFFLE_MARGIN} below oracle {oracle:.3f}")
    if unstable is not None:
        check.failures.append(f"not deterministic: {unstable}")
    return check


def validate_scorers(samples_root: str | Path, work: str | Path, *, workers: int = 2,
                     timeout: float = DEFAULT_TIMEOUT, registry: dict[str, str] | None = None,
                     on_stage: Callable[[str], None] | None = None,
                     on_video: Callable[[int, int], None] | None = None) -> list[TaskCheck]:
    """Write every baseline for the samples into ``work/<kind>``, score them (the first samples twice), judge each task.

    ``on_stage(message)`` names each stage as it starts; ``on_video(done, total)`` counts the scored videos of it.
    """
    samples_root, work = Path(samples_root), Path(work)
    entries = find_samples(samples_root)
    facts = task_facts(entries, registry)
    indices: dict[str, list[int]] = defaultdict(list)
    for entry in entries:
        indices[entry.key].append(entry.index)
    recheck = {(key, index) for key, found in indices.items() for index in sorted(found)[:DETERMINISM_SAMPLES]}
    stage = on_stage or (lambda _message: None)
    stage("writing the baselines")
    write_baselines(BASELINES, samples_root, work, workers=workers)
    folders = [work / kind for kind in BASELINES]

    def counter(total: int) -> Callable[[Row], None]:
        done = 0

        def count(_row: Row) -> None:
            nonlocal done
            done += 1
            if on_video is not None:
                on_video(done, total)

        return count

    stage("scoring the baselines")
    runs = score_folders(samples_root, folders, registry=registry, workers=workers, timeout=timeout,
                         on_done=counter(len(entries) * len(folders)))
    stage("scoring again to check determinism")
    again = score_folders(samples_root, folders, registry=registry, workers=workers, timeout=timeout, only=recheck,
                          on_done=counter(len(recheck) * len(folders)))
    unstable: dict[str, str] = {}
    for kind, run, rerun in zip(BASELINES, runs, again, strict=True):
        first = [row for row in run.rows if (row.key, row.index) in recheck]
        for before, after in zip(first, rerun.rows, strict=True):
            if (before.value, before.parts, before.status) != (after.value, after.parts, after.status):
                unstable.setdefault(before.key, f"{kind} video {before.video}: {before.value:.4f} ({before.status}) "
                                                f"then {after.value:.4f} ({after.status})")
    means = {kind: _means(run.rows) for kind, run in zip(BASELINES, runs, strict=True)}
    return [judge(facts[key], {kind: means[kind].get(key) for kind in BASELINES}, unstable.get(key))
            for key in sorted(facts)]


@dataclass(frozen=True)
class SuiteJob:
    """One sample's robustness suite: the sample, a second sample of its task (for ``shuffle``), where to write."""

    sample_folder: str
    other_folder: str | None
    work: str


def run_suite_job(job: SuiteJob) -> dict:
    """Run one sample's suite in a worker; the result as plain data (see :class:`SampleRobustness`)."""
    import cv2

    cv2.setNumThreads(1)
    return run_suite(job.sample_folder, job.work, job.other_folder).to_dict()


def _failed_suite(job: SuiteJob, status: str, reason: str) -> dict:
    return {"failed": f"{job.sample_folder}: {status}: {reason}"}


def validate_robustness(samples_root: str | Path, work: str | Path, *, workers: int = 2,
                        timeout: float = SUITE_TIMEOUT,
                        on_sample: Callable[[str], None] | None = None) -> list[TaskCertificate]:
    """Run the robustness suite on every sample of ours under ``samples_root`` (probe videos under
    ``work/<KEY>/<index>/``) and certify each task; ``on_sample(key)`` is called as each sample finishes.

    Samples without ``metadata.json`` (official ground truth) have no scorer of their own and are left out;
    a sample whose suite crashed or timed out is a note on its task's certificate (and fails it).
    """
    samples_root, work = Path(samples_root), Path(work)
    entries = [entry for entry in find_samples(samples_root) if entry.has_metadata]
    partners = shuffle_partners(entries)
    jobs = []
    for entry in entries:
        other = partners[(entry.key, entry.index)]
        jobs.append(SuiteJob(str(entry.folder), str(other.folder) if other is not None else None,
                             str(work / entry.key / entry.folder.name)))
    done = (lambda job_id, _result: on_sample(entries[job_id].key)) if on_sample else None
    results = TimedPool(run_suite_job, workers, timeout, _failed_suite).map(jobs, done) if jobs else []
    by_task: dict[str, list[SampleRobustness]] = defaultdict(list)
    crashed: dict[str, list[str]] = defaultdict(list)
    for entry, result in zip(entries, results, strict=True):
        if "failed" in result:
            crashed[entry.key].append(result["failed"])
        else:
            by_task[entry.key].append(SampleRobustness.from_dict(result))
    certificates = []
    for key in sorted({entry.key for entry in entries}):
        certificate = certify(key, by_task.get(key, []))
        certificate.errors.extend(crashed.get(key, []))
        certificates.append(certificate)
    return certificates
