"""G-47 multiple_keys_for_one_door: collect every key in a maze, then reach the door, by a shortest route.

Parameters → draw → solve → render → prompt:

- a maze of ``rooms``×``rooms`` rooms (``vbvr_core.solve.maze``) with ``loops`` extra passages, so that
  routes between places differ and the order of visits matters;
- the green agent, ``keys`` coloured diamond keys and the red hollow door stand in distinct rooms,
  never next to one another;
- BFS over (cell, keys collected) states (``solver.key_route``) finds a shortest route that collects
  every key before stepping onto the door; ``validate`` rejects instances whose keys all lie on a
  shortest start→door route (nothing to plan), routes longer than ``max_route``, and clutter;
- the video walks the agent along the route; each key vanishes when the agent picks it up.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import (
    PALETTE,
    GridLayout,
    Sprite,
    Stage,
    draw_disc,
    draw_shape,
    interpolate_points,
    new_canvas,
    to_frame,
)
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.solve.maze import add_loops, perfect_maze, room_cells, wall_cells
from vbvr_core.solve.search import bfs_distances, grid_neighbours

from vbvr_g47_multiple_keys_for_one_door.plugin import INFO
from vbvr_g47_multiple_keys_for_one_door.solver import key_order, key_route

WALL_COLOR = (0, 0, 0)
FLOOR_COLORS = [(255, 255, 255), (250, 248, 240), (244, 246, 250)]
AGENT_COLOR = PALETTE["green"]
DOOR_COLOR = PALETTE["red"]
KEY_COLORS = ("yellow", "blue", "orange", "purple", "cyan")
# Difficulty strata: (rooms per side, keys, extra passages).
STRATA = {0: ((4, 4), (2, 2), (2, 3)), 1: ((5, 5), (2, 3), (3, 5)), 2: ((6, 6), (3, 3), (4, 6))}
MAX_MOTION_FRAMES = 100


class Params(TaskParams):
    """G-47's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    rooms: int = Field(5, ge=3, le=7, description="rooms per side; the block grid has 2·rooms+1 cells per side")
    keys: int = Field(2, ge=2, le=4, description="number of keys to collect")
    loops: int = Field(4, ge=0, le=10, description="extra passages opened in the perfect maze")
    max_route: int = Field(56, ge=12, le=60, description="greatest route length in cells (keeps videos short)")
    floor: int = Field(0, ge=0, le=len(FLOOR_COLORS) - 1, description="corridor colour index")
    palette_shift: int = Field(0, ge=0, le=len(KEY_COLORS) - 1, description="first key colour in the key palette")
    frames_per_step: int = Field(3, ge=2, le=4, description="video frames per one-cell move (fewer on long routes)")


