"""The plugin contract: every hook a VBVR plugin may implement. Each docstring *is* the contract.

A task package registers one entry point in the ``vbvr`` group, named by its task key, pointing at the
object its ``plugin`` module declares with :func:`vbvr_core.contract.declare_task`; that object implements
:func:`vbvr_register_task`. The module stays light: it names its generator and scorer by import string, so
listing 150 tasks imports none of their drawing code. Other plugins implement the lifecycle hooks; core's own
sample checks and dead-letter log are plugins on the same hooks (:mod:`vbvr_core.pipeline.lifecycle`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from vbvr_core.contract.record import FailureRecord
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
    """Return problems with a freshly generated sample of any task (empty list when fine); problems cause a redraw.

    For checks that hold across tasks (format, legibility policies); a task checks its own instances in its
    generator (``Reject`` and ``validate``).
    """


@hookspec
def vbvr_sample_failed(failure: FailureRecord) -> None:
    """Observe a sample that could not be made within the attempt budget (a dead letter)."""
