"""A generated sample in memory, and a saved sample as a scorer sees it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from vbvr_core.contract.params import TaskParams
from vbvr_core.contract.record import SampleRecord

if TYPE_CHECKING:
    import numpy as np

FrameSource = Callable[[], Iterator["np.ndarray"]]


class TaskSolution(BaseModel):
    """Base class of a task's solution: the JSON-able facts its scorer needs (geometry, answer, optimum).

    Written into ``metadata.json`` as it is, so it holds what the scorer reads and nothing else (no flags
    that only the generator's checks need). A scorer reads it back with ``Solution.model_validate(sample.solution)``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass
class Sample:
    """One generated instance, in memory, before it is saved.

    ``trajectory`` is a callable that returns a fresh iterator over the solution frames (HxWx3 uint8,
    from the start state to the end state), so a video of any length is streamed, never held whole.
    ``solution`` is the task's :class:`TaskSolution` (what the scorer needs: geometry, answer, optimum).
    """

    first_frame: np.ndarray
    prompt: str
    trajectory: FrameSource
    solution: TaskSolution
    params: TaskParams
    final_frame: np.ndarray | None = None
    goal_text: str | None = None
    hold_frames: int = 12


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
