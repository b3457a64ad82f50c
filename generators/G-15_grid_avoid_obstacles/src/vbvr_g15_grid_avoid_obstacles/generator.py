"""G-15 grid_avoid_obstacles: reach the goal by a shortest path without entering an obstacle.

Parameters → draw → solve → render → prompt:

- the official 10×10 grid filling the frame (50 px cells, 6 px border: each of the official evaluator's
  frame-tenth cells lies inside one of ours); a share ``obstacle_density`` of the free cells holds
  obstacles (black X); difficulty grows with the density and the start–goal distance;
- start (blue cell, yellow agent) and goal (red cell) are placed in corners, on edges or anywhere;
- BFS finds a shortest 4-connected path; an instance without one, with a trivial one, or whose obstacles
  never stand between start and goal is rejected and redrawn;
- the video walks the agent along the path, ``frames_per_step`` frames per cell;
- the family's scorer judges it as it is (``vbvr_core.families.gridwalk.scoring.score_plain_walk``): the obstacles
  are forbidden cells that a two-cell hop is never bridged over, the steps count against the optimum.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, GridLayout
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.place import Placement, pick_cells, pick_endpoints
from vbvr_core.families.gridwalk.task import Routes, WalkGenerator
from vbvr_core.families.gridwalk.visits import LineWidth
from vbvr_core.pipeline.generator import Reject
from vbvr_core.solve.search import NEIGHBOUR_STEPS, count_shortest_paths, grid_neighbours, shortest_path

from vbvr_g15_grid_avoid_obstacles.plugin import TASK

START_COLOR = (40, 90, 220)
GOAL_COLOR = (220, 30, 30)
AGENT_COLOR = (250, 210, 20)
OBSTACLE_COLOR = (30, 30, 30)  # dark grey: pure black turns into saturated chroma noise when encoded
SIDE = 10  # cells a side, as in the official task
BORDER = 6  # pixels around the grid: 50 px cells on the 512 px frame


class Params(TaskParams):
    """G-15's parameter space: obstacle density and start–goal distance grow with the difficulty stratum.

    The grid is the official 10×10 in every drawn sample; ``rows``/``cols`` are not drawn, only fixed by a caller
    who wants smaller grids (quick tests, a curriculum).
    """

    rows: int = Field(SIDE, ge=5, le=SIDE, description="grid rows (10 unless fixed smaller)")
    cols: int = Field(SIDE, ge=5, le=SIDE, description="grid columns (10 unless fixed smaller)")
    obstacle_density: Annotated[float, Strata((0.10, 0.20), (0.15, 0.28), (0.20, 0.35))] = Field(
        0.2, ge=0.05, le=0.4, description="share of free cells holding an obstacle")
    placement: Annotated[Placement, Uniform()] = Field(
        "anywhere", description="where start and goal go")
    min_distance: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        6, ge=2, le=18, description="least grid (Manhattan) distance from start to goal")
    background: BackgroundIndex = 0
    line_width: LineWidth = 2
    frames_per_step: Annotated[int, Uniform(5, 7)] = Field(6, ge=4, le=8, description="video frames per one-cell move")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """On a grid fixed smaller than 10×10, the drawn start–goal distance is capped to fit it."""
        if "min_distance" in fixed:
            return values
        reach = values.get("rows", SIDE) + values.get("cols", SIDE) - 3
        return {**values, "min_distance": min(values["min_distance"], reach)}


class Solution(TaskSolution):
    """The grid, its start, goal and obstacles, and one optimal path (with how many there are)."""

    layout: dict[str, int]
    start: Cell
    goal: Cell
    obstacles: list[Cell]
    path: list[Cell]
    optimal_steps: int
    shortest_paths: int
    agent_color: tuple[int, int, int]


def obstacle_between(start: Cell, goal: Cell, obstacles: set[Cell]) -> bool:
    """True when some obstacle lies in the rectangle spanned by start and goal (there is something to avoid)."""
    (top, bottom), (left, right) = sorted((start[0], goal[0])), sorted((start[1], goal[1]))
    return any(top <= r <= bottom and left <= c <= right for r, c in obstacles)


class GridAvoidObstaclesGenerator(WalkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a solvable obstacle grid and the agent's shortest walk to the goal."""

    def generate(self) -> Sample:
        """Place start, goal and obstacles; solve with BFS; render the walk."""
        p = self.params
        start, goal = pick_endpoints(self.rng, p.rows, p.cols, p.placement, p.min_distance)
        free = [(r, c) for r in range(p.rows) for c in range(p.cols) if (r, c) not in (start, goal)]
        obstacles = pick_cells(self.rng, free, int(round(p.obstacle_density * len(free))))
        neighbours = grid_neighbours(p.rows, p.cols, set(obstacles))
        path = shortest_path(start, goal, neighbours)
        if path is None:
            raise Reject("unsolvable: no path from start to goal avoids the obstacles")
        if len(path) - 1 < 3:
            raise Reject(f"trivial: the goal is only {len(path) - 1} steps away")
        if not obstacle_between(start, goal, set(obstacles)):
            raise Reject("no obstacle lies between start and goal: nothing to avoid")
        layout = GridLayout.fit(p.rows, p.cols, margin=BORDER)
        world = GridWorld(layout, background=BACKGROUNDS[p.background], line_width=p.line_width,
                          fills={start: START_COLOR, goal: GOAL_COLOR},
                          crosses={cell: OBSTACLE_COLOR for cell in obstacles})
        prompt = (
            f"The grid has {p.rows} rows and {p.cols} columns. The yellow ball starts on the blue cell; the red "
            "cell is the goal. Cells marked with a black X are obstacles. Move the ball one cell at a time "
            "(up, down, left or right) to the red cell along a shortest possible route, never entering a cell "
            "with a black X."
        )
        solution = Solution(
            layout=layout.to_dict(), start=start, goal=goal, obstacles=obstacles, path=path,
            optimal_steps=len(path) - 1, shortest_paths=count_shortest_paths(start, goal, neighbours),
            agent_color=AGENT_COLOR,
        )
        return self.walk_sample(world.walker(AGENT_COLOR, path, p.frames_per_step), prompt, solution)

    def other_routes(self, s: Solution) -> Routes:
        """Another shortest route where the instance has one: ties broken in the opposite neighbour order."""
        p = self.params
        other = shortest_path(s.start, s.goal, grid_neighbours(p.rows, p.cols, set(s.obstacles), NEIGHBOUR_STEPS[::-1]))
        return {"other_shortest_route": other if other != s.path else None}

    def wrong_routes(self, s: Solution) -> Routes:
        """Where ignoring the X marks shortens the route, that route (after the walk stopped one step short)."""
        straight = shortest_path(s.start, s.goal, grid_neighbours(self.params.rows, self.params.cols, set()))
        return {"through_an_obstacle": straight if len(straight) < len(s.path) else None}
