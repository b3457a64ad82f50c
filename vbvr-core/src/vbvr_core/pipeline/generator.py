"""``BaseGenerator``: the class every task's generator subclasses.

A subclass names its task's declaration, its ``Params`` (a :class:`TaskParams` subclass whose fields carry
their bounds and draws) and its ``Solution`` (a :class:`TaskSolution` subclass: what its scorer needs) as class
keywords, ``class MyGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution)``, and implements
``generate()`` → :class:`Sample`, built from ``self.params`` and ``self.rng`` alone. (The keywords set the class
attributes ``info``, ``Params`` and ``Solution``; a family's base may set some of them for its tasks.)
An instance that cannot be used (unsolvable, ambiguous, occluded, trivial) raises :class:`Reject` with the
reason; ``produce`` redraws it with the next attempt's seed. ``validate(sample)`` may add checks that need
the rendered sample. Saving is shared (:func:`vbvr_core.pipeline.sample_io.save_sample`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from vbvr_core.contract import Sample, SampleRecord, TaskInfo, TaskParams
from vbvr_core.contract.sample import TaskSolution
from vbvr_core.pipeline.seeds import rng as make_rng

if TYPE_CHECKING:
    from vbvr_core.contract.registration import TaskRegistration


class Reject(Exception):  # noqa: N818 - it is a verdict, not an error: the instance is redrawn
    """Raised by ``generate()`` for an instance that must not be saved; the message is the reason."""


class BaseGenerator(ABC):
    """Draws, solves and renders one task instance from a seed.

    ``params`` may fix some parameters (a dict or a ``Params`` instance); the rest are drawn from the seed
    (:meth:`TaskParams.draw`), after the fixed ones, so values derived from them see the fixed values.
    Unknown names raise ``ValueError``; out-of-bounds values raise ``pydantic.ValidationError`` naming the
    field and its bounds.
    """

    info: ClassVar[TaskInfo]
    Params: ClassVar[type[TaskParams]]
    Solution: ClassVar[type[TaskSolution]]
    max_attempts: ClassVar[int] = 20

    def __init_subclass__(cls, *, task: TaskRegistration | None = None, params: type[TaskParams] | None = None,
                          solution: type[TaskSolution] | None = None, **kwargs: Any) -> None:
        """Take the class keywords ``task`` (the plugin's ``TASK``), ``params`` and ``solution``; each one given
        sets ``info``, ``Params`` or ``Solution`` (one not given is inherited)."""
        super().__init_subclass__(**kwargs)
        if task is not None:
            cls.info = task.info
        if params is not None:
            cls.Params = params
        if solution is not None:
            cls.Solution = solution

    def __init__(self, seed: int, params: TaskParams | dict[str, Any] | None = None):
        self.seed = int(seed)
        self.rng = make_rng(self.seed)
        overrides = params.model_dump() if isinstance(params, TaskParams) else dict(params or {})
        unknown = sorted(set(overrides) - set(self.Params.model_fields))
        if unknown:
            raise ValueError(
                f"{self.info.key}: unknown parameter(s) {unknown}; known: {sorted(self.Params.model_fields)}"
            )
        difficulty = overrides.pop("difficulty", None)
        if difficulty is None:
            difficulty = int(self.rng.integers(0, 3))
        else:  # refuse an out-of-range stratum before any draw looks it up
            difficulty = TaskParams.model_validate({"difficulty": difficulty}).difficulty
        self.params = self.Params.draw(self.rng, int(difficulty), fixed=overrides)

    @abstractmethod
    def generate(self) -> Sample:
        """Build the instance from ``self.params`` and ``self.rng``, solve it, render it; ``Reject`` if unusable."""

    def validate(self, sample: Sample) -> list[str]:
        """Return problems that only the rendered sample shows (empty when fit to save); the default has none.

        Core's format checks (frame size, prompt, final frame or goal) run for every task through the
        ``vbvr_check_sample`` hook.
        """
        return []

    def save(self, sample: Sample, dest: str | Path, **record_fields: Any) -> SampleRecord:
        """Write ``sample`` into folder ``dest`` atomically; see :func:`vbvr_core.pipeline.sample_io.save_sample`.

        ``seed`` defaults to this generator's seed; :func:`vbvr_core.pipeline.produce.produce` passes the
        sample's base seed and the attempt number instead.
        """
        from vbvr_core.pipeline.sample_io import save_sample

        record_fields.setdefault("seed", self.seed)
        return save_sample(sample, Path(dest), info=self.info, **record_fields)
