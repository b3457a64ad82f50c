"""G-18 grid_shortest_path: walk from the green start cell to the red goal cell by a shortest route.

Parameters → draw → solve → render → prompt:

- an open ``rows``×``cols`` grid (no obstacles, as in the original task);
- the green start cell (holding the agent) and the red goal cell are at least ``min_distance`` apart;
- on an open grid every monotone route is shortest: the solver draws one uniformly, shuffling the row and column moves;
- the video walks the agent along it, ``frames_per_step`` frames per cell;
- the family's scorer judges it as it is (``vbvr_core.families.gridwalk.scoring.score_plain_walk``) on the open
  grid: any route of the grid distance's length counts.

Official convention (VBVR-EvalKit's evaluator, see the README): a round agent in one of its agent colours
(purple or orange here: red is our goal colour and pink is also a goal colour to the evaluator), a red goal.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, GridLayout
from vbvr_core.families.gridwalk import visits
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.place import Placement, pick_endpoints
from vbvr_core.families.gridwalk.task import Routes, WalkGenerator

from vbvr_g18_grid_shortest_path.plugin import TASK

START_COLOR = PALETTE["green"]
GOAL_COLOR = PALETTE["red"]
SIDES = Strata((5, 6), (7, 8), (9, 10))


class Params(visits.OpenGridParams):
    """G-18's parameter space: the grid grows with the difficulty stratum."""

    rows: Annotated[int, SIDES] = Field(8, ge=4, le=10, description="grid rows")
    cols: Annotated[int, SIDES] = Field(8, ge=4, le=10, description="grid columns")
    placement: Annotated[Placement, Uniform()] = Field("anywhere", description="where start and goal go")
    min_distance: visits.MinDistance = 4
    agent_color: Annotated[Literal["purple", "orange"], Uniform()] = Field(
        "purple", description="colour of the round agent")
    background: BackgroundIndex = 0
    line_width: visits.LineWidth = 2
    frames_per_step: Annotated[int, Uniform(5, 7)] = Field(6, ge=4, le=8, description="video frames per one-cell move")


class Solution(TaskSolution):
    """The grid, start and goal, one shortest walk and the agent's colour."""

    layout: dict[str, int]
    start: Cell
    goal: Cell
    path: list[Cell]
    optimal_steps: int
    agent_color: tuple[int, int, int]


def monotone_path(start: Cell, goal: Cell, rng: np.random.Generator | None = None,
                  rows_first: bool = True) -> list[Cell]:
    """A shortest 4-connected path on an open grid: its row and column moves in a random order (with ``rng``), else
    all its row moves first (``rows_first``) or all its column moves first."""
    d_row, d_col = goal[0] - start[0], goal[1] - start[1]
    rows, cols = [(int(np.sign(d_row)), 0)] * abs(d_row), [(0, int(np.sign(d_col)))] * abs(d_col)
    moves = rows + cols if rows_first else cols + rows
    path = [start]
    for index in range(len(moves)) if rng is None else rng.permutation(len(moves)):
        step = moves[int(index)]
        path.append((path[-1][0] + step[0], path[-1][1] + step[1]))
    return path


class GridShortestPathGenerator(WalkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws an open grid with start and goal cells and one shortest walk between them."""

    def generate(self) -> Sample:
        """Place start and goal; draw one shortest walk; render it."""
        p = self.params
        start, goal = pick_endpoints(self.rng, p.rows, p.cols, p.placement, p.min_distance)
        path = monotone_path(start, goal, self.rng)
        layout = GridLayout.fit(p.rows, p.cols)
        world = GridWorld(layout, background=BACKGROUNDS[p.background], line_width=p.line_width,
                          fills={start: START_COLOR, goal: GOAL_COLOR})
        agent_rgb = PALETTE[p.agent_color]
        prompt = (
            f"The grid has {p.rows} rows and {p.cols} columns. A {p.agent_color} ball stands on the green "
            "start cell; the red cell is the goal. Move the ball one cell at a time (up, down, left or right) "
            "to the red cell along a shortest possible route, showing every step."
        )
        solution = Solution(layout=layout.to_dict(), start=start, goal=goal, path=path,
                            optimal_steps=len(path) - 1, agent_color=agent_rgb)
        return self.walk_sample(world.walker(agent_rgb, path, p.frames_per_step), prompt, solution)

    def other_routes(self, s: Solution) -> Routes:
        """Other shortest routes: every row move first, or every column move first."""
        return {"rows_first": monotone_path(s.start, s.goal),
                "columns_first": monotone_path(s.start, s.goal, rows_first=False)}

    def wrong_routes(self, s: Solution) -> Routes:
        """The ground-truth walk with one step made and undone on the way (after the walk stopped one step short)."""
        return {"step_undone": s.path[:2] + s.path[:1] + s.path[1:]}
