"""A domino task's sample: the facts its scorer reads, and the chain reaction drawn over the task's own floor.

A task lays out its dominoes, runs :func:`~vbvr_core.families.dominoes.chain.fall`, draws its floor (arrows,
labels, legend) and hands the three to :class:`ChainScene`, which makes the sample, the accepted alternatives
(fallen dominoes painted another colour) and any wrong schedule the task's near misses name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from vbvr_core.contract import Sample, TaskParams, TaskSolution
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE
from vbvr_core.families.dominoes.chain import Domino, Fall
from vbvr_core.families.dominoes.draw import STANDING, chain_frames, paint, progress_at


class ChainSolution(TaskSolution):
    """The dominoes (x, y, facing angle, width), how long each lies, and the fall schedule the scorer checks."""

    dominoes: list[tuple[float, float, float, float]]
    lies: list[float]
    starts: list[int | None]
    parents: list[int | None]
    height: float


@dataclass(frozen=True)
class ChainScene:
    """The chain reaction ``result`` of ``dominoes`` drawn over ``background`` (the floor with what the task draws
    on it, no domino)."""

    background: np.ndarray
    dominoes: Sequence[Domino]
    result: Fall

    def facts(self, height: float) -> dict[str, Any]:
        """The :class:`ChainSolution` fields of this chain of dominoes ``height`` px long."""
        return {"dominoes": [(d.x, d.y, d.angle, d.width) for d in self.dominoes], "lies": self.result.lies,
                "starts": self.result.starts, "parents": self.result.parents, "height": height}

    def sample(self, prompt: str, solution: ChainSolution, params: TaskParams) -> Sample:
        """The sample: every domino standing, the chain reaction domino by domino, the end state."""
        last = self.result.frames - 1
        return Sample(
            first_frame=paint(self.background, self.dominoes, self.result.lies, progress_at(self.result, 0)),
            final_frame=paint(self.background, self.dominoes, self.result.lies, progress_at(self.result, last)),
            prompt=prompt,
            trajectory=lambda: chain_frames(self.background, self.dominoes, self.result),
            solution=solution,
            params=params,
        )

    def replay(self, starts: list[int | None]) -> FrameSource:
        """The dominoes falling on the schedule ``starts`` (per domino, the frame it starts to fall, None: it
        stands), drawn like the right chain reaction: a wrong answer."""
        return lambda: chain_frames(self.background, self.dominoes, self.result, starts)

    def recoloured(self) -> dict[str, FrameSource]:
        """The right chain reaction with the fallen dominoes painted otherwise (``fallen_stay_blue``,
        ``fallen_brown``): the rule is which dominoes fall and when, not our colour for a lying domino."""
        return {name: (lambda color=color: chain_frames(self.background, self.dominoes, self.result, fallen=color))
                for name, color in (("fallen_stay_blue", STANDING), ("fallen_brown", PALETTE["brown"]))}
