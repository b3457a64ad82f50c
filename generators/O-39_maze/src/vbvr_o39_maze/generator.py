"""O-39 maze: walk a green marker through a perfect maze to the red flag along the unique route.

Parameters → draw → solve → render → prompt:

- a perfect maze of ``rooms``×``rooms`` rooms on a ``(2·rooms+1)``² block grid of wall and corridor cells
  (``vbvr_core.solve.maze``): between any two corridor cells there is exactly one route;
- the green marker starts in one room and the red flag stands in another, in opposite corners or
  anywhere, so that the route is between ``min_route`` and ``max_route`` cells long (else ``Reject``);
- BFS finds the route (the only one: the maze is a tree);
- the video walks the marker along the route, painting an orange trail behind it, so each visited cell shows;
- the family's scorer judges it as it is (``vbvr_core.families.gridwalk.scoring.score_plain_walk``): the walk ends
  on the flag, the walls are forbidden cells that a two-cell hop is never bridged over, and the steps count
  against the unique route, so a dead-end excursion costs efficiency.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, GridLayout, Stage, interpolate_points, to_frame
from vbvr_core.families.gridwalk.draw import step_frames
from vbvr_core.families.gridwalk.maze import FloorIndex, maze_world
from vbvr_core.families.gridwalk.task import WalkGenerator, scene_walker
from vbvr_core.pipeline.generator import Reject
from vbvr_core.solve.maze import perfect_maze, room_cells, wall_cells
from vbvr_core.solve.search import bfs_distances, grid_neighbours, shortest_path

from vbvr_o39_maze.plugin import TASK

WALL_COLOR = (0, 0, 0)
MARKER_COLOR = PALETTE["green"]
FLAG_COLOR = PALETTE["red"]
TRAIL_COLOR = PALETTE["orange"]  # the official solution path is orange (issue 16)


class Params(TaskParams):
    """O-39's parameter space: the maze grows with the difficulty stratum."""

    rooms: Annotated[int, Strata((4, 5), (6, 6), (7, 8))] = Field(
        6, ge=3, le=8, description="rooms per side; the block grid has 2·rooms+1 cells per side")
    placement: Annotated[Literal["corners", "anywhere"], Uniform()] = Field(
        "corners", description="where the start and the flag go")
    min_route: int = Field(12, ge=6, le=40, description="least route length in cells; drawn as 2·rooms + 2")
    max_route: int = Field(56, ge=12, le=60, description="greatest route length in cells (keeps videos short)")
    floor: FloorIndex = 0
    frames_per_step: Annotated[int, Uniform(2, 4)] = Field(
        3, ge=2, le=4, description="video frames per one-cell move (fewer on long routes)")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The least route grows with the maze: two cells more than a side of rooms and passages."""
        return {"min_route": 2 * values["rooms"] + 2, **values}


class Solution(TaskSolution):
    """The maze, the start and the flag, the unique route and the marker's colour."""

    layout: dict[str, int]
    start: Cell
    goal: Cell
    walls: list[Cell]
    path: list[Cell]
    optimal_steps: int
    agent_color: tuple[int, int, int]


def route_endpoints(rng: np.random.Generator, grid: np.ndarray, placement: str, min_route: int,
                    max_route: int) -> tuple[Cell, Cell]:
    """A (start, flag) pair of rooms — corner rooms or any — whose route length lies in [min_route, max_route],
    drawn uniformly from all such ordered pairs; :class:`Reject` when the maze has none."""
    side = grid.shape[0] - 2
    candidates = [(1, 1), (1, side), (side, 1), (side, side)] if placement == "corners" else room_cells(grid)
    neighbours = grid_neighbours(grid.shape[0], grid.shape[1], set(wall_cells(grid)))
    fitting = []
    for start in candidates:
        distances = bfs_distances(start, neighbours)
        fitting.extend((start, goal) for goal in candidates
                       if goal != start and min_route <= distances[goal] <= max_route)
    if not fitting:
        raise Reject(f"no {placement} rooms are {min_route}–{max_route} cells apart along the maze")
    return fitting[int(rng.integers(0, len(fitting)))]


