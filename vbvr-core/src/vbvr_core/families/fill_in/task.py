"""The generator flow every fill-in task shares: the picture posed with its empty place(s), the answer revealed.

A task's generator subclasses :class:`FillInGenerator`. Its ``generate`` builds the puzzle by the task's rules
(raising ``Reject`` where they leave the answer undetermined), renders the first frame (the empty places) and the
final frame (the answer in them), and returns :meth:`FillInGenerator.revealed`: the sample whose video is
:func:`~vbvr_core.families.fill_in.draw.reveal_video` of the target boxes, one after another. The task's
``Params`` carry ``reveal_frames`` (frames per box, e.g. the ``RevealFrames`` field) unless it overrides
:meth:`FillInGenerator.frames_per_box`; ``style`` (``"wipe"`` or ``"fade"``) and :meth:`FillInGenerator.holds`
shape the video. A near miss that draws a wrong answer in the same way is :meth:`FillInGenerator.wrong_answer`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import numpy as np

from vbvr_core.contract import Box, Sample, TaskSolution
from vbvr_core.contract.sample import FrameSource
from vbvr_core.families.fill_in.draw import reveal_video
from vbvr_core.pipeline.generator import BaseGenerator


class FillInGenerator(BaseGenerator):
    """A fill-in task's generator: the video reveals the answer box by box (see the module)."""

    style: ClassVar[str] = "wipe"

    def frames_per_box(self, count: int) -> int:
        """Frames over which each of ``count`` boxes is revealed: ``params.reveal_frames`` unless overridden."""
        return self.params.reveal_frames

    def holds(self) -> tuple[int, int]:
        """How many times the video shows the first frame before the reveal and the final frame after it."""
        return 1, 0

    def reveal(self, first: np.ndarray, final: np.ndarray, boxes: Sequence[Box]) -> Iterator[np.ndarray]:
        """The video from ``first`` to ``final``: each of ``boxes`` revealed in turn, in ``style``, between
        :meth:`holds`."""
        hold, end_hold = self.holds()
        return reveal_video(first, final, boxes, self.frames_per_box(len(boxes)), self.style, hold, end_hold)

    def revealed(self, first: np.ndarray, final: np.ndarray, boxes: Sequence[Box], prompt: str,
                 solution: TaskSolution, **extra: Any) -> Sample:
        """The sample: ``first`` and ``final`` frames, the video revealing ``boxes`` (:meth:`reveal`), ``prompt``,
        ``solution`` and this instance's params; ``extra`` goes to :class:`Sample` (e.g. ``hold_frames``)."""
        return Sample(first_frame=first, final_frame=final, prompt=prompt, solution=solution, params=self.params,
                      trajectory=lambda: self.reveal(first, final, boxes), **extra)

    def wrong_answer(self, sample: Sample, wrong: np.ndarray, boxes: Sequence[Box]) -> FrameSource:
        """A near miss: ``sample``'s video with ``wrong`` (a picture holding a wrong answer) revealed instead of
        its final frame, in the same boxes and the same way (only what ``wrong`` shows inside ``boxes`` is seen)."""
        return lambda: self.reveal(sample.first_frame, wrong, boxes)
