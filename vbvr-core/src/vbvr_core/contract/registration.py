"""What a task package registers: its info and import strings of its generator and scorer, declared once.

A task package's ``plugin`` module is one statement::

    TASK = declare_task(
        key="G-15_grid_avoid_obstacles", title="Grid: avoid obstacles", category=Category.SPATIALITY,
        description="…", generator="vbvr_g15_grid_avoid_obstacles.generator:GridAvoidObstaclesGenerator",
        scorer="vbvr_g15_grid_avoid_obstacles.scorer:score",
    )

and its ``pyproject.toml`` names it as the entry point ``<key> = "<import name>.plugin:TASK"`` in the
``vbvr`` group. The object is the pluggy plugin: it implements ``vbvr_register_task``. The module imports
the contract only, so listing or looking up tasks never loads their drawing or judging code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vbvr_core.contract.hookspecs import hookimpl
from vbvr_core.contract.info import Category, TaskInfo

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

    @hookimpl
    def vbvr_register_task(self) -> TaskRegistration:
        """This object is its package's plugin: it registers itself."""
        return self


def declare_task(*, key: str, title: str, category: Category | str, description: str, generator: str, scorer: str,
                 process_required: bool = True, goal_is_text: bool = False) -> TaskRegistration:
    """Declare a task package's task: its info and the import strings of its generator class and scorer.

    Raises ``pydantic.ValidationError`` for a malformed key, title, category or description.
    """
    info = TaskInfo(key=key, title=title, category=category, description=description,
                    process_required=process_required, goal_is_text=goal_is_text)
    return TaskRegistration(info=info, generator_path=generator, scorer_path=scorer)