class MultipleKeysGenerator(BaseGenerator):
    """Draws a looped maze with an agent, keys and a door, and the shortest key-collecting walk."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Maze size, key count and loops from the stratum; colours and pace uniformly."""
        (rooms_lo, rooms_hi), (keys_lo, keys_hi), (loops_lo, loops_hi) = STRATA[difficulty]
        return {
            "rooms": int(rng.integers(rooms_lo, rooms_hi + 1)),
            "keys": int(rng.integers(keys_lo, keys_hi + 1)),
            "loops": int(rng.integers(loops_lo, loops_hi + 1)),
            "max_route": 56,
            "floor": int(rng.integers(0, len(FLOOR_COLORS))),
            "palette_shift": int(rng.integers(0, len(KEY_COLORS))),
            "frames_per_step": int(rng.integers(2, 5)),
        }

    def _place(self, grid: np.ndarray) -> list[Cell]:
        """Agent, keys and door in distinct rooms, each at grid distance ≥ 3 from the others when possible."""
        rooms = room_cells(grid)
        order = self.rng.permutation(len(rooms))
        chosen: list[Cell] = []
        for index in order:
            cell = rooms[int(index)]
            if all(abs(cell[0] - c[0]) + abs(cell[1] - c[1]) >= 3 for c in chosen):
                chosen.append(cell)
            if len(chosen) == self.params.keys + 2:
                return chosen
        return (
            chosen + [rooms[int(i)] for i in order if rooms[int(i)] not in chosen][: self.params.keys + 2 - len(chosen)]
        )

    def generate(self) -> Sample:
        """Carve the maze, place the pieces, solve over (cell, keys) states, render the walk."""
        p = self.params
        grid = add_loops(self.rng, perfect_maze(self.rng, p.rooms, p.rooms), p.loops)
        start, *keys, door = self._place(grid)
        walls = wall_cells(grid)
        floor = grid_neighbours(grid.shape[0], grid.shape[1], set(walls))
        route, routes = key_route(floor, start, keys, door)
        direct = bfs_distances(start, floor).get(door)
        path = route or [start]
        layout = GridLayout.fit(grid.shape[0], grid.shape[1])
        steps = max(1, len(path) - 1)
        frames_per_step = max(2, min(p.frames_per_step, MAX_MOTION_FRAMES // steps))
        key_names = [KEY_COLORS[(p.palette_shift + k) % len(KEY_COLORS)] for k in range(p.keys)]
        scene = KeyScene(layout, walls, door, FLOOR_COLORS[p.floor], keys, [PALETTE[n] for n in key_names])
        listing = ", ".join(key_names[:-1]) + f" and {key_names[-1]}"
        prompt = (
            f"The picture shows a maze: black cells are walls, light cells are corridors. A green ball, {p.keys} "
            f"diamond-shaped keys ({listing}) and a red door (a hollow red square) are in the maze. The door opens "
            "only when all keys are held. Move the green ball one cell at a time (up, down, left or right) through "
            "the corridors, never into a wall, to pick up every key (a key disappears when the ball reaches it) "
            "and then reach the red door, taking the shortest possible route overall."
        )
        solution = {
            "layout": layout.to_dict(),
            "start": list(start),
            "door": list(door),
            "keys": [list(cell) for cell in keys],
            "key_colors": key_names,
            "walls": [list(cell) for cell in walls],
            "path": [list(cell) for cell in route] if route else None,
            "optimal_steps": len(route) - 1 if route else None,
            "key_order": key_order(route, keys) if route else [],
            "shortest_routes": routes,
            "direct_steps": direct,
            "agent_color": list(AGENT_COLOR),
            "frames_per_step": frames_per_step,
        }
        first, final = scene.first_and_final(path)
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: scene.frames(path, frames_per_step),
            solution=solution,
            params=p,
            hold_frames=8,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject unsolvable, trivial (keys on the way anyway), over-long and cluttered instances."""
        problems = super().validate(sample)
        solution, p = sample.solution, sample.params
        if solution["path"] is None:
            return problems + ["unsolvable: no route collects every key and reaches the door"]
        pieces = [tuple(solution["start"]), tuple(solution["door"])] + [tuple(cell) for cell in solution["keys"]]
        walls = {tuple(cell) for cell in solution["walls"]}
        if len(set(pieces)) != len(pieces) or walls & set(pieces):
            problems.append("occlusion: two pieces share a cell or one stands on a wall")
        if any(abs(a[0] - b[0]) + abs(a[1] - b[1]) < 2 for i, a in enumerate(pieces) for b in pieces[i + 1 :]):
            problems.append("cluttered: two pieces stand next to each other")
        if solution["optimal_steps"] <= solution["direct_steps"]:
            problems.append("trivial: every key lies on a shortest route to the door")
        if solution["optimal_steps"] > p.max_route:
            problems.append(f"route of {solution['optimal_steps']} cells exceeds max_route={p.max_route}")
        if len(solution["key_order"]) != len(solution["keys"]) or any(tuple(c) in walls for c in solution["path"]):
            problems.append("solver bug: the route misses a key or enters a wall")
        return problems


class KeyScene:
    """The maze and the door drawn once; frames paste the keys still lying there and the agent."""

    def __init__(
        self,
        layout: GridLayout,
        walls: list[Cell],
        door: Cell,
        floor: tuple[int, int, int],
        keys: list[Cell],
        key_colors: list[tuple[int, int, int]],
    ):
        self.layout, self.keys = layout, keys
        canvas = new_canvas(floor)
        draw = ImageDraw.Draw(canvas)
        for cell in walls:
            layout.fill_cell(draw, cell, WALL_COLOR)
        x0, y0, x1, y1 = layout.cell_box(door, max(3, layout.cell // 8))
        draw.rectangle([x0, y0, x1 - 1, y1 - 1], outline=DOOR_COLOR, width=max(3, layout.cell // 9))
        self.background = to_frame(canvas)
        self.key_sprites = [
            _sprite(
                layout.cell,
                lambda d, c, r, rgb=rgb: draw_shape(
                    d, "diamond", c, r, fill=rgb + (255,), outline=(30, 30, 30, 255), width=2
                ),
                0.3,
            )
            for rgb in key_colors
        ]
        self.agent = _sprite(
            layout.cell,
            lambda d, c, r: draw_disc(d, c, r, fill=AGENT_COLOR + (255,), outline=(30, 30, 30, 255), width=2),
            0.32,
        )

    def _placements(self, held: set[int], point: tuple[float, float]) -> list:
        lying = [
            (self.key_sprites[k], self.layout.cell_center(cell)) for k, cell in enumerate(self.keys) if k not in held
        ]
        return lying + [(self.agent, point)]

    def first_and_final(self, route: list[Cell]) -> tuple[np.ndarray, np.ndarray]:
        """First frame (all keys lying, agent at the start) and final frame (keys gone, agent at the door)."""
        stage = Stage(self.background)
        held = {k for k, cell in enumerate(self.keys) if cell in route}
        return (
            stage.frame(self._placements(set(), self.layout.cell_center(route[0]))),
            stage.frame(self._placements(held, self.layout.cell_center(route[-1]))),
        )

    def frames(self, route: list[Cell], frames_per_step: int) -> Iterator[np.ndarray]:
        """The walk, ``frames_per_step`` frames per cell; a key vanishes on the frame the agent reaches it."""
        stage = Stage(self.background)
        points = interpolate_points([self.layout.cell_center(cell) for cell in route], frames_per_step)
        held: set[int] = set()
        for index, point in enumerate(points):
            if index % frames_per_step == 0:
                cell = route[index // frames_per_step]
                held |= {k for k, key in enumerate(self.keys) if key == cell}
            yield stage.frame(self._placements(held, point))


def _sprite(cell: int, paint, ratio: float) -> Sprite:
    """An RGBA sprite of ``paint(draw, centre, radius)`` sized to ``ratio`` of the cell."""
    radius = cell * ratio
    side = int(2 * radius * 1.2 + 6)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    paint(ImageDraw.Draw(image), (side / 2, side / 2), radius)
    return Sprite.from_image(image)
