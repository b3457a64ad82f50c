"""What a task package registers: its info and import strings of its generator and scorer."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vbvr_core.contract.info import TaskInfo

if TYPE_CHECKING:
    from vbvr_core.pipeline.generator import BaseGenerator


def import_string(target: str) -> Any:
    """Import ``"package.module:attribute"`` (or a bare module path) and return the object."""
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


@dataclass(frozen=True)
class TaskRegistration:
    """What a task package registers: its info and *import strings* of its generator and scorer.

    ``generator_path`` is ``"package.module:GeneratorClass"``; ``scorer_path`` is
    ``"package.module:score"``, a callable ``score(sample: SampleRef, video: VideoClip) -> Score``.
    """

    info: TaskInfo
    generator_path: str
    scorer_path: str

    @property
    def key(self) -> str:
        """The task key."""
        return self.info.key

    def load_generator(self) -> type[BaseGenerator]:
        """Import and return the generator class."""
        return import_string(self.generator_path)

    def load_scorer(self) -> Callable[..., Any]:
        """Import and return the scorer callable."""
        return import_string(self.scorer_path)
