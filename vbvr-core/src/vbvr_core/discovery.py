"""Discovery of installed tasks through the ``vbvr`` entry-point group, lazily.

``list_tasks()`` reads entry-point names and dist metadata only (no task code is imported), once per
``sys.path`` state in a process (:func:`vbvr_core.testing.helpers.forget_plugins` clears it after an
in-process install).
``get_task(key)`` loads that one task's light plugin module; its generator and scorer modules are
imported only when first used (:meth:`TaskRegistration.load_generator`, :meth:`~.load_scorer`).
"""

from __future__ import annotations

import difflib
import functools
import sys
import threading
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING

import pluggy

from vbvr_core.contract import hookspecs
from vbvr_core.contract.keys import KEY_PATTERN

if TYPE_CHECKING:
    from vbvr_core.contract.registration import TaskRegistration

ENTRY_POINT_GROUP = "vbvr"
_REGISTERING = threading.Lock()


class UnknownTaskError(LookupError):
    """Raised for a task key that no installed package registers; names the closest known keys."""

    def __init__(self, key: str, known: list[str]):
        self.key = key
        self.suggestions = difflib.get_close_matches(key, known, n=3, cutoff=0.4)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(
            f"unknown task {key!r}: no installed package registers it.{hint} "
            "Run `vbvr list` to see installed tasks; install one with `pip install vbvr-<id>-<name>`."
        )


class PluginError(RuntimeError):
    """Raised when an installed package breaks the plugin contract (says which and how)."""


@dataclass(frozen=True)
class InstalledTask:
    """A task as the entry points list it, before any of its code is imported."""

    key: str
    dist: str
    version: str
    entry_point: metadata.EntryPoint


def _entry_points() -> list[metadata.EntryPoint]:
    return sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def list_tasks() -> list[InstalledTask]:
    """Every installed task, sorted by key, from entry-point metadata alone (imports no task code)."""
    return list(_installed_tasks(tuple(sys.path)))


@functools.lru_cache(maxsize=8)
def _installed_tasks(search_path: tuple[str, ...]) -> tuple[InstalledTask, ...]:
    """The installed tasks as seen from ``search_path`` (the key of the cache: metadata is read once)."""
    tasks = []
    for entry_point in _entry_points():
        if not KEY_PATTERN.fullmatch(entry_point.name):
            continue  # a malformed name never reaches a path; `vbvr review` reports it
        dist = entry_point.dist
        tasks.append(
            InstalledTask(
                key=entry_point.name,
                dist=dist.metadata["Name"] if dist else "",
                version=dist.version if dist else "0+unknown",
                entry_point=entry_point,
            )
        )
    return tuple(tasks)


def known_keys() -> list[str]:
    """The keys of every installed task."""
    return [task.key for task in list_tasks()]


class TaskPluginManager(pluggy.PluginManager):
    """A plugin manager that looks for hook implementations under ``vbvr_`` names only.

    pluggy's default inspects every attribute of a plugin statically; a task's plugin object carries dozens
    (its info model, properties, dataclass machinery), and listing 100 tasks spent most of its time there.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        """Options of the ``vbvr_*`` hook implementation ``name``; None for every other attribute."""
        if not name.startswith(f"{hookspecs.PROJECT}_"):
            return None
        return super().parse_hookimpl_opts(plugin, name)


@functools.lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, with core's own lifecycle plugin registered; tasks join on lookup."""
    from vbvr_core.pipeline import lifecycle

    manager = TaskPluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(lifecycle, name="vbvr_core.lifecycle")
    return manager


@functools.cache
def get_task(key: str) -> TaskRegistration:
    """Load task ``key``'s entry point into the plugin manager and return what its ``vbvr_register_task`` gives.

    Raises :class:`UnknownTaskError` (with close matches) for a key no package registers, and
    :class:`PluginError` when the package's plugin does not register exactly that key.
    """
    installed = {task.key: task for task in list_tasks()}
    if key not in installed:
        raise UnknownTaskError(key, sorted(installed))
    entry_point = installed[key].entry_point
    manager = plugin_manager()
    with _REGISTERING:  # threads (the factory's verify, bench pools) may look the same task up at once
        if manager.get_plugin(key) is None:
            try:
                manager.register(entry_point.load(), name=key)
            except ValueError as error:  # pluggy refuses the same object under two names
                raise PluginError(f"{key}: entry point {entry_point.value} is registered under another key: "
                                  f"{error}") from None
    implementations = [impl for impl in manager.hook.vbvr_register_task.get_hookimpls() if impl.plugin_name == key]
    if not implementations:
        raise PluginError(
            f"{key}: entry point {entry_point.value} does not implement vbvr_register_task; point it at the "
            "object your plugin module declares with vbvr_core.contract.declare_task (e.g. <import name>.plugin:TASK)"
        )
    from vbvr_core.contract.registration import TaskRegistration  # pydantic models: built on the first lookup

    registration = implementations[0].function()
    if not isinstance(registration, TaskRegistration) or registration.key != key:
        raise PluginError(
            f"{key}: vbvr_register_task must return a TaskRegistration whose info.key is {key!r}, "
            f"got {registration!r}"
        )
    return registration


def installed_task(key: str) -> InstalledTask:
    """The entry-point view (dist, version) of task ``key``; raises :class:`UnknownTaskError`."""
    for task in list_tasks():
        if task.key == key:
            return task
    raise UnknownTaskError(key, known_keys())
