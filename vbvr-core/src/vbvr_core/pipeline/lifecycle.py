"""Core's own plugin on the lifecycle hooks: the format every sample must have, and the dead-letter log.

Registered into every plugin manager (:func:`vbvr_core.discovery.plugin_manager`), so core's checks run
through the same hooks as a third party's.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from vbvr_core.contract.hookspecs import hookimpl
from vbvr_core.contract.info import FRAME_SIZE

if TYPE_CHECKING:  # the hooks only receive these; importing the models is left to whoever builds them
    from vbvr_core.contract import FailureRecord, Sample

log = logging.getLogger("vbvr_core.pipeline")


@hookimpl
def vbvr_check_sample(task_key: str, sample: Sample) -> list[str]:
    """Frames are 512×512 RGB uint8; there is a final frame or a goal text; the prompt is not empty."""
    problems = []
    for name, frame in (("first_frame", sample.first_frame), ("final_frame", sample.final_frame)):
        if frame is None:
            continue
        if frame.shape != (FRAME_SIZE, FRAME_SIZE, 3) or str(frame.dtype) != "uint8":
            problems.append(f"{name} is {frame.shape} {frame.dtype}, expected ({FRAME_SIZE}, {FRAME_SIZE}, 3) uint8")
    if sample.final_frame is None and not sample.goal_text:
        problems.append("sample has neither a final frame nor a goal text")
    if not sample.prompt.strip():
        problems.append("prompt is empty")
    return problems


@hookimpl
def vbvr_sample_failed(failure: FailureRecord) -> None:
    """Log a dead letter as a warning: the task, index, seed, attempts and the last problem."""
    last = failure.problems[-1] if failure.problems else "no problem recorded"
    log.warning("%s sample %d (seed %d) failed after %d attempts: %s",
                failure.task_key, failure.index, failure.seed, failure.attempts, last)
