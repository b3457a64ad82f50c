"""The scorer of a grid walk with nothing to visit on the way: a task whose walk the family's walk score judges as it
is names :func:`score_plain_walk` in its ``declare_task(scorer=...)`` and writes no scorer of its own.

Its solution need only hold what :class:`PlainWalkSolution` reads. A task that adds parts of its own (numbers in
order, keys collected, the dearest route) calls :func:`~vbvr_core.families.gridwalk.judge.score_walk` in its own
scorer with ``parts``.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from vbvr_core.contract import Cell, SampleRef, Score, TaskSolution
from vbvr_core.families.gridwalk.judge import score_walk
from vbvr_core.media.video import VideoReader


class PlainWalkSolution(TaskSolution):
    """What :func:`score_plain_walk` reads of a walk task's solution (every other field the task writes is ignored):
    the grid ``layout`` (512 canvas), the agent's colour, ``start``, ``goal``, the optimal number of steps, and the
    cells the walk must not enter: ``obstacles`` on an open grid or ``walls`` in a maze (none where the solution has
    neither)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    layout: dict[str, int]
    agent_color: tuple[int, int, int]
    start: Cell
    goal: Cell
    optimal_steps: int
    obstacles: list[Cell] = Field(default_factory=list)
    walls: list[Cell] = Field(default_factory=list)


def score_plain_walk(sample: SampleRef, video: VideoReader) -> Score:
    """The walk score (:func:`~vbvr_core.families.gridwalk.judge.score_walk`) of the agent walking from ``start`` to
    ``goal``, its steps against ``optimal_steps``, the obstacles and walls forbidden cells that a two-cell hop is
    never bridged over."""
    s = PlainWalkSolution.model_validate(sample.solution)
    return score_walk(video, s.layout, s.agent_color, s.start, s.goal, s.optimal_steps, blocked=s.obstacles + s.walls)
