"""G-45 key_door_matching: fetch the key of the door's colour, then walk into the door, by a shortest route.

Parameters → draw → solve → render → prompt:

- a maze of ``rooms``×``rooms`` rooms (``vbvr_core.solve.maze``) with ``loops`` extra passages;
- a green round agent, ``keys`` filled diamond keys of distinct colours and one hollow square door in the
  colour of exactly one of them, all in distinct rooms;
- BFS over (cell, key held) states (``solver.key_door_route``) finds a shortest walk that picks up the
  matching key and then steps onto the door, never touching a key of another colour (it would be the
  wrong key). Rejected and redrawn: no such walk, the matching key on a shortest route to the door anyway
  (no detour to plan), no wrong key at least as near the agent as the right one (walking to the nearest
  key would do), a walk longer than ``max_route``;
- the video walks the agent along it; the key vanishes when the agent picks it up.

Official conventions (VBVR-EvalKit's ``KeyDoorMatchingEvaluator``, see the README): a green round agent,
filled diamond keys and hollow rectangular doors in red, blue, yellow, purple, cyan or orange.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    GridLayout,
    Sprite,
    Stage,
    draw_shape,
    interpolate_points,
    new_canvas,
    to_frame,
)
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.solve.maze import add_loops, perfect_maze, room_cells, wall_cells
from vbvr_core.solve.search import NEIGHBOUR_STEPS, bfs_distances, grid_neighbours

from vbvr_g45_key_door_matching.plugin import TASK
from vbvr_g45_key_door_matching.solver import key_door_route

WALL_COLOR = (25, 25, 25)  # near black: pure black turns into chroma noise when encoded
AGENT_COLOR = PALETTE["green"]
#: key and door colours by the name the prompt uses, each inside one of the official evaluator's hue windows
#: (this yellow's hue is 27, clear of its orange window 10–20)
COLORS = {"red": PALETTE["red"], "blue": PALETTE["blue"], "yellow": (235, 215, 30), "purple": PALETTE["purple"],
          "cyan": PALETTE["cyan"], "orange": PALETTE["orange"]}
KEY_SIZE = 0.44  # diamond half-diagonal in cells
GRID_MARGIN = 16
MAX_MOTION_FRAMES = 100
VERTICAL_FIRST = ((-1, 0), (1, 0), (0, -1), (0, 1))
HORIZONTAL_FIRST = ((0, -1), (0, 1), (-1, 0), (1, 0))


class Params(TaskParams):
    """G-45's parameter space: the maze, its loops and the number of keys grow with the difficulty stratum."""

    rooms: Annotated[int, Strata(4, 5, 6)] = Field(
        5, ge=3, le=7, description="rooms per side; the block grid has 2·rooms+1 cells per side")
    keys: Annotated[int, Strata(2, (2, 3), (3, 4))] = Field(
        3, ge=2, le=4, description="keys of distinct colours, one matching the door")
    loops: Annotated[int, Strata((2, 3), (3, 5), (4, 6))] = Field(
        4, ge=0, le=10, description="extra passages opened in the perfect maze")
    max_route: int = Field(48, ge=12, le=60, description="greatest walk length in cells (keeps videos short)")
    floor: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="corridor colour index")
    frames_per_step: Annotated[int, Uniform(3, 5)] = Field(
        4, ge=3, le=6, description="video frames per one-cell move (fewer on long walks, at least 3)")


class Solution(TaskSolution):
    """The maze, the pieces and one shortest walk over the matching key to the door."""

    layout: dict[str, int]
    walls: list[Cell]
    start: Cell
    door: Cell
    door_color: str
    key: Cell
    wrong_keys: list[Cell]
    wrong_colors: list[str]
    path: list[Cell]
    optimal_steps: int
    agent_color: tuple[int, int, int]


