"""A run plan: the registry resolved for one preset against the installed tasks.

:func:`build_plan` checks what only the installed packages can tell — the task exists, its version meets
the requirement, the parameter overrides fit its ``Params`` — and what the layout can hold, reporting each
problem at its line of the registry (:class:`~vbvr_factory.registry.RegistryError`). The plan is stored
in ``run.json``; its digest identifies a run, so ``--resume`` never mixes two different runs in one root.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pydantic
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version
from pydantic import BaseModel, Field
from vbvr_core import discovery
from vbvr_core.pipeline.sample_io import canonical_json

from vbvr_factory.layout import LayoutError, check_layout
from vbvr_factory.registry import LoadedRegistry, RegistryError, RegistryProblem


class TaskPlan(BaseModel):
    """One task of a run: key, split, sample count, parameter overrides, version requirement."""

    key: str
    split: str
    count: int
    params: dict[str, Any] = Field(default_factory=dict)
    version: str = ""


class RunPlan(BaseModel):
    """Everything that determines a run's samples (and nothing that does not, like worker count)."""

    seed: int
    preset: str | None
    layout: str
    tasks: list[TaskPlan]

    @property
    def digest(self) -> str:
        """sha256 of the plan's canonical JSON."""
        return hashlib.sha256(canonical_json(self.model_dump(mode="json")).encode("utf-8")).hexdigest()

    @property
    def total(self) -> int:
        """Samples requested over all tasks."""
        return sum(task.count for task in self.tasks)


def _task_problems(loaded: LoadedRegistry, task: TaskPlan, preset: str | None) -> list[RegistryProblem]:
    path = loaded.task_path(task.key, preset)
    try:
        installed = discovery.installed_task(task.key)
        registration = discovery.get_task(task.key)
    except discovery.UnknownTaskError as error:
        return [loaded.problem(path, f"task {task.key!r} is not installed", str(error).split(": ", 1)[-1])]
    except Exception as error:  # noqa: BLE001 - a broken plugin is reported, not raised
        return [loaded.problem(path, f"task {task.key!r} cannot be loaded: {error}", "reinstall its package")]
    problems = []
    if task.version:
        try:
            fits = Version(installed.version) in SpecifierSet(task.version)
        except InvalidVersion:
            fits = False
        if not fits:
            problems.append(loaded.problem(
                path, f"task {task.key!r} needs version {task.version}, installed is {installed.dist} {installed.version}",
                f"install a matching version (pip install '{installed.dist}{task.version}') or relax 'version:'"))
    try:
        registration.load_generator().Params.model_validate(task.params)
    except pydantic.ValidationError as error:
        for item in error.errors():
            name = str(item["loc"][0]) if item["loc"] else ""
            problems.append(loaded.problem(
                loaded.params_path(task.key, preset, name), f"{task.key} parameter {name!r}: {item['msg']} "
                f"(got {item.get('input')!r})",
                "see the task's Params (its generator module) for the allowed fields and bounds"))
    return problems


def build_plan(loaded: LoadedRegistry, preset: str | None = None, count: int | None = None,
               layout: str = "vbvr") -> RunPlan:
    """The plan of ``preset`` (None: the default run), optionally with every count set to ``count``."""
    registry = loaded.registry
    if preset is not None and preset not in registry.presets:
        known = ", ".join(sorted(registry.presets))
        fix = f"use one of: {known}" if known else "run without --preset, or define presets under 'presets:'"
        raise RegistryError([loaded.problem(("presets",), f"no preset named {preset!r}", fix)])
    seed, entries = registry.resolve(preset)
    tasks = [TaskPlan(key=entry.key, split=entry.split, count=count or entry.count, params=entry.params,
                      version=entry.version) for entry in entries]
    problems = []
    for task in tasks:
        problems.extend(_task_problems(loaded, task, preset))
        try:
            check_layout(layout, task.key, task.split, task.count)
        except LayoutError as error:
            problems.append(loaded.problem(loaded.task_path(task.key, preset), str(error), "see the message"))
    if problems:
        raise RegistryError(problems)
    return RunPlan(seed=seed, preset=preset, layout=layout, tasks=tasks)
