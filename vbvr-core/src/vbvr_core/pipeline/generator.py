"""``BaseGenerator``: the class every task's generator subclasses.

A subclass declares ``info`` (a :class:`TaskInfo`) and ``Params`` (a :class:`TaskParams` subclass with
bounds), and implements two methods:

- ``draw_params(rng, difficulty)`` → dict of parameter values drawn for that difficulty stratum;
- ``generate()`` → :class:`Sample`, built from ``self.params`` and ``self.rng`` alone.

It may extend ``validate(sample)`` (call ``super().validate(sample)`` first). Saving is shared
(:func:`vbvr_core.pipeline.sample_io.save_sample`). All randomness comes from ``self.rng``, seeded with ``seed``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Sample, SampleRecord, TaskInfo, TaskParams
from vbvr_core.pipeline.seeds import rng as make_rng


class BaseGenerator(ABC):
    """Draws, solves and renders one task instance from a seed.

    ``params`` may fix some parameters (a dict or a ``Params`` instance); the rest are drawn.
    Out-of-bounds values raise ``pydantic.ValidationError`` naming the field and its bounds.
    """

    info: ClassVar[TaskInfo]
    Params: ClassVar[type[TaskParams]]
    max_attempts: ClassVar[int] = 20

    def __init__(self, seed: int, params: TaskParams | dict[str, Any] | None = None):
        self.seed = int(seed)
        self.rng = make_rng(self.seed)
        overrides = params.model_dump() if isinstance(params, TaskParams) else dict(params or {})
        unknown = sorted(set(overrides) - set(self.Params.model_fields))
        if unknown:
            raise ValueError(
                f"{self.info.key}: unknown parameter(s) {unknown}; known: {sorted(self.Params.model_fields)}"
            )
        self.overrides = overrides
        difficulty = overrides.get("difficulty")
        if difficulty is None:
            difficulty = int(self.rng.integers(0, 3))
        else:  # refuse an out-of-range stratum before draw_params looks it up
            difficulty = TaskParams.model_validate({"difficulty": difficulty}).difficulty
        drawn = self.draw_params(self.rng, int(difficulty))
        self.params = self.Params.model_validate({**drawn, **overrides, "difficulty": difficulty})

    @abstractmethod
    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Draw parameter values for one difficulty stratum (0 easy, 1 medium, 2 hard).

        Values fixed by the caller are in ``self.overrides`` and win over drawn ones.
        """

    @abstractmethod
    def generate(self) -> Sample:
        """Build the instance from ``self.params`` and ``self.rng``, solve it, render it."""

    def validate(self, sample: Sample) -> list[str]:
        """Return the problems with ``sample`` (empty when it is fit to save).

        The base checks the shared format; tasks add their own (solvable, unambiguous, no occlusion).
        """
        problems = []
        for name, frame in (("first_frame", sample.first_frame), ("final_frame", sample.final_frame)):
            if frame is None:
                continue
            if frame.shape != (FRAME_SIZE, FRAME_SIZE, 3) or frame.dtype != np.uint8:
                problems.append(f"{name} is {frame.shape} {frame.dtype}, expected (512, 512, 3) uint8")
        if sample.final_frame is None and not sample.goal_text:
            problems.append("sample has neither a final frame nor a goal text")
        if not sample.prompt.strip():
            problems.append("prompt is empty")
        return problems

    def save(self, sample: Sample, dest: str | Path, **record_fields: Any) -> SampleRecord:
        """Write ``sample`` into folder ``dest`` atomically; see :func:`vbvr_core.pipeline.sample_io.save_sample`.

        ``seed`` defaults to this generator's seed; :func:`vbvr_core.pipeline.produce.produce` passes the sample's
        base seed and the attempt number instead.
        """
        from vbvr_core.pipeline.sample_io import save_sample

        record_fields.setdefault("seed", self.seed)
        return save_sample(sample, Path(dest), info=self.info, **record_fields)
