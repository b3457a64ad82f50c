"""Checks and their results: the vocabulary of ``vbvr review``.

A check is a small function ``(context) -> Finding`` wrapped by :func:`check`, which gives it a group
and a name, times it, and turns a crash inside it into a ``fail`` that quotes the error. A finding's
message says what was found and, when the status is not ``pass``, what to fix.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vbvr_core.review.context import ReviewContext


class Status(StrEnum):
    """The verdict of one check: ``fail`` blocks a merge, ``warn`` asks a maintainer to look."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class Finding:
    """What a check found: a status and a message that names the problem and the fix."""

    status: Status
    message: str


def ok(message: str) -> Finding:
    """A ``pass`` finding."""
    return Finding(Status.PASS, message)


def warn(message: str) -> Finding:
    """A ``warn`` finding."""
    return Finding(Status.WARN, message)


def fail(message: str) -> Finding:
    """A ``fail`` finding."""
    return Finding(Status.FAIL, message)


class NotRunnable(Exception):
    """Raised inside a check when something it needs is missing (no samples, broken plugin); it fails with the reason."""


@dataclass
class CheckResult:
    """One check's verdict on one task, with the wall-clock seconds and this process's CPU seconds it took
    (shared set-up included: the first check that needs the samples pays for making them)."""

    group: str
    name: str
    status: Status
    message: str
    seconds: float = 0.0
    core_seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """True for a ``fail``."""
        return self.status is Status.FAIL


@dataclass(frozen=True)
class Check:
    """A named review check; call it with a :class:`ReviewContext` to get a :class:`CheckResult`."""

    group: str
    name: str
    function: Callable[[ReviewContext], Finding]

    @property
    def description(self) -> str:
        """The first line of the check's docstring: what it verifies."""
        return (self.function.__doc__ or self.name).strip().splitlines()[0]

    def __call__(self, context: ReviewContext) -> CheckResult:
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            finding = self.function(context)
        except NotRunnable as reason:
            finding = fail(f"not run: {reason}")
        except Exception as error:  # noqa: BLE001 - a task bug found by a check is a fail, not a crash
            where = traceback.extract_tb(error.__traceback__)[-1]
            finding = fail(f"crashed: {type(error).__name__}: {error} (at {where.filename}:{where.lineno})")
        return CheckResult(self.group, self.name, finding.status, finding.message, time.perf_counter() - started,
                           time.process_time() - started_cpu)


def check(group: str) -> Callable[[Callable[[ReviewContext], Finding]], Check]:
    """Decorator: make ``check_<name>(context) -> Finding`` a :class:`Check` of ``group`` named ``<name>``."""

    def wrap(function: Callable[[ReviewContext], Finding]) -> Check:
        return Check(group, function.__name__.removeprefix("check_"), function)

    return wrap


@dataclass
class ReviewReport:
    """Every check's result for one task, in the order they ran."""

    task_key: str
    results: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """True when any check failed (``vbvr review`` then exits 1)."""
        return any(result.failed for result in self.results)

    def counts(self) -> dict[str, int]:
        """How many checks ended in each status."""
        return {status.value: sum(1 for r in self.results if r.status is status) for status in Status}

    def to_dict(self) -> dict:
        """JSON-able form (``vbvr review --json``)."""
        return {
            "task_key": self.task_key,
            "failed": self.failed,
            "counts": self.counts(),
            "seconds": round(self.seconds, 2),
            "results": [
                {"group": r.group, "name": r.name, "status": r.status.value, "message": r.message,
                 "seconds": round(r.seconds, 2), "core_seconds": round(r.core_seconds, 2)}
                for r in self.results
            ],
        }
