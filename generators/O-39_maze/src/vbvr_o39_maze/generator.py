"""O-39 maze: walk a green marker through a perfect maze to the red flag along the unique route.

Parameters → draw → solve → render → prompt:

- a perfect maze of ``rooms``×``rooms`` rooms on a ``(2·rooms+1)``² block grid of wall and corridor cells
  (``vbvr_core.solve.maze``): between any two corridor cells there is exactly one route;
- the green marker starts in one room and the red flag stands in another, in opposite corners or
  anywhere, so that the route is between ``min_route`` and ``max_route`` cells long;
- BFS finds the route (unique in a perfect maze; ``validate`` checks the maze is a tree);
- the video walks the marker along the route, painting a trail behind it, so each visited cell shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import PALETTE, GridLayout, Sprite, Stage, draw_disc, interpolate_points, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.solve.maze import open_cells, perfect_maze, room_cells, wall_cells
from vbvr_core.solve.search import bfs_distances, count_shortest_paths, grid_neighbours, shortest_path

from vbvr_o39_maze.plugin import INFO

WALL_COLOR = (0, 0, 0)
FLOOR_COLORS = [(255, 255, 255), (250, 248, 240), (244, 246, 250)]
MARKER_COLOR = PALETTE["green"]
FLAG_COLOR = PALETTE["red"]
TRAIL_COLORS = ("blue", "orange", "cyan")
# Difficulty strata: rooms per side.
STRATA = {0: (4, 5), 1: (6, 6), 2: (7, 8)}
MAX_MOTION_FRAMES = 100


class Params(TaskParams):
    """O-39's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    rooms: int = Field(6, ge=3, le=8, description="rooms per side; the block grid has 2·rooms+1 cells per side")
    placement: Literal["corners", "anywhere"] = Field("corners", description="where the start and the flag go")
    min_route: int = Field(12, ge=6, le=40, description="least route length in cells")
    max_route: int = Field(56, ge=12, le=60, description="greatest route length in cells (keeps videos short)")
    floor: int = Field(0, ge=0, le=len(FLOOR_COLORS) - 1, description="corridor colour index")
    trail_color: Literal["blue", "orange", "cyan"] = Field("blue", description="colour of the trail left behind")
    frames_per_step: int = Field(3, ge=2, le=4, description="video frames per one-cell move (fewer on long routes)")


