"""G-13 grid_number_sequence: visit the numbered cells in ascending order, then reach the goal, by a shortest route.

Parameters → draw → solve → render → prompt:

- an open ``rows``×``cols`` grid filling the frame; an orange round agent on its start cell, ``numbers``
  light-blue cells labelled 1, 2, … and one red goal cell (numbered cells never side by side);
- BFS over (cell, numbers visited) states (:func:`sequence_route`) finds a shortest walk that visits the
  numbers in ascending order, never stepping on a number before its turn, then steps onto the goal;
  instances where the ordered visit costs fewer than ``min_detour`` extra steps over the direct
  start→goal distance (nothing to plan), or whose walk is longer than ``max_route``, are rejected and redrawn;
- the video walks the agent along it, ``frames_per_step`` frames per cell (fewer on long walks).

Official convention (VBVR-EvalKit's ``GridNumberSequenceEvaluator``, see the README): an orange agent
(hue 10–25) and a red endpoint (hue 0–10 / 160–180); nothing else orange or red.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskSolution
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, GridLayout
from vbvr_core.families.gridwalk import visits
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.task import Routes, WalkGenerator
from vbvr_core.solve.search import NEIGHBOUR_STEPS, collecting_route, grid_neighbours, shuffled_moves

from vbvr_g13_grid_number_sequence.plugin import TASK

AGENT_COLOR = PALETTE["orange"]
GOAL_COLOR = PALETTE["red"]
NUMBER_FILL = (190, 215, 245)  # light blue: unsaturated, nothing the official evaluator reads as agent or goal
NUMBER_INK = (20, 20, 20)


class Params(visits.OpenGridParams):
    """G-13's parameter space: the grid and the count of numbers grow with the difficulty stratum."""

    rows: visits.GridSide = Field(8, description="grid rows")
    cols: visits.GridSide = Field(8, description="grid columns")
    numbers: Annotated[int, Strata((2, 3), (3, 4), (4, 5))] = Field(
        3, ge=2, le=6, description="numbered cells to visit in ascending order")
    min_distance: visits.MinDistance = 4
    min_detour: Annotated[int, Strata(2, (2, 4), (4, 6))] = Field(
        2, ge=2, le=8, description="least extra steps the numbers cost over the direct start→goal distance")
    max_route: int = Field(40, ge=12, le=60, description="greatest walk length in cells (keeps videos short)")
    background: BackgroundIndex = 0
    line_width: visits.LineWidth = 2
    frames_per_step: visits.FramesPerStep = 5


class Solution(TaskSolution):
    """The grid, start, goal, the numbered cells (number k at index k-1), one shortest walk and the agent colour."""

    layout: dict[str, int]
    start: Cell
    goal: Cell
    numbered: list[Cell]
    path: list[Cell]
    optimal_steps: int
    agent_color: tuple[int, int, int]


def sequence_route(rows: int, cols: int, start: Cell, numbered: Sequence[Cell], goal: Cell, avoid: Iterable[Cell] = (),
                   moves: Sequence[tuple[int, int]] = NEIGHBOUR_STEPS) -> list[Cell] | None:
    """A shortest walk from ``start`` over ``numbered`` in that order to ``goal`` on an open ``rows``×``cols``
    grid, never entering ``avoid`` nor a number before its turn; None when there is none."""
    return collecting_route(start, numbered, goal, grid_neighbours(rows, cols, set(avoid), moves), in_order=True)


def numbered_grid(layout: GridLayout, numbered: list[Cell], **world) -> GridWorld:
    """A grid world with number k written in cell ``numbered[k - 1]``."""
    return GridWorld(layout, labels={cell: str(k) for k, cell in enumerate(numbered, start=1)},
                     label_size=round(layout.cell * 0.6), label_color=NUMBER_INK, **world)


class GridNumberSequenceGenerator(WalkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws an open grid with numbered cells and a goal, and the shortest walk over the numbers in order."""

    def generate(self) -> Sample:
        """Place start, goal and numbers; solve over (cell, numbers visited) states; render the walk."""
        p = self.params
        # the numbers, in their order: none on the start or goal, none 4-adjacent to another
        start, goal, numbered = visits.place_visits(self.rng, p.rows, p.cols, p.min_distance, p.numbers, "numbered cells")
        path = sequence_route(p.rows, p.cols, start, numbered, goal, moves=shuffled_moves(self.rng))
        visits.require_route(path, p.max_route, "no walk visits the numbers in order before the goal")
        visits.require_detour(path, p.min_detour, "numbers")
        layout = GridLayout.fit(p.rows, p.cols)
        world = numbered_grid(layout, numbered, background=BACKGROUNDS[p.background], line_width=p.line_width,
                              fills={goal: GOAL_COLOR, **{cell: NUMBER_FILL for cell in numbered}})
        prompt = (
            f"The grid has {p.rows} rows and {p.cols} columns. An orange ball stands on its start cell; "
            f"{p.numbers} cells are numbered 1 to {p.numbers} and the red cell is the goal. Move the ball one cell "
            "at a time (up, down, left or right) so that it visits the numbered cells in ascending order "
            f"(1, then 2, … up to {p.numbers}), never stepping on a number before its turn, and then reaches the "
            "red cell, by the shortest such route, showing every step."
        )
        solution = Solution(layout=layout.to_dict(), start=start, goal=goal, numbered=numbered, path=path,
                            optimal_steps=len(path) - 1, agent_color=AGENT_COLOR)
        return self.walk_sample(visits.paced_walk(world, AGENT_COLOR, path, p.frames_per_step), prompt, solution)

    def _route(self, s: Solution, numbered: list[Cell], avoid: list[Cell] = (), moves=NEIGHBOUR_STEPS):
        return sequence_route(self.params.rows, self.params.cols, s.start, numbered, s.goal, avoid, moves)

    def other_routes(self, s: Solution) -> Routes:
        """Other shortest walks over the numbers in order: the moves tried vertical-first and horizontal-first."""
        return visits.tie_break_routes(lambda moves: self._route(s, s.numbered, moves=moves))

    def wrong_routes(self, s: Solution) -> Routes:
        """The last two numbers visited in swapped order; the last number skipped (after the walk stopped one step
        short of the goal)."""
        swapped = s.numbered[:-2] + [s.numbered[-1], s.numbered[-2]]
        return {"last_two_swapped": self._route(s, swapped),
                "skips_last_number": self._route(s, s.numbered[:-1], [s.numbered[-1]])}
