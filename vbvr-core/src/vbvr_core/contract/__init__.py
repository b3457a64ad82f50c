"""The contract a task package imports: task info, parameters, samples, records, scores, registration.

Pydantic and the standard library only, so a task's ``plugin`` module (which imports from here) loads in
milliseconds: no numpy, PyAV or OpenCV. Everything that computes lives in the other subpackages.
"""

from vbvr_core.contract.geometry import Box, Cell, Point
from vbvr_core.contract.hookspecs import hookimpl
from vbvr_core.contract.info import FPS, FRAME_SIZE, Category, TaskInfo
from vbvr_core.contract.params import Strata, TaskParams, Uniform
from vbvr_core.contract.record import FailureRecord, FileDigest, PackageFacts, SampleRecord, VideoFacts
from vbvr_core.contract.registration import TaskRegistration, declare_task
from vbvr_core.contract.sample import FrameSource, Sample, SampleRef, TaskSolution
from vbvr_core.contract.score import Score

__all__ = [
    "Box", "Cell", "Point", "TaskSolution",
    "FPS", "FRAME_SIZE", "Category", "FailureRecord", "FileDigest", "FrameSource", "PackageFacts", "Sample",
    "SampleRecord", "SampleRef", "Score", "Strata", "TaskInfo", "TaskParams", "TaskRegistration", "Uniform", "VideoFacts",
    "declare_task", "hookimpl",
]
