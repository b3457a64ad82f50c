"""The data shapes of a task: its info, a generated sample, a saved sample's record, a score.

These are the nouns of DESIGN.md's plugin contract. They hold data only; behaviour lives in
:mod:`vbvr_core.generator` (drawing instances), :mod:`vbvr_core.sample_io` (saving) and the tasks'
scorers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator

from vbvr_core.keys import validate_key

FRAME_SIZE = 512
FPS = 24


class Category(StrEnum):
    """The five cognitive categories of the VBVR suite."""

    PERCEPTION = "perception"
    TRANSFORMATION = "transformation"
    SPATIALITY = "spatiality"
    ABSTRACTION = "abstraction"
    KNOWLEDGE = "knowledge"


class TaskInfo(BaseModel):
    """What a task is: its key, title, category and description.

    ``process_required`` says whether the solution video must show a process (a path, moves, steps):
    for such tasks a video that cuts straight to the final frame must score low.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    title: str = Field(min_length=3)
    category: Category
    description: str = Field(min_length=10)
    process_required: bool = True
    goal_is_text: bool = False

    @field_validator("key")
    @classmethod
    def _key_is_valid(cls, key: str) -> str:
        return validate_key(key)


class TaskParams(BaseModel):
    """Base class of a task's parameter space.

    Every field declares its bounds (``Field(ge=…, le=…)``) and its meaning (``description``).
    ``difficulty`` selects a stratum; generators draw the other fields from it with the seed.
    Unknown fields are refused, so a typo in a registry override is an error, not a silent no-op.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    difficulty: int = Field(1, ge=0, le=2, description="difficulty stratum: 0 easy, 1 medium, 2 hard")


FrameSource = Callable[[], Iterator[np.ndarray]]


@dataclass
class Sample:
    """One generated instance, in memory, before it is saved.

    ``trajectory`` is a callable that returns a fresh iterator over the solution frames (HxWx3 uint8,
    from the start state to the end state), so a video of any length is streamed, never held whole.
    ``solution`` is the JSON-able data the scorer needs (geometry, answer, optimal path length, ...).
    """

    first_frame: np.ndarray
    prompt: str
    trajectory: FrameSource
    solution: dict[str, Any]
    params: TaskParams
    final_frame: np.ndarray | None = None
    goal_text: str | None = None
    hold_frames: int = 12


class FileDigest(BaseModel):
    """Name and sha256 of one file of a saved sample."""

    name: str
    sha256: str
    bytes: int


class VideoFacts(BaseModel):
    """Facts about a saved ground-truth video, read back from the file."""

    frames: int
    fps: int
    width: int
    height: int
    codec: str
    pix_fmt: str
    decoded_sha256: str


class PackageFacts(BaseModel):
    """The task package that made a sample: dist, version, git commit and dirty flag."""

    dist: str
    version: str
    commit: str | None
    dirty: bool | None
    commit_source: str


class SampleRecord(BaseModel):
    """The contents of ``metadata.json``: everything needed to trust and reproduce a saved sample.

    No timestamps or host names: a rerun of the same package commit and seed gives the same bytes.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = 1
    task_key: str
    category: Category
    split: str | None = None
    index: int
    seed: int
    attempt: int
    params: dict[str, Any]
    params_hash: str
    content_hash: str
    package: PackageFacts
    core_version: str
    video: VideoFacts
    files: list[FileDigest]
    solution: dict[str, Any]


class FailureRecord(BaseModel):
    """A dead letter: a sample that could not be made within the attempt budget."""

    task_key: str
    index: int
    seed: int
    attempts: int
    problems: list[str]
    traceback: str | None = None


class Score(BaseModel):
    """A scorer's verdict on one video: ``value`` in [0, 1], per-criterion ``parts``, and why."""

    value: float = Field(ge=0.0, le=1.0)
    parts: dict[str, float] = Field(default_factory=dict)
    reason: str = ""

    @classmethod
    def zero(cls, reason: str, **parts: float) -> Score:
        """A score of 0 that says why (bad video, missing file, ...)."""
        return cls(value=0.0, parts=dict(parts), reason=reason)


@dataclass
class SampleRef:
    """A saved sample as a scorer sees it: its folder, record and the two reference frames."""

    path: Any
    record: SampleRecord
    first_frame: np.ndarray
    final_frame: np.ndarray | None = None
    prompt: str = ""

    @property
    def solution(self) -> dict[str, Any]:
        """The task's solution data, as the generator stored it."""
        return self.record.solution
