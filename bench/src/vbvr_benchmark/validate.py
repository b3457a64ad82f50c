"""``validate-scorers``: prove, on the samples at hand, that every task's scorer separates reasoning from not.

For every task, with the baselines of :mod:`vbvr_benchmark.baselines` (means over the task's samples):

- the ground truth (``oracle``) scores ≥ 0.98;
- holding the first frame (``static``) and random pixels (``noise``) score ≤ 0.1;
- another sample's ground truth (``shuffle``) scores at least 0.3 below the oracle;
- where the task asks for a process (a path, moves, steps), cutting straight to the final frame
  (``final``) scores ≤ 0.5;
- scoring the same videos again (first two samples of each task, every baseline) gives identical values
  and parts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vbvr_core.judge.baselines import BASELINES

from vbvr_benchmark.baselines import write_baselines
from vbvr_benchmark.layout import find_samples
from vbvr_benchmark.scoring import DEFAULT_TIMEOUT, Row, TaskFacts, score_folders, task_facts
from vbvr_benchmark.worker import MISSING

ORACLE_MIN = 0.98
STATIC_MAX = 0.1
NOISE_MAX = 0.1
FINAL_MAX = 0.5
SHUFFLE_MARGIN = 0.3
DETERMINISM_SAMPLES = 2


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
    if static is None or static > STATIC_MAX:
        check.failures.append(f"static {static if static is None else round(static, 3)} > {STATIC_MAX}")
    if noise is None or noise > NOISE_MAX:
        check.failures.append(f"noise {noise if noise is None else round(noise, 3)} > {NOISE_MAX}")
    if facts.process_required and (final is None or final > FINAL_MAX):
        check.failures.append(f"final {final if final is None else round(final, 3)} > {FINAL_MAX} (task needs a process)")
    if shuffle is not None and oracle is not None and shuffle > oracle - SHUFFLE_MARGIN:
        check.failures.append(f"shuffle {shuffle:.3f} not {SHUFFLE_MARGIN} below oracle {oracle:.3f}")
    if unstable is not None:
        check.failures.append(f"not deterministic: {unstable}")
    return check


def validate_scorers(samples_root: str | Path, work: str | Path, *, workers: int = 2,
                     timeout: float = DEFAULT_TIMEOUT, registry: dict[str, str] | None = None,
                     on_stage: Callable[[str], None] | None = None) -> list[TaskCheck]:
    """Write every baseline for the samples into ``work/<kind>``, score them (the first samples twice), judge each task."""
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
    stage("scoring the baselines")
    folders = [work / kind for kind in BASELINES]
    runs = score_folders(samples_root, folders, registry=registry, workers=workers, timeout=timeout)
    stage("scoring again to check determinism")
    again = score_folders(samples_root, folders, registry=registry, workers=workers, timeout=timeout, only=recheck)
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
