"""A generated sample in memory, and a saved sample as a scorer sees it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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
    """A saved sample as a scorer sees it: its folder, record and prompt, and the two reference frames.

    ``read_frame(name)`` gives a reference frame (``"first_frame"`` / ``"final_frame"``: an RGB array, or None
    for a final frame the sample does not have); each is read the first time a scorer asks for it (many
    scorers judge from the video alone) and kept."""

    path: Any
    record: SampleRecord
    read_frame: Callable[[str], np.ndarray | None] = field(repr=False)
    prompt: str = ""
    _frames: dict[str, np.ndarray | None] = field(default_factory=dict, repr=False)

    def _frame(self, name: str) -> np.ndarray | None:
        if name not in self._frames:
            self._frames[name] = self.read_frame(name)
        return self._frames[name]

    @property
    def first_frame(self) -> np.ndarray:
        """The puzzle as the model sees it (512×512 RGB)."""
        return self._frame("first_frame")  # type: ignore[return-value]  # read_frame raises if it is missing

    @property
    def final_frame(self) -> np.ndarray | None:
        """The solved state (512×512 RGB), or None for a task whose goal is text."""
        return self._frame("final_frame")

    @property
    def solution(self) -> dict[str, Any]:
        """The task's solution data, as the generator stored it."""
        return self.record.solution
