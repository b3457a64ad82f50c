"""``produce(task, seed)``: generate → validate → on problems redraw with a derived seed → save.

Attempt 0 uses the sample's seed; attempt ``k`` uses ``derive_seed(seed, "attempt", k)``, so a retry is
as reproducible as a first draw. A sample that still has problems after ``max_attempts`` becomes a
:class:`FailureRecord` (a dead letter) with every attempt's problems and the last traceback.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic

from vbvr_core.contract import FailureRecord, PackageFacts, Sample, SampleRecord, TaskRegistration
from vbvr_core.contract.keys import dist_name, import_name
from vbvr_core.discovery import get_task, plugin_manager
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.pipeline.provenance import package_facts
from vbvr_core.pipeline.seeds import derive_seed


class MissingCommitError(RuntimeError):
    """Raised when ``require_commit`` is set and the task package's commit cannot be resolved."""


@dataclass
class Drawn:
    """A valid sample in memory, with the generator that made it and the attempt that succeeded."""

    sample: Sample
    generator: BaseGenerator
    attempt: int
    seed: int


def attempt_seed(seed: int, attempt: int) -> int:
    """The seed of attempt ``attempt`` of a sample whose seed is ``seed``."""
    return seed if attempt == 0 else derive_seed(seed, "attempt", attempt)


def sample_problems(task_key: str, generator: BaseGenerator, sample: Sample) -> list[str]:
    """Every problem with a generated sample: the task's ``validate`` and every ``vbvr_check_sample`` plugin's."""
    found = list(generator.validate(sample))
    for extra in plugin_manager().hook.vbvr_check_sample(task_key=task_key, sample=sample):
        found.extend(extra or [])
    return found


def _as_registration(task: str | TaskRegistration) -> TaskRegistration:
    return get_task(task) if isinstance(task, str) else task


def draw(
    task: str | TaskRegistration,
    seed: int,
    *,
    index: int = 0,
    params: dict[str, Any] | None = None,
    max_attempts: int | None = None,
    first_attempt: int = 0,
    report: bool = True,
) -> Drawn | FailureRecord:
    """Draw a valid sample of ``task`` for ``seed``, retrying with derived seeds; never raises for task bugs.

    ``first_attempt`` lets a caller continue the attempt sequence (the factory does, to redraw duplicates).
    When every attempt fails the ``vbvr_sample_failed`` hook hears of it, unless ``report`` is False (a trial
    draw, such as re-drawing a saved sample under each likely set of overrides, is no failure to log).
    """
    registration = _as_registration(task)
    generator_class = registration.load_generator()
    budget = max_attempts or generator_class.max_attempts
    problems: list[str] = []
    last_traceback = None
    for attempt in range(first_attempt, first_attempt + budget):
        current_seed = attempt_seed(seed, attempt)
        try:
            generator = generator_class(current_seed, params)
        except (pydantic.ValidationError, ValueError) as error:
            # Bad parameter overrides fail the same way on every seed: no point retrying.
            return FailureRecord(
                task_key=registration.key, index=index, seed=seed, attempts=attempt - first_attempt + 1,
                problems=[f"invalid params: {error}"], traceback=None,
            )
        try:
            sample = generator.generate()
            found = sample_problems(registration.key, generator, sample)
        except Reject as rejection:
            found = [str(rejection) or "rejected without a reason"]
        except Exception as error:  # noqa: BLE001 - a task bug becomes a dead letter, not a crash
            found = [f"{type(error).__name__}: {error}"]
            last_traceback = traceback.format_exc()
        if not found:
            return Drawn(sample=sample, generator=generator, attempt=attempt, seed=seed)
        problems.extend(f"attempt {attempt}: {problem}" for problem in found)
    failure = FailureRecord(
        task_key=registration.key, index=index, seed=seed, attempts=budget,
        problems=problems, traceback=last_traceback,
    )
    if report:
        plugin_manager().hook.vbvr_sample_failed(failure=failure)
    return failure


def task_package(registration: TaskRegistration, require_commit: bool = False) -> PackageFacts:
    """Provenance of the package that provides ``registration``; raises when required and unknown."""
    facts = package_facts(dist_name(registration.key), import_name(registration.key))
    if require_commit and not facts.commit:
        raise MissingCommitError(
            f"{registration.key}: cannot resolve the git commit of {facts.dist} {facts.version} "
            "(not baked into the wheel, not a git+ install, not in a git checkout). Install it from a "
            "release wheel or a checkout, or allow unknown commits."
        )
    return facts


def save_drawn(
    drawn: Drawn,
    registration: TaskRegistration,
    dest: str | Path,
    *,
    index: int = 0,
    split: str | None = None,
    package: PackageFacts | None = None,
) -> SampleRecord:
    """Save a drawn sample into folder ``dest``."""
    record = drawn.generator.save(
        drawn.sample, dest, package=package or task_package(registration), index=index,
        attempt=drawn.attempt, split=split, seed=drawn.seed,
    )
    return record


def produce(
    task: str | TaskRegistration,
    seed: int,
    dest: str | Path,
    *,
    index: int = 0,
    split: str | None = None,
    params: dict[str, Any] | None = None,
    max_attempts: int | None = None,
    require_commit: bool = False,
) -> SampleRecord | FailureRecord:
    """Generate, validate (retrying with derived seeds) and save one sample into folder ``dest``."""
    registration = _as_registration(task)
    package = task_package(registration, require_commit)
    drawn = draw(registration, seed, index=index, params=params, max_attempts=max_attempts)
    if isinstance(drawn, FailureRecord):
        return drawn
    return save_drawn(drawn, registration, dest, index=index, split=split, package=package)
