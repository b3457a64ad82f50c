"""The robustness certificate of a task: its samples' probe scores judged against the one threshold table.

Per probe (group + name), over the task's samples (limits from :mod:`vbvr_core.judge.thresholds`):

- ``oracle``: every sample ≥ ``ORACLE_MIN``;
- ``variant`` and ``alternative``: every sample ≥ ``VARIANT_MIN`` and the mean ≥ ``VARIANT_MEAN_MIN``;
- ``shortcut``: every sample ≤ ``SHORTCUT_MAX`` — except the jump-cut and cross-fade of an end-state task
  (``process_required=False``), which show the right answer and are *exempt*;
- ``near_miss``: every sample strictly below that sample's oracle.

A task passes when no probe misses. :func:`certificate_rows` gives the rows every view shows (the bench's
table and JSON, the review gallery, the Markdown table), failing probes first.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from vbvr_core.judge.baselines import ANSWER_ONLY
from vbvr_core.judge.robustness import GROUPS, SampleRobustness
from vbvr_core.judge.thresholds import ORACLE_MIN, SHORTCUT_MAX, VARIANT_MEAN_MIN, VARIANT_MIN

PASS, MISS, EXEMPT = "pass", "miss", "exempt"


@dataclass
class ProbeVerdict:
    """One probe of one task over its samples: per-sample values, their mean, the limit, and the verdict."""

    group: str
    name: str
    values: dict[str, float]
    limit: str
    status: str
    problem: str = ""
    videos: dict[str, str] = field(default_factory=dict)

    @property
    def mean(self) -> float:
        """The mean over the task's samples."""
        return statistics.fmean(self.values.values()) if self.values else float("nan")


@dataclass
class TaskCertificate:
    """A task's verdicts (one per probe), notes on probes that could not be made, and ``errors``: samples whose
    suite did not finish (crashed, timed out), which fail the certificate."""

    task_key: str
    process_required: bool
    verdicts: list[ProbeVerdict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def misses(self) -> list[ProbeVerdict]:
        """The probes that missed their limit."""
        return [verdict for verdict in self.verdicts if verdict.status == MISS]

    @property
    def passed(self) -> bool:
        """True when every sample's suite finished, at least one was judged, and no probe missed."""
        return bool(self.verdicts) and not self.misses and not self.errors

    def means(self) -> dict[str, float]:
        """``{name: mean}`` of every probe (names are unique across groups)."""
        return {verdict.name: verdict.mean for verdict in self.verdicts}

    def to_dict(self) -> dict:
        """JSON-able form (``vbvr-bench validate-scorers --robustness --json``)."""
        return {
            "task_key": self.task_key, "passed": self.passed, "process_required": self.process_required,
            "notes": self.notes, "errors": self.errors,
            "probes": [{"group": v.group, "name": v.name, "status": v.status, "mean": round(v.mean, 4),
                        "limit": v.limit, "problem": v.problem,
                        "values": {sample: round(value, 4) for sample, value in v.values.items()}}
                       for v in self.verdicts],
        }


def _judge(group: str, name: str, values: dict[str, float], oracle: dict[str, float],
           process_required: bool) -> tuple[str, str, str]:
    """(limit, status, problem) of one probe."""
    worst_low = min(values, key=values.get)
    worst_high = max(values, key=values.get)
    mean = statistics.fmean(values.values())
    if group == "oracle":
        limit = f"each ≥ {ORACLE_MIN}"
        if values[worst_low] < ORACLE_MIN:
            return limit, MISS, f"sample {worst_low} scores {values[worst_low]:.3f}"
    elif group in ("variant", "alternative"):
        limit = f"each ≥ {VARIANT_MIN}, mean ≥ {VARIANT_MEAN_MIN}"
        if values[worst_low] < VARIANT_MIN:
            return limit, MISS, f"sample {worst_low} scores {values[worst_low]:.3f}"
        if mean < VARIANT_MEAN_MIN:
            return limit, MISS, f"mean {mean:.3f}"
    elif group == "shortcut":
        limit = f"each ≤ {SHORTCUT_MAX}"
        if name in ANSWER_ONLY and not process_required:
            return "exempt: end-state task", EXEMPT, ""
        if values[worst_high] > SHORTCUT_MAX:
            return limit, MISS, f"sample {worst_high} scores {values[worst_high]:.3f}"
    else:
        limit = "each < its oracle"
        above = [sample for sample, value in values.items() if value >= oracle.get(sample, 1.0)]
        if above:
            return limit, MISS, f"sample {above[0]} scores {values[above[0]]:.3f}, not below its oracle"
    return limit, PASS, ""


def certify(task_key: str, samples: Sequence[SampleRobustness]) -> TaskCertificate:
    """Judge ``samples`` (one task's :class:`SampleRobustness` results) probe by probe."""
    process_required = samples[0].process_required if samples else True
    certificate = TaskCertificate(task_key, process_required)
    collected: dict[tuple[str, str], dict[str, float]] = {}
    videos: dict[tuple[str, str], dict[str, str]] = {}
    for result in samples:
        certificate.notes.extend(f"sample {result.sample}: {note}" for note in result.notes)
        for score in result.scores:
            collected.setdefault((score.group, score.name), {})[result.sample] = score.value
            videos.setdefault((score.group, score.name), {})[result.sample] = score.video
    oracle = collected.get(("oracle", "oracle"), {})
    order = {group: position for position, group in enumerate(GROUPS)}
    for (group, name), values in sorted(collected.items(), key=lambda item: order[item[0][0]]):
        limit, status, problem = _judge(group, name, values, oracle, process_required)
        certificate.verdicts.append(ProbeVerdict(group, name, values, limit, status, problem, videos[(group, name)]))
    return certificate


def certificate_rows(certificate: TaskCertificate) -> list[ProbeVerdict]:
    """The task's verdicts for display: misses first, then the rest, each in suite order."""
    return certificate.misses + [verdict for verdict in certificate.verdicts if verdict.status != MISS]


def certificate_matrix(certificates: Sequence[TaskCertificate]) -> list[tuple[str, str, list[ProbeVerdict | None]]]:
    """Rows ``(group, name, [verdict of each certificate or None])`` over every probe any certificate has, in
    suite order: the probe × task table of ``vbvr-bench validate-scorers --robustness``."""
    order = {group: position for position, group in enumerate(GROUPS)}
    seen: dict[tuple[str, str], int] = {}
    for certificate in certificates:
        for verdict in certificate.verdicts:
            seen.setdefault((verdict.group, verdict.name), len(seen))
    probes = sorted(seen, key=lambda probe: (order[probe[0]], seen[probe]))
    lookup = [{(v.group, v.name): v for v in certificate.verdicts} for certificate in certificates]
    return [(group, name, [found.get((group, name)) for found in lookup]) for group, name in probes]
