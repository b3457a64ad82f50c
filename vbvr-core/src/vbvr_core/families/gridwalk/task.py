"""The sample flow every grid-walk task shares: an agent walks ``solution.path`` cell by cell over the task's scene,
and the probes are the same agent walking other cells at the same pace.

A task's generator subclasses :class:`WalkGenerator`. Its ``generate()`` keeps the task's own rules (place the
pieces, solve, :class:`~vbvr_core.pipeline.generator.Reject` what does not fit, draw the scene, word the prompt,
fill its ``Solution``, which has a ``path`` field) and ends with :meth:`WalkGenerator.walk_sample`, given a
:data:`Walker`: the first and final frames and a function giving the frame source of the agent walking any cells at
the sample's pace (:meth:`~vbvr_core.families.gridwalk.draw.GridWorld.walker`,
:func:`~vbvr_core.families.gridwalk.visits.paced_walk`, or :func:`scene_walker` for a scene with
``first_and_final(route)`` and ``frames(route, frames_per_step)``, such as
:class:`~vbvr_core.families.gridwalk.maze.PickupScene`). The task then names its routes only: the other correct
walks (:meth:`WalkGenerator.other_routes`, its alternatives; often the shortest walks found with the moves tried in
another order, :func:`~vbvr_core.families.gridwalk.visits.tie_break_routes`) and the wrong ones
(:meth:`WalkGenerator.wrong_routes`, its near misses, after the walk stopped one step short of the goal,
:attr:`WalkGenerator.short_name`). A walk with nothing to visit on the way needs no scorer of its own
(:func:`vbvr_core.families.gridwalk.scoring.score_plain_walk`).

A task whose pieces glide along tracks of points instead (an agent hopping between graph nodes, blocks sliding
together) builds its sample with :func:`tracks_sample`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Protocol

import numpy as np

from vbvr_core.contract import Cell, Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Sprite, Stage
from vbvr_core.pipeline.generator import BaseGenerator

#: The first frame, the final frame, and the frame source of the agent walking any cells at the sample's pace.
Walker = tuple[np.ndarray, np.ndarray, Callable[[Sequence[Cell]], FrameSource]]
#: Walks by probe name; None where the instance has no such walk (it is left out).
Routes = dict[str, Sequence[Cell] | None]


class WalkScene(Protocol):
    """A scene drawn once that animates the agent along any route."""

    def first_and_final(self, route: Sequence[Cell]) -> tuple[np.ndarray, np.ndarray]: ...

    def frames(self, route: Sequence[Cell], frames_per_step: int) -> Any: ...


def tracks_sample(stage: Stage, tracks: Sequence[tuple[Sprite, Sequence[tuple[float, float]]]], **fields: Any) -> Sample:
    """The :class:`Sample` of sprites moving together on ``stage``, each along its track ``(sprite, points)``: the
    first frame every sprite at its first point, the final frame at its last, the trajectory
    ``stage.frames(tracks)``; ``fields`` are the other :class:`Sample` fields (prompt, solution, params…)."""
    return Sample(first_frame=stage.frame([(sprite, points[0]) for sprite, points in tracks]),
                  final_frame=stage.frame([(sprite, points[-1]) for sprite, points in tracks]),
                  trajectory=lambda: stage.frames(tracks), **fields)


def scene_walker(scene: WalkScene, route: Sequence[Cell], frames_per_step: int) -> Walker:
    """The :data:`Walker` of ``scene``: its first and final frames of ``route``, and ``scene.frames(cells,
    frames_per_step)`` as the frame source of any ``cells``."""
    first, final = scene.first_and_final(route)
    return first, final, lambda cells: lambda: scene.frames(cells, frames_per_step)


class WalkGenerator(BaseGenerator):
    """A generator whose answer is the agent walking ``solution.path``: :meth:`walk_sample` builds the sample and
    keeps its walker as ``self.walk`` (cells → frame source) for the probes. Alternatives: the walks
    :meth:`other_routes` names. Near misses: ``solution.path`` stopped one step short, named :attr:`short_name`
    (None: not offered), then the walks :meth:`wrong_routes` names."""

    short_name: ClassVar[str | None] = "one_step_short"

    def walk_sample(self, walker: Walker, prompt: str, solution: Any, **fields: Any) -> Sample:
        """The sample opening on the walker's first frame and walking ``solution.path`` to its final frame;
        ``fields`` are further :class:`Sample` fields (``hold_frames``)."""
        first, final, self.walk = walker
        return Sample(first_frame=first, final_frame=final, prompt=prompt, trajectory=self.walk(solution.path),
                      solution=solution, params=self.params, **fields)

    def other_routes(self, solution: Any) -> Routes:
        """Other correct walks by name (none by default)."""
        return {}

    def wrong_routes(self, solution: Any) -> Routes:
        """Wrong walks by name, besides the one stopped short (none by default)."""
        return {}

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The agent walking each of :meth:`other_routes` at the sample's pace."""
        return self._walks(self.other_routes(self.Solution.model_validate(sample.solution)))

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The agent walking the path stopped one step short (:attr:`short_name`) and each of :meth:`wrong_routes`."""
        solution = self.Solution.model_validate(sample.solution)
        short = {self.short_name: solution.path[:-1]} if self.short_name else {}
        return self._walks({**short, **self.wrong_routes(solution)})

    def _walks(self, routes: Routes) -> dict[str, FrameSource]:
        return {name: self.walk(cells) for name, cells in routes.items() if cells is not None}
