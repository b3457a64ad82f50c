"""vbvr-core: the contract every VBVR task implements, and the machinery all parts share.

Import what a task needs from here::

    from vbvr_core import BaseGenerator, Category, Sample, Score, TaskInfo, TaskParams
"""

from vbvr_core.generator import BaseGenerator
from vbvr_core.hookspecs import hookimpl
from vbvr_core.plugins import TaskRegistration, UnknownTaskError, get_task, list_tasks
from vbvr_core.produce import draw, produce
from vbvr_core.task import (
    FPS,
    FRAME_SIZE,
    Category,
    FailureRecord,
    Sample,
    SampleRecord,
    SampleRef,
    Score,
    TaskInfo,
    TaskParams,
)
from vbvr_core.video import VideoClip, VideoReader

__all__ = [
    "FPS", "FRAME_SIZE", "BaseGenerator", "Category", "FailureRecord", "Sample", "SampleRecord", "SampleRef",
    "Score", "TaskInfo", "TaskParams", "TaskRegistration", "UnknownTaskError", "VideoClip", "VideoReader",
    "draw", "get_task", "hookimpl", "list_tasks", "produce",
]
