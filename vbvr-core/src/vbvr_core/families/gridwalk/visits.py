"""Walks on an open grid that must visit chosen cells before the goal (numbers in order, blocks in any order).

What such a task declares and draws the same way: its parameters (:class:`OpenGridParams` and the field types
below: a task writes ``line_width: LineWidth = 2`` among its own fields, declaration order being draw order, so
each task keeps its fields where they stand), the cells to visit (:func:`separate_cells`), the walks it rejects
(:func:`require_route`, also used by maze tasks, and :func:`require_detour`), the two move orders
that give other shortest walks (:func:`other_shortest_walks`), and the agent's walk paced to keep long videos short (:func:`paced_walk`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import numpy as np
from pydantic import Field

from vbvr_core.contract import Cell, Strata, TaskParams, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.families.gridwalk.draw import MAX_MOTION_FRAMES, RGB, GridWorld, step_frames
from vbvr_core.families.gridwalk.place import pick_endpoints, spread_cells
from vbvr_core.pipeline.generator import Reject

#: Rows or columns of the grid, more with the difficulty stratum.
GridSide = Annotated[int, Strata((5, 6), (7, 8), (9, 10)), Field(ge=5, le=10)]
#: The least start–goal distance, filled in by :meth:`OpenGridParams.complete`.
MinDistance = Annotated[int, Field(ge=3, le=18, description="least grid (Manhattan) distance from start to goal; "
                                                            "drawn as max(3, (rows + cols) // 3)")]
LineWidth = Annotated[int, Uniform(1, 3), Field(ge=1, le=4, description="grid line width in pixels")]
#: Frames per one-cell move before :func:`paced_walk` shortens a long walk's.
FramesPerStep = Annotated[int, Uniform(4, 6), Field(
    ge=4, le=8, description="video frames per one-cell move (fewer on long walks, at least 4)")]

#: The four moves tried vertical-first and horizontal-first: two (often different) shortest walks.
VERTICAL_FIRST = ((-1, 0), (1, 0), (0, -1), (0, 1))
HORIZONTAL_FIRST = ((0, -1), (0, 1), (-1, 0), (1, 0))
TIE_BREAKS = {"vertical_first": VERTICAL_FIRST, "horizontal_first": HORIZONTAL_FIRST}


class OpenGridParams(TaskParams):
    """Params of a walk on an open ``rows``×``cols`` grid whose ``min_distance`` grows with the grid. Declares no
    field itself (a subclass declares ``rows``, ``cols`` and ``min_distance`` where it draws them)."""

    if TYPE_CHECKING:
        rows: int
        cols: int
        min_distance: int

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The least start–goal distance grows with the grid: a third of its half-perimeter, at least 3."""
        return {"min_distance": max(3, (values["rows"] + values["cols"]) // 3), **values}


def grid_distance(a: Cell, b: Cell) -> int:
    """Manhattan distance between two cells."""
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def separate_cells(rng: np.random.Generator, rows: int, cols: int, count: int, taken: Iterable[Cell]) -> list[Cell] | None:
    """``count`` cells of a ``rows``×``cols`` grid, none in ``taken``, none 4-adjacent to another (each its own
    blob), in the order drawn (the first fitting cells of one ``rng.permutation`` of the grid); None when the grid
    has no room for them."""
    chosen = spread_cells(rng, [(r, c) for r in range(rows) for c in range(cols)], count, 2, taken)
    return chosen if len(chosen) == count else None


def place_visits(rng: np.random.Generator, rows: int, cols: int, min_distance: int, count: int,
                 what: str) -> tuple[Cell, Cell, list[Cell]]:
    """Start and goal anywhere at least ``min_distance`` apart (:func:`~vbvr_core.families.gridwalk.place.pick_endpoints`),
    then ``count`` cells to visit (:func:`separate_cells`, off start and goal); :class:`Reject` when they do not
    fit (``what`` names the cells in the reason)."""
    start, goal = pick_endpoints(rng, rows, cols, "anywhere", min_distance)
    cells = separate_cells(rng, rows, cols, count, (start, goal))
    if cells is None:
        raise Reject(f"no room for {count} separate {what}")
    return start, goal, cells


def require_route(path: Sequence[Cell] | None, max_route: int, unsolvable: str) -> None:
    """:class:`Reject` when there is no ``path`` (None; the reason ``unsolvable: <unsolvable>``) or when it takes
    more than ``max_route`` steps (keeps videos short)."""
    if path is None:
        raise Reject(f"unsolvable: {unsolvable}")
    if len(path) - 1 > max_route:
        raise Reject(f"walk of {len(path) - 1} cells exceeds max_route={max_route}")


def require_detour(path: Sequence[Cell], min_detour: int, what: str) -> None:
    """:class:`Reject` unless visiting ``what`` makes ``path`` at least ``min_detour`` steps longer than the direct
    distance from its first to its last cell (else there is nothing to plan)."""
    detour = len(path) - 1 - grid_distance(path[0], path[-1])
    if detour < min_detour:
        raise Reject(f"the {what} cost {detour} extra steps, fewer than min_detour={min_detour}")


def paced_walk(world: GridWorld, agent_color: RGB, path: Sequence[Cell], frames_per_step: int,
               budget: int = MAX_MOTION_FRAMES, least: int = 4,
               ) -> tuple[np.ndarray, np.ndarray, Callable[[Sequence[Cell]], FrameSource]]:
    """The first and final frames of the round agent of ``agent_color`` walking ``path`` in ``world``, and a
    function giving the frame source of the same agent walking any other cells at the same pace:
    ``frames_per_step`` frames per cell, fewer when the walk would take more than ``budget`` frames, never fewer
    than ``least``."""
    return world.walker(agent_color, path, step_frames(frames_per_step, len(path) - 1, budget, least))


def tie_break_routes(route: Callable[[Sequence[tuple[int, int]]], Sequence[Cell] | None],
                     ) -> dict[str, Sequence[Cell] | None]:
    """Other shortest walks, by name: ``route(moves)`` with the moves tried in each order of :data:`TIE_BREAKS`
    (``vertical_first``, ``horizontal_first``)."""
    return {name: route(moves) for name, moves in TIE_BREAKS.items()}


def other_shortest_walks(walk: Callable[[Sequence[Cell]], FrameSource],
                         route: Callable[[Sequence[tuple[int, int]]], Sequence[Cell]]) -> dict[str, FrameSource]:
    """A task's alternatives: ``walk`` of each of :func:`tie_break_routes` (a
    :class:`~vbvr_core.families.gridwalk.task.WalkGenerator` names those routes in ``other_routes`` instead)."""
    return {name: walk(cells) for name, cells in tie_break_routes(route).items()}
