"""From rows to the numbers a leaderboard shows: per task, per category, per split and overall.

A task's score is the mean over its videos. A category's, a split's and the overall score are means
over *tasks* (every task weighs the same, however many samples it has), as in the VBVR paper.
Every mean comes with a 95% bootstrap interval: videos are resampled within each task (fixed seed,
1000 resamples) and the same resamples are averaged up to categories, splits and overall, so the
intervals at every level are consistent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
from vbvr_core.pipeline.seeds import derive_seed

from vbvr_benchmark.scoring import Row
from vbvr_benchmark.splits import CATEGORIES, SPLITS

RESAMPLES = 1000
CONFIDENCE = 0.95
BOOTSTRAP_SEED = 0


@dataclass(frozen=True)
class Estimate:
    """A mean with its bootstrap interval and how many tasks and videos it rests on."""

    mean: float
    low: float
    high: float
    tasks: int
    videos: int

    def as_dict(self) -> dict:
        """Plain JSON-able data."""
        return asdict(self)


@dataclass(frozen=True)
class TaskSummary:
    """A task's score with its category, split, scorer and how its videos fared (status → count)."""

    key: str
    category: str
    split: str
    scorer: str
    estimate: Estimate
    statuses: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Summary:
    """Everything the reports print: tasks, categories, splits, overall."""

    tasks: list[TaskSummary]
    categories: dict[str, Estimate]
    splits: dict[str, Estimate]
    overall: Estimate


def _interval(draws: np.ndarray) -> tuple[float, float]:
    tail = (1.0 - CONFIDENCE) / 2.0
    return float(np.quantile(draws, tail)), float(np.quantile(draws, 1.0 - tail))


def _task_draws(key: str, values: np.ndarray) -> np.ndarray:
    generator = np.random.default_rng(derive_seed(BOOTSTRAP_SEED, "bootstrap", key))
    picks = generator.integers(0, len(values), size=(RESAMPLES, len(values)))
    return values[picks].mean(axis=1)


def _pooled(keys: Iterable[str], means: dict[str, float], draws: dict[str, np.ndarray],
            counts: dict[str, int]) -> Estimate | None:
    keys = sorted(keys)
    if not keys:
        return None
    low, high = _interval(np.mean([draws[key] for key in keys], axis=0))
    return Estimate(mean=float(np.mean([means[key] for key in keys])), low=low, high=high, tasks=len(keys),
                    videos=sum(counts[key] for key in keys))


def summarize(rows: Sequence[Row]) -> Summary:
    """Aggregate rows (any order) into a :class:`Summary`; deterministic for the same rows."""
    by_task: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_task[row.key].append(row)
    means, draws, counts, tasks = {}, {}, {}, []
    for key in sorted(by_task):
        task_rows = sorted(by_task[key], key=lambda row: row.index)
        values = np.array([row.value for row in task_rows], dtype=np.float64)
        means[key], draws[key], counts[key] = float(values.mean()), _task_draws(key, values), len(values)
        low, high = _interval(draws[key])
        first = task_rows[0]
        tasks.append(TaskSummary(
            key=key, category=first.category, split=first.split, scorer=first.scorer,
            estimate=Estimate(means[key], low, high, tasks=1, videos=len(values)),
            statuses=dict(sorted(Counter(row.status for row in task_rows).items())),
        ))
    categories = {}
    for category in (*CATEGORIES, "unknown"):
        estimate = _pooled((t.key for t in tasks if t.category == category), means, draws, counts)
        if estimate is not None:
            categories[category] = estimate
    splits = {}
    for split in SPLITS:
        estimate = _pooled((t.key for t in tasks if t.split == split), means, draws, counts)
        if estimate is not None:
            splits[split] = estimate
    overall = _pooled(means, means, draws, counts) or Estimate(0.0, 0.0, 0.0, tasks=0, videos=0)
    return Summary(tasks=tasks, categories=categories, splits=splits, overall=overall)
