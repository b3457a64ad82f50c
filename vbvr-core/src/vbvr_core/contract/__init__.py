"""The contract a task package imports: task info, parameters, samples, records, scores, registration.

Pydantic and the standard library only, so a task's ``plugin`` module (which imports from here) loads in
milliseconds: no numpy, PyAV or OpenCV. Everything that computes lives in the other subpackages.
"""

from vbvr_core.contract.hookspecs import hookimpl
from vbvr_core.contract.info import FPS, FRAME_SIZE, Category, TaskInfo
from vbvr_core.contract.params import TaskParams
from vbvr_core.contract.record import FailureRecord, FileDigest, PackageFacts, SampleRecord, VideoFacts
from vbvr_core.contract.registration import TaskRegistration
from vbvr_core.contract.sample import FrameSource, Sample, SampleRef
from vbvr_core.contract.score import Score

__all__ = [
    "FPS", "FRAME_SIZE", "Category", "FailureRecord", "FileDigest", "FrameSource", "PackageFacts", "Sample",
    "SampleRecord", "SampleRef", "Score", "TaskInfo", "TaskParams", "TaskRegistration", "VideoFacts", "hookimpl",
]
