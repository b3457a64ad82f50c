"""G-41 grid_highest_cost: walk from the green start to the red goal along the shortest route of highest cost.

Parameters → draw → solve → render → prompt:

- a ``rows``×``cols`` grid; the green start cell (holding a yellow agent, the official Pac-Man colour) and the
  red goal cell lie at least ``min_offset`` rows *and* columns apart, so many shortest routes join them;
- every other cell shows a cost from 1 to 9;
- the task: among the shortest routes (each step brings the agent closer to the goal: only the row and
  column moves toward it), take the one whose cells' costs add up to the highest total. The solver
  enumerates every such route (at most C(12, 6) = 924 on the largest grid) and sums their costs at once;
  costs are redrawn until the best route is unique and beats the runner-up by at least ``margin``, and —
  where ``greedy_trap`` is set — until stepping always onto the dearer neighbour does *not* find it;
- the video walks the agent along the best route, ``frames_per_step`` frames per cell.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations
from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, GridLayout
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.task import Routes, WalkGenerator
from vbvr_core.families.gridwalk.visits import LineWidth
from vbvr_core.pipeline.generator import Reject

from vbvr_g41_grid_highest_cost.plugin import TASK

START_COLOR = PALETTE["green"]
GOAL_COLOR = PALETTE["red"]
AGENT_COLOR = PALETTE["yellow"]
NUMBER_COLOR = (35, 35, 35)
SIDES = Strata((4, 5), (5, 6), (6, 7))
DRAWS = 60  # cost tables tried per instance before it is rejected


class Params(TaskParams):
    """G-41's parameter space: a bigger grid, a closer runner-up and a greedy trap as the difficulty grows."""

    rows: Annotated[int, SIDES] = Field(5, ge=4, le=7, description="grid rows")
    cols: Annotated[int, SIDES] = Field(5, ge=4, le=7, description="grid columns")
    min_offset: Annotated[int, Strata((2, 2), (2, 3), (3, 3))] = Field(
        2, ge=2, le=6, description="least row offset and least column offset from start to goal")
    margin: Annotated[int, Strata((4, 6), (2, 3), (1, 1))] = Field(
        2, ge=1, le=8, description="least amount the best route's total beats the runner-up's by")
    greedy_trap: Annotated[bool, Strata(0.0, 0.5, 1.0)] = Field(
        False, description="stepping onto the dearer neighbour each time must miss the best route")
    background: BackgroundIndex = 0
    line_width: LineWidth = 2
    frames_per_step: Annotated[int, Uniform(4, 6)] = Field(5, ge=4, le=8, description="video frames per one-cell move")


class Solution(TaskSolution):
    """The grid, start, goal, every cell's cost (0 on start and goal), the best route and its total."""

    layout: dict[str, int]
    start: Cell
    goal: Cell
    costs: list[list[int]]
    path: list[Cell]
    best_total: int
    runner_up_total: int
    optimal_steps: int


@cache
def route_moves(d_rows: int, d_cols: int) -> np.ndarray:
    """Every shortest route's moves as a (routes × steps) array of 1 (a row move) and 0 (a column move)."""
    steps = d_rows + d_cols
    rows = [np.isin(np.arange(steps), chosen) for chosen in combinations(range(steps), d_rows)]
    return np.asarray(rows, dtype=np.int8).reshape(len(rows), steps)


def route_cells(start: Cell, goal: Cell) -> np.ndarray:
    """Every shortest route from ``start`` to ``goal`` as a (routes × cells × 2) array of (row, col), start first."""
    s_row, s_col = int(np.sign(goal[0] - start[0])), int(np.sign(goal[1] - start[1]))
    moves = route_moves(abs(goal[0] - start[0]), abs(goal[1] - start[1])).astype(np.int64)
    rows = start[0] + s_row * np.cumsum(moves, axis=1)
    cols = start[1] + s_col * np.cumsum(1 - moves, axis=1)
    steps = np.stack([rows, cols], axis=-1)
    first = np.broadcast_to(np.asarray(start, dtype=np.int64), (len(moves), 1, 2))
    return np.concatenate([first, steps], axis=1)


def route_totals(costs: np.ndarray, routes: np.ndarray) -> np.ndarray:
    """The total cost of each route (a cell's cost counted once; start and goal cost 0)."""
    return costs[routes[..., 0], routes[..., 1]].sum(axis=1)