class KeyDoorMatchingGenerator(BaseGenerator):
    """Draws a looped maze with an agent, coloured keys and a door, and the walk over the matching key."""

    info = TASK.info
    Params = Params
    Solution = Solution

    def _place(self, grid: np.ndarray) -> list[Cell]:
        """Agent, keys and door in distinct rooms, at grid distance ≥ 3 from one another; Reject if they do not fit."""
        chosen: list[Cell] = []
        rooms = room_cells(grid)
        for index in self.rng.permutation(len(rooms)):
            cell = rooms[int(index)]
            if all(abs(cell[0] - c[0]) + abs(cell[1] - c[1]) >= 3 for c in chosen):
                chosen.append(cell)
                if len(chosen) == self.params.keys + 2:
                    return chosen
        raise Reject(f"no room for {self.params.keys} keys, the agent and the door apart")

    def generate(self) -> Sample:
        """Carve the maze, place the pieces, solve over (cell, key held) states, render the walk."""
        p = self.params
        grid = add_loops(self.rng, perfect_maze(self.rng, p.rooms, p.rooms), p.loops)
        side = grid.shape[0]
        start, key, *wrong, door = self._place(grid)
        names = [str(name) for name in self.rng.choice(list(COLORS), size=p.keys, replace=False)]
        walls = wall_cells(grid)
        moves = [NEIGHBOUR_STEPS[int(k)] for k in self.rng.permutation(4)]
        path = key_door_route(side, side, set(walls), start, key, door, wrong, moves)
        if path is None:
            raise Reject("unsolvable: no walk reaches the matching key and then the door past the other keys")
        if len(path) - 1 > p.max_route:
            raise Reject(f"walk of {len(path) - 1} cells exceeds max_route={p.max_route}")
        direct = key_door_route(side, side, set(walls), start, None, door, wrong)
        if direct is not None and len(path) <= len(direct):
            raise Reject("trivial: the matching key lies on a shortest route to the door")
        reach = bfs_distances(start, grid_neighbours(side, side, set(walls)))
        if not any(reach[cell] <= reach[key] for cell in wrong):
            raise Reject("trivial: the matching key is the nearest key")
        layout = GridLayout.fit(side, side, margin=GRID_MARGIN)
        scene = KeyScene(layout, walls, BACKGROUNDS[p.floor], door, COLORS[names[0]], [key, *wrong],
                         [COLORS[name] for name in names])
        per_step = max(3, min(p.frames_per_step, MAX_MOTION_FRAMES // (len(path) - 1)))
        self.walk = lambda cells: lambda: scene.frames(cells, per_step)
        listing = ", ".join(name for name in COLORS if name in names)
        article = "an" if names[0][0] in "aeiou" else "a"
        prompt = (
            "The picture shows a maze: dark cells are walls, light cells are corridors. A green ball, "
            f"{p.keys} diamond-shaped keys ({listing}) and {article} {names[0]} door (a hollow {names[0]} "
            f"square) are in the maze. Only the key of the door's colour opens it. Move the green ball one cell "
            "at a time (up, down, left or right) through the corridors, never into a wall, to pick up the "
            f"{names[0]} key (it disappears when the ball reaches it) without touching any key of another colour, "
            "and then walk into the door, taking the shortest possible route."
        )
        solution = Solution(layout=layout.to_dict(), walls=walls, start=start, door=door, door_color=names[0],
                            key=key, wrong_keys=wrong, wrong_colors=names[1:], path=path,
                            optimal_steps=len(path) - 1, agent_color=AGENT_COLOR)
        first, final = scene.first_and_final(path)
        return Sample(first_frame=first, final_frame=final, prompt=prompt, trajectory=self.walk(path),
                      solution=solution, params=p)

    def _route(self, sample: Sample, key: Cell | None, avoid: list[Cell], moves=NEIGHBOUR_STEPS) -> list[Cell]:
        s = sample.solution
        side = s.layout["rows"]
        return key_door_route(side, side, set(s.walls), s.start, key, s.door, avoid, moves)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other shortest walks over the matching key: the moves tried vertical-first and horizontal-first."""
        s = sample.solution
        return {name: self.walk(self._route(sample, s.key, s.wrong_keys, moves))
                for name, moves in (("vertical_first", VERTICAL_FIRST), ("horizontal_first", HORIZONTAL_FIRST))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The nearest wrong key fetched instead of the right one; the ground truth stopped one step short."""
        s = sample.solution
        misses = {"one_step_short": self.walk(s.path[:-1])}
        for wrong in s.wrong_keys:
            route = self._route(sample, wrong, [s.key] + [c for c in s.wrong_keys if c != wrong])
            if route is not None:
                misses["wrong_key"] = self.walk(route)
                break
        return misses


class KeyScene:
    """The maze and the door drawn once; frames paste the keys still lying there and the agent."""

    def __init__(self, layout: GridLayout, walls: list[Cell], floor: tuple[int, int, int], door: Cell,
                 door_rgb: tuple[int, int, int], keys: list[Cell], key_rgbs: list[tuple[int, int, int]]):
        self.layout, self.keys = layout, [tuple(cell) for cell in keys]
        canvas = new_canvas(floor)
        draw = ImageDraw.Draw(canvas)
        for cell in walls:
            layout.fill_cell(draw, cell, WALL_COLOR)
        x0, y0, x1, y1 = layout.cell_box(door, max(2, layout.cell // 12))
        draw.rectangle([x0, y0, x1 - 1, y1 - 1], outline=door_rgb, width=max(3, layout.cell // 8))
        self.background = to_frame(canvas)
        self.key_sprites = [_sprite(layout.cell * KEY_SIZE, lambda d, c, r, rgb=rgb: draw_shape(
            d, "diamond", c, r, fill=rgb + (255,))) for rgb in key_rgbs]
        self.agent = Sprite.of_shape("circle", layout.cell * 0.3, AGENT_COLOR, (30, 30, 30),
                                     outline_width=2, reach=1.0)

    def _placements(self, held: set[int], point: tuple[float, float]) -> list:
        lying = [(self.key_sprites[k], self.layout.cell_center(cell)) for k, cell in enumerate(self.keys)
                 if k not in held]
        return lying + [(self.agent, point)]

    def first_and_final(self, route: list[Cell]) -> tuple[np.ndarray, np.ndarray]:
        """First frame (every key lying, agent at the start) and final frame (agent in the door)."""
        stage = Stage(self.background)
        held = {k for k, cell in enumerate(self.keys) if cell in {tuple(c) for c in route}}
        return (stage.frame(self._placements(set(), self.layout.cell_center(route[0]))),
                stage.frame(self._placements(held, self.layout.cell_center(route[-1]))))

    def frames(self, route: list[Cell], frames_per_step: int) -> Iterator[np.ndarray]:
        """The walk, ``frames_per_step`` frames per cell; a key vanishes on the frame the agent reaches it."""
        stage = Stage(self.background)
        points = interpolate_points([self.layout.cell_center(cell) for cell in route], frames_per_step)
        held: set[int] = set()
        for index, point in enumerate(points):
            if index % frames_per_step == 0:
                cell = tuple(route[index // frames_per_step])
                held |= {k for k, key in enumerate(self.keys) if key == cell}
            yield stage.frame(self._placements(held, point))


def _sprite(radius: float, paint) -> Sprite:
    """An RGBA sprite of ``paint(draw, centre, radius)``."""
    side = int(2 * radius * 1.2 + 6)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    paint(ImageDraw.Draw(image), (side / 2, side / 2), radius)
    return Sprite.from_image(image)