class MazeGenerator(BaseGenerator):
    """Carves a perfect maze, places start and flag, and walks the unique route between them."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Maze size from the stratum; placement, colours and pace uniformly."""
        lo, hi = STRATA[difficulty]
        rooms = int(rng.integers(lo, hi + 1))
        return {
            "rooms": rooms,
            "placement": ["corners", "anywhere"][int(rng.integers(0, 2))],
            "min_route": 2 * rooms + 2,
            "max_route": 56,
            "floor": int(rng.integers(0, len(FLOOR_COLORS))),
            "trail_color": TRAIL_COLORS[int(rng.integers(0, len(TRAIL_COLORS)))],
            "frames_per_step": int(rng.integers(2, 5)),
        }

    def _endpoints(self, grid: np.ndarray) -> tuple[Cell, Cell]:
        """Start and flag rooms whose route length lies in [min_route, max_route] (the longest such if corners)."""
        p = self.params
        rooms = room_cells(grid)
        side = grid.shape[0] - 2
        if p.placement == "corners":
            candidates = [(1, 1), (1, side), (side, 1), (side, side)]
        else:
            candidates = rooms
        blocked = set(wall_cells(grid))
        neighbours = grid_neighbours(grid.shape[0], grid.shape[1], blocked)
        pairs = []
        for start in candidates:
            distances = bfs_distances(start, neighbours)
            pairs.extend((start, goal, distances[goal]) for goal in candidates if goal != start)
        fitting = [(s, g) for s, g, d in pairs if p.min_route <= d <= p.max_route]
        if not fitting:  # route bounds cannot be met: take the pair closest to them (validate rejects it)
            best = min(pairs, key=lambda item: abs(item[2] - p.max_route))
            return best[0], best[1]
        return fitting[int(self.rng.integers(0, len(fitting)))]

    def generate(self) -> Sample:
        """Carve the maze, choose the endpoints, find the route, render the walk with its trail."""
        p = self.params
        grid = perfect_maze(self.rng, p.rooms, p.rooms)
        start, goal = self._endpoints(grid)
        walls = wall_cells(grid)
        neighbours = grid_neighbours(grid.shape[0], grid.shape[1], set(walls))
        route = shortest_path(start, goal, neighbours)
        layout = GridLayout.fit(grid.shape[0], grid.shape[1])
        steps = len(route) - 1
        frames_per_step = max(2, min(p.frames_per_step, MAX_MOTION_FRAMES // steps))
        scene = MazeScene(layout, walls, goal, FLOOR_COLORS[p.floor], PALETTE[p.trail_color])
        first, final = scene.first_and_final(route)
        prompt = (
            f"The picture shows a maze of {grid.shape[0]}x{grid.shape[1]} cells: black cells are walls, light "
            "cells are corridors. Move the green ball from where it stands to the red flag, one cell at a time "
            "(up, down, left or right), only through corridor cells and never into a wall, along the maze's "
            f"route to the flag, leaving a {p.trail_color} trail on every cell it passes."
        )
        solution = {
            "layout": layout.to_dict(),
            "start": list(start),
            "goal": list(goal),
            "walls": [list(cell) for cell in walls],
            "path": [list(cell) for cell in route],
            "optimal_steps": steps,
            "routes": count_shortest_paths(start, goal, neighbours),
            "tree": _is_tree(grid),
            "agent_color": list(MARKER_COLOR),
            "trail_color": list(PALETTE[p.trail_color]),
            "frames_per_step": frames_per_step,
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: scene.frames(route, frames_per_step),
            solution=solution,
            params=p,
            hold_frames=8,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject mazes with loops, routes out of bounds, and endpoints on walls."""
        problems = super().validate(sample)
        solution, p = sample.solution, sample.params
        walls = {tuple(cell) for cell in solution["walls"]}
        if tuple(solution["start"]) in walls or tuple(solution["goal"]) in walls:
            problems.append("occlusion: the start or the flag stands on a wall")
        if not solution["tree"] or solution["routes"] != 1:
            problems.append(f"ambiguous: the maze has loops ({solution['routes']} shortest routes)")
        if not p.min_route <= solution["optimal_steps"] <= p.max_route:
            problems.append(f"route of {solution['optimal_steps']} cells is outside [{p.min_route}, {p.max_route}]")
        if any(tuple(cell) in walls for cell in solution["path"]):
            problems.append("solver bug: the route enters a wall")
        return problems


def _is_tree(grid: np.ndarray) -> bool:
    """True when the open cells form a tree (connected, one fewer adjacency than cells): a perfect maze."""
    cells = open_cells(grid)
    links = int((grid[1:, :] & grid[:-1, :]).sum() + (grid[:, 1:] & grid[:, :-1]).sum())
    reachable = bfs_distances(cells[0], grid_neighbours(grid.shape[0], grid.shape[1], set(wall_cells(grid))))
    return links == len(cells) - 1 and len(reachable) == len(cells)


class MazeScene:
    """The maze drawn once; frames paste the marker and paint the trail as it grows."""

    def __init__(
        self,
        layout: GridLayout,
        walls: list[Cell],
        goal: Cell,
        floor: tuple[int, int, int],
        trail: tuple[int, int, int],
    ):
        self.layout, self.trail = layout, trail
        canvas = new_canvas(floor)
        draw = ImageDraw.Draw(canvas)
        for cell in walls:
            layout.fill_cell(draw, cell, WALL_COLOR)
        _draw_flag(draw, layout, goal)
        self.background = to_frame(canvas)
        self.half_width = max(2, layout.cell // 7)
        radius = layout.cell * 0.33
        side = int(2 * radius + 6)
        image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        draw_disc(
            ImageDraw.Draw(image),
            (side / 2, side / 2),
            radius,
            fill=MARKER_COLOR + (255,),
            outline=(30, 30, 30, 255),
            width=2,
        )
        self.marker = Sprite.from_image(image)

    def _paint(self, canvas: np.ndarray, a: tuple[float, float], b: tuple[float, float]) -> None:
        """Paint the trail segment from point ``a`` to point ``b`` (axis-aligned) into ``canvas``."""
        w = self.half_width
        x0, x1 = sorted((int(round(a[0])), int(round(b[0]))))
        y0, y1 = sorted((int(round(a[1])), int(round(b[1]))))
        canvas[y0 - w : y1 + w, x0 - w : x1 + w] = self.trail

    def first_and_final(self, route: list[Cell]) -> tuple[np.ndarray, np.ndarray]:
        """The first frame (marker at the start, no trail) and the final frame (whole trail, marker at the flag)."""
        centres = [self.layout.cell_center(cell) for cell in route]
        first = Stage(self.background).frame([(self.marker, centres[0])])
        painted = self.background.copy()
        for a, b in zip(centres, centres[1:], strict=False):
            self._paint(painted, a, b)
        return first, Stage(painted).frame([(self.marker, centres[-1])])

    def frames(self, route: list[Cell], frames_per_step: int) -> Iterator[np.ndarray]:
        """The walk: the marker moves ``frames_per_step`` frames per cell; the trail follows it."""
        points = interpolate_points([self.layout.cell_center(cell) for cell in route], frames_per_step)
        stage = Stage(self.background.copy())
        yield stage.frame([(self.marker, points[0])])
        for previous, point in zip(points, points[1:], strict=False):
            self._paint(stage.background, previous, point)
            yield stage.frame([(self.marker, point)])


def _draw_flag(draw: ImageDraw.ImageDraw, layout: GridLayout, cell: Cell) -> None:
    """A red pennant on a dark pole, filling most of ``cell``."""
    x0, y0, x1, y1 = layout.cell_box(cell)
    size = x1 - x0
    pole_x = x0 + size * 0.3
    draw.line([(pole_x, y0 + size * 0.12), (pole_x, y1 - size * 0.1)], fill=(60, 40, 30), width=max(2, size // 12))
    draw.polygon(
        [(pole_x, y0 + size * 0.12), (x1 - size * 0.12, y0 + size * 0.3), (pole_x, y0 + size * 0.5)], fill=FLAG_COLOR
    )