def greedy_route(costs: np.ndarray, start: Cell, goal: Cell) -> list[Cell]:
    """The route that always steps onto the dearer of its (at most two) neighbours toward the goal (rows first
    on a tie)."""
    s_row, s_col = int(np.sign(goal[0] - start[0])), int(np.sign(goal[1] - start[1]))
    path = [start]
    while path[-1] != goal:
        row, col = path[-1]
        options = []
        if row != goal[0]:
            options.append((row + s_row, col))
        if col != goal[1]:
            options.append((row, col + s_col))
        path.append(max(options, key=lambda cell: costs[cell]))
    return path


def cost_world(layout: GridLayout, costs, start: Cell, goal: Cell, **world) -> GridWorld:
    """The grid with the start and goal cells filled and every other cell's cost printed in its middle."""
    numbers = {(r, c): str(costs[r][c]) for r in range(layout.rows) for c in range(layout.cols)
               if (r, c) not in (tuple(start), tuple(goal))}
    return GridWorld(layout, fills={start: START_COLOR, goal: GOAL_COLOR}, labels=numbers,
                     label_size=max(12, round(layout.cell * 0.42)), label_color=NUMBER_COLOR, **world)


class GridHighestCostGenerator(WalkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a grid of costs with start and goal cells and walks the dearest shortest route between them."""

    def _endpoints(self) -> tuple[Cell, Cell]:
        """A start and a goal at least ``min_offset`` rows and columns apart, in any direction."""
        p, rng = self.params, self.rng
        if p.min_offset > min(p.rows, p.cols) - 1:
            raise Reject(f"no cells {p.min_offset} rows and columns apart on a {p.rows}×{p.cols} grid")
        d_rows = int(rng.integers(p.min_offset, p.rows))
        d_cols = int(rng.integers(p.min_offset, p.cols))
        r0, c0 = int(rng.integers(0, p.rows - d_rows)), int(rng.integers(0, p.cols - d_cols))
        start, goal = (r0, c0), (r0 + d_rows, c0 + d_cols)
        if rng.random() < 0.5:
            start, goal = (start[0], goal[1]), (goal[0], start[1])
        if rng.random() < 0.5:
            start, goal = goal, start
        return start, goal

    def generate(self) -> Sample:
        """Place start and goal; draw costs until the dearest shortest route is clear; walk it."""
        p, rng = self.params, self.rng
        start, goal = self._endpoints()
        routes = route_cells(start, goal)
        for _ in range(DRAWS):
            costs = rng.integers(1, 10, size=(p.rows, p.cols))
            costs[start], costs[goal] = 0, 0
            totals = route_totals(costs, routes)
            order = np.argsort(-totals, kind="stable")
            best, runner = int(totals[order[0]]), int(totals[order[1]])
            path = [(int(r), int(c)) for r, c in routes[order[0]]]
            if best - runner >= p.margin and (not p.greedy_trap or greedy_route(costs, start, goal) != path):
                break
        else:
            raise Reject(f"no cost table in {DRAWS} draws has a best route {p.margin} ahead"
                         + (" that the greedy walk misses" if p.greedy_trap else ""))
        layout = GridLayout.fit(p.rows, p.cols)
        world = cost_world(layout, costs, start, goal, background=BACKGROUNDS[p.background], line_width=p.line_width)
        prompt = (
            f"The grid has {p.rows} rows and {p.cols} columns; each cell shows its cost. A yellow ball stands on the "
            "green start cell and the red cell is the goal. Move the ball one cell at a time (up, down, left or "
            "right) to the red cell along a shortest route, every step bringing it closer to the goal, and among "
            "all shortest routes take the one whose cells' costs add up to the highest total. Show every step."
        )
        solution = Solution(layout=layout.to_dict(), start=start, goal=goal, costs=costs.tolist(), path=path,
                            best_total=best, runner_up_total=runner, optimal_steps=len(path) - 1)
        return self.walk_sample(world.walker(AGENT_COLOR, path, p.frames_per_step), prompt, solution)

    def wrong_routes(self, solution: Solution) -> Routes:
        """The runner-up route and the greedy route (where it differs), after the best route stopped one step short."""
        path, costs = solution.path, np.asarray(solution.costs)
        routes = route_cells(solution.start, solution.goal)
        runner_up = [(int(r), int(c)) for r, c in routes[np.argsort(-route_totals(costs, routes), kind="stable")[1]]]
        greedy = greedy_route(costs, solution.start, solution.goal)
        return {"runner_up_route": runner_up, "greedy_route": greedy if greedy != path else None}