class MazeGenerator(WalkGenerator, task=TASK, params=Params, solution=Solution):
    """Carves a perfect maze, places start and flag, and walks the unique route between them."""

    def generate(self) -> Sample:
        """Carve the maze, choose the endpoints, find the route, render the walk with its trail."""
        p = self.params
        grid = perfect_maze(self.rng, p.rooms, p.rooms)
        start, goal = route_endpoints(self.rng, grid, p.placement, p.min_route, p.max_route)
        walls = wall_cells(grid)
        route = shortest_path(start, goal, grid_neighbours(grid.shape[0], grid.shape[1], set(walls)))
        layout = GridLayout.fit(grid.shape[0], grid.shape[1])
        frames_per_step = step_frames(p.frames_per_step, len(route) - 1, least=2)
        solution = Solution(layout=layout.to_dict(), start=start, goal=goal, walls=walls, path=route,
                            optimal_steps=len(route) - 1, agent_color=MARKER_COLOR)
        prompt = (
            f"The picture shows a maze of {grid.shape[0]}x{grid.shape[1]} cells: black cells are walls, light "
            "cells are corridors. Move the green ball from where it stands to the red flag, one cell at a time "
            "(up, down, left or right), only through corridor cells and never into a wall, along the maze's "
            "route to the flag, leaving an orange trail on every cell it passes."
        )
        return self.walk_sample(scene_walker(self.scene(solution), route, frames_per_step), prompt, solution,
                                hold_frames=8)

    def scene(self, solution: Solution) -> MazeScene:
        """The maze of ``solution`` drawn in this instance's colours."""
        return MazeScene(GridLayout(**solution.layout), solution.walls, solution.goal, BACKGROUNDS[self.params.floor])

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The route stopped one cell before the flag, and the route with a detour into a dead end and back, each
        walked at 3 frames a cell."""
        solution, scene = sample.solution, self.scene(sample.solution)
        walks = {"one_cell_short": solution.path[:-1],
                 "dead_end_detour": dead_end_detour(solution.path, set(solution.walls), solution.layout["rows"])}
        return {name: (lambda walk=walk: scene.frames(walk, 3)) for name, walk in walks.items() if walk is not None}


def dead_end_detour(route: list[Cell], walls: set[Cell], side: int) -> list[Cell] | None:
    """``route`` with one step into the first open side cell it passes and back (None when it passes none)."""
    neighbours = grid_neighbours(side, side, walls)
    for index, cell in enumerate(route[:-1]):
        side_cells = [n for n in neighbours(cell) if n not in route]
        if side_cells:
            return route[: index + 1] + [side_cells[0]] + route[index:]
    return None


class MazeScene:
    """The maze drawn once; frames paste the marker and paint the trail as it grows."""

    def __init__(self, layout: GridLayout, walls: list[Cell], goal: Cell, floor: tuple[int, int, int]):
        self.layout = layout
        world = maze_world(layout, walls, floor, WALL_COLOR)
        canvas = world.image()
        # The flag: a red pennant on a dark pole, filling most of the goal's cell.
        draw, (x0, y0, x1, y1) = ImageDraw.Draw(canvas), layout.cell_box(goal)
        size = x1 - x0
        pole_x = x0 + size * 0.3
        draw.line([(pole_x, y0 + size * 0.12), (pole_x, y1 - size * 0.1)], fill=(60, 40, 30), width=max(2, size // 12))
        draw.polygon(
            [(pole_x, y0 + size * 0.12), (x1 - size * 0.12, y0 + size * 0.3), (pole_x, y0 + size * 0.5)], fill=FLAG_COLOR
        )
        self.background = to_frame(canvas)
        self.half_width = max(2, layout.cell // 7)
        self.marker = world.agent_sprite(MARKER_COLOR, radius_ratio=0.33)

    def first_and_final(self, route: list[Cell]) -> tuple[np.ndarray, np.ndarray]:
        """The first frame (marker at the start, no trail) and the final frame (whole trail, marker at the flag): the
        first and last frames of the walk at one frame a cell."""
        frames = list(self.frames(route, 1))
        return frames[0], frames[-1]

    def frames(self, route: list[Cell], frames_per_step: int) -> Iterator[np.ndarray]:
        """The walk: the marker moves ``frames_per_step`` frames per cell; the trail follows it, a band
        ``2·half_width`` px wide painted over each (axis-aligned) move from frame to frame."""
        points = interpolate_points([self.layout.cell_center(cell) for cell in route], frames_per_step)
        stage, w = Stage(self.background.copy()), self.half_width
        yield stage.frame([(self.marker, points[0])])
        for previous, point in zip(points, points[1:], strict=False):
            (x0, x1), (y0, y1) = (sorted((round(previous[k]), round(point[k]))) for k in (0, 1))
            stage.background[y0 - w : y1 + w, x0 - w : x1 + w] = TRAIL_COLOR
            yield stage.frame([(self.marker, point)])
