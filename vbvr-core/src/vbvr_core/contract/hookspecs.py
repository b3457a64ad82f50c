"""The plugin contract: every hook a VBVR plugin may implement. Each docstring *is* the contract.

A task package registers one entry point in the ``vbvr`` group, named by its task key, pointing at a
small module (conventionally ``<import_name>.plugin``) that implements :func:`vbvr_register_task`.
That module must stay light: it names its generator and scorer by import string, so listing 150 tasks
imports none of their drawing code. Other plugins (checks, observers) implement the lifecycle hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from vbvr_core.contract.record import FailureRecord, SampleRecord
    from vbvr_core.contract.registration import TaskRegistration
    from vbvr_core.contract.sample import Sample

PROJECT = "vbvr"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def vbvr_register_task() -> TaskRegistration:
    """Return this package's task: its :class:`TaskInfo` and import strings of its generator and scorer."""


@hookspec
def vbvr_check_sample(task_key: str, sample: Sample) -> list[str]:
    """Return extra problems with a freshly generated sample (empty list when fine); problems cause a redraw."""


@hookspec
def vbvr_sample_saved(record: SampleRecord, location: str) -> None:
    """Observe a sample that was just written to ``location`` (a folder path or URL)."""


@hookspec
def vbvr_sample_failed(failure: FailureRecord) -> None:
    """Observe a sample that could not be made within the attempt budget (a dead letter)."""

