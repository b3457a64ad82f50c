"""The contract a task package imports: task info, parameters, samples, records, scores, registration.

Pydantic and the standard library only, so a task's ``plugin`` module (which imports from here) loads in
milliseconds: no numpy, PyAV or OpenCV. Everything that computes lives in the other subpackages.

Names are imported from their modules on first use (PEP 562), so code that needs one light module (task
keys, to list installed tasks) does not build every pydantic model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_MODULE_OF = {
    "Box": "geometry", "Cell": "geometry", "Point": "geometry",
    "hookimpl": "hookspecs",
    "FPS": "info", "FRAME_SIZE": "info", "Category": "info", "TaskInfo": "info",
    "Strata": "params", "TaskParams": "params", "Uniform": "params",
    "FailureRecord": "record", "FileDigest": "record", "PackageFacts": "record", "SampleRecord": "record",
    "VideoFacts": "record",
    "TaskRegistration": "registration", "declare_task": "registration",
    "FrameSource": "sample", "Sample": "sample", "SampleRef": "sample", "TaskSolution": "sample",
    "Score": "score",
}

__all__ = [
    "FPS", "FRAME_SIZE", "Box", "Category", "Cell", "FailureRecord", "FileDigest", "FrameSource", "PackageFacts",
    "Point", "Sample", "SampleRecord", "SampleRef", "Score", "Strata", "TaskInfo", "TaskParams", "TaskRegistration",
    "TaskSolution", "Uniform", "VideoFacts", "declare_task", "hookimpl",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'vbvr_core.contract' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"vbvr_core.contract.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from vbvr_core.contract.geometry import Box, Cell, Point
    from vbvr_core.contract.hookspecs import hookimpl
    from vbvr_core.contract.info import FPS, FRAME_SIZE, Category, TaskInfo
    from vbvr_core.contract.params import Strata, TaskParams, Uniform
    from vbvr_core.contract.record import FailureRecord, FileDigest, PackageFacts, SampleRecord, VideoFacts
    from vbvr_core.contract.registration import TaskRegistration, declare_task
    from vbvr_core.contract.sample import FrameSource, Sample, SampleRef, TaskSolution
    from vbvr_core.contract.score import Score
