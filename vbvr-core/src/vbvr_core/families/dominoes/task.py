"""The flow every domino task's generator shares: lay the dominoes out, run the chain, check it, draw it.

A task's generator subclasses :class:`ChainGenerator` and gives its rules as hooks: ``height`` (a domino's
length, how far it reaches when it falls, px), :meth:`~ChainGenerator.lay_out` (its dominoes, rejecting a layout
that does not fit), :meth:`~ChainGenerator.problem` (why the chain reaction of that layout cannot be used),
:meth:`~ChainGenerator.floor` (the floor with what the task draws on it: arrows, labels, a legend) and
:meth:`~ChainGenerator.prompt`; its ``Solution`` is a :class:`~vbvr_core.families.dominoes.scene.ChainSolution`,
with the task's own facts from :meth:`~ChainGenerator.facts`. The alternatives are the right chain reaction with the
fallen dominoes painted otherwise; a task's near misses replay wrong schedules on ``self.chain``.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, ClassVar, Protocol

import numpy as np

from vbvr_core.contract import Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.families.dominoes.chain import Domino, Fall, fall
from vbvr_core.families.dominoes.judge import MIN_GROUND, ground_sizes
from vbvr_core.families.dominoes.scene import ChainScene
from vbvr_core.pipeline.generator import BaseGenerator, Reject


class Layout(Protocol):
    """What :meth:`ChainGenerator.lay_out` returns: the dominoes in pushing order (domino 0 is pushed), with
    whatever else the task's floor, prompt and near misses need."""

    dominoes: list[Domino]


class ChainGenerator(BaseGenerator):
    """A domino task's generator: :meth:`lay_out` → :func:`~vbvr_core.families.dominoes.chain.fall` →
    :meth:`problem`, then every domino's free ground checked big enough to read (the judge's ``MIN_GROUND``) →
    :class:`~vbvr_core.families.dominoes.scene.ChainScene` over :meth:`floor` → the sample. After
    :meth:`generate`, ``self.layout`` and ``self.chain`` hold the layout and its scene for the near misses."""

    height: ClassVar[float]

    @abstractmethod
    def lay_out(self) -> Layout:
        """The task's dominoes, placed from ``self.params`` and ``self.rng`` (raise Reject when they do not fit)."""

    def problem(self, layout: Any, result: Fall) -> str | None:
        """Why the chain reaction ``result`` of ``layout`` cannot be used (ambiguous, occluded, trivial), or None."""
        return None

    @abstractmethod
    def floor(self, layout: Any) -> np.ndarray:
        """The floor with what the task draws on it, no domino (a 512² frame)."""

    @abstractmethod
    def prompt(self, layout: Any) -> str:
        """The sample's prompt."""

    def facts(self, layout: Any) -> dict[str, Any]:
        """The task's own ``Solution`` fields beside the chain's (none by default)."""
        return {}

    def generate(self) -> Sample:
        """Lay out and check the chain, solve it, render the first frame, the falls and the end state."""
        layout = self.lay_out()
        result = fall(layout.dominoes, self.height)
        problem = self.problem(layout, result)
        if problem is None and min(ground_sizes(layout.dominoes, result.lies)) < MIN_GROUND:
            problem = "illegible: a domino's fall would cover too little free ground to be seen"
        if problem:
            raise Reject(problem)
        self.layout = layout
        self.chain = chain = ChainScene(self.floor(layout), layout.dominoes, result)
        solution = self.Solution(**chain.facts(self.height), **self.facts(layout))
        return chain.sample(self.prompt(layout), solution, self.params)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The right chain reaction with the fallen dominoes painted otherwise (kept blue, or brown): the rule is
        which dominoes fall and when, not our colour for a lying domino."""
        return self.chain.recoloured()
