"""G-47 multiple_keys_for_one_door: collect every key in a maze, then reach the door, by a shortest route.

Parameters → draw → solve → render → prompt:

- a maze of ``rooms``×``rooms`` rooms (``vbvr_core.solve.maze``) with ``loops`` extra passages, so that
  routes between places differ and the order of visits matters;
- the green agent, ``keys`` coloured diamond keys and the brown door stand in distinct rooms,
  never next to one another;
- BFS over (cell, keys collected) states (``vbvr_core.solve.search.collecting_route``) finds a shortest route that collects
  every key before stepping onto the door; instances without one, with every key on a shortest
  start→door route (nothing to plan) or with a route longer than ``max_route`` are rejected and redrawn;
- the video walks the agent along the route; each key vanishes when the agent picks it up.

Official conventions (VBVR-EvalKit's evaluator, see the README): keys are solid blobs of at least 400 px²
in yellow, cyan, blue or red (hues 80–130, 0–10 and 27–40 in OpenCV units); the door is a filled light-brown
block (hue 10–25 at saturation 50–99: a door to the evaluator, never a key), the only thing of its hue;
the clip holds its ends 4 frames, not 12 (the evaluator reads a still agent as revisits).
"""

from __future__ import annotations

from typing import Annotated

from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, GridLayout, draw_disc
from vbvr_core.families.gridwalk import maze
from vbvr_core.families.gridwalk.draw import step_frames
from vbvr_core.families.gridwalk.task import WalkGenerator, scene_walker
from vbvr_core.families.gridwalk.visits import require_route
from vbvr_core.pipeline.generator import Reject
from vbvr_core.solve.search import bfs_distances, collecting_route, grid_neighbours

from vbvr_g47_multiple_keys_for_one_door.plugin import TASK

WALL_COLOR = (0, 0, 0)
AGENT_COLOR = PALETTE["green"]
DOOR_COLOR = (170, 145, 115)
#: key colours by the name the prompt uses; this yellow's hue (27) stays out of the evaluator's door window (≤ 25)
KEY_COLORS = {"yellow": (235, 215, 30), "cyan": PALETTE["cyan"], "blue": PALETTE["blue"], "red": PALETTE["red"]}
KEY_SIZE = 0.4  # diamond radius in cells (half-diagonal 0.46 cells: ≥ 400 px² at 13 cells a side)
HOLD_FRAMES = 4  # 1/6 s: the stay on the door the walk judge asks for; longer holds read as revisits officially


class Params(TaskParams):
    """G-47's parameter space: the maze, its keys and loops grow with the difficulty stratum."""

    rooms: maze.PieceMazeRooms = 5
    keys: Annotated[int, Strata(2, (2, 3), 3)] = Field(2, ge=2, le=4, description="number of keys to collect")
    loops: maze.MazeLoops = 4
    max_route: int = Field(56, ge=12, le=60, description="greatest route length in cells (keeps videos short)")
    floor: maze.FloorIndex = 0
    palette_shift: Annotated[int, Uniform(0, len(KEY_COLORS) - 1)] = Field(
        0, ge=0, le=len(KEY_COLORS) - 1, description="first key colour in the key palette")
    frames_per_step: Annotated[int, Uniform(2, 4)] = Field(
        3, ge=2, le=4, description="video frames per one-cell move (fewer on long routes)")


class Solution(TaskSolution):
    """The maze, the pieces and one shortest key-collecting route."""

    layout: dict[str, int]
    start: Cell
    door: Cell
    keys: list[Cell]
    key_colors: list[str]
    walls: list[Cell]
    path: list[Cell]
    optimal_steps: int
    agent_color: tuple[int, int, int]


class MultipleKeysGenerator(WalkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a looped maze with an agent, keys and a door, and the shortest key-collecting walk (no near misses)."""

    short_name = None

    def generate(self) -> Sample:
        """Carve the maze, place the pieces, solve over (cell, keys) states, render the walk."""
        p = self.params
        # agent, keys and door in distinct rooms, each at grid distance ≥ 3 from the others when possible
        layout, walls, (start, *keys, door) = maze.maze_pieces(self.rng, p.rooms, p.loops, p.keys + 2, fill=True)
        floor = grid_neighbours(layout.rows, layout.cols, set(walls))
        route = collecting_route(start, keys, door, floor)
        require_route(route, p.max_route, "no route collects every key and reaches the door")
        if len(route) - 1 <= bfs_distances(start, floor)[door]:
            raise Reject("trivial: every key lies on a shortest route to the door")
        names = list(KEY_COLORS)
        key_names = [names[(p.palette_shift + k) % len(names)] for k in range(p.keys)]
        scene = key_scene(layout, walls, door, BACKGROUNDS[p.floor], keys, [KEY_COLORS[n] for n in key_names])
        listing = ", ".join(key_names[:-1]) + f" and {key_names[-1]}"
        prompt = (
            f"The picture shows a maze: black cells are walls, light cells are corridors. A green ball, {p.keys} "
            f"diamond-shaped keys ({listing}) and a brown door (a filled brown square) are in the maze. The door opens "
            "only when all keys are held. Move the green ball one cell at a time (up, down, left or right) through "
            "the corridors, never into a wall, to pick up every key (a key disappears when the ball reaches it) "
            "and then reach the brown door, taking the shortest possible route overall."
        )
        solution = Solution(layout=layout.to_dict(), start=start, door=door, keys=keys, key_colors=key_names,
                            walls=walls, path=route, optimal_steps=len(route) - 1, agent_color=AGENT_COLOR)
        return self.walk_sample(scene_walker(scene, route, step_frames(p.frames_per_step, len(route) - 1, least=2)),
                                prompt, solution, hold_frames=HOLD_FRAMES)


def key_scene(layout: GridLayout, walls: list[Cell], door: Cell, floor: tuple[int, int, int], keys: list[Cell],
              key_colors: list[tuple[int, int, int]]) -> maze.PickupScene:
    """The maze with the filled brown door, the keys lying and the green agent."""
    canvas = maze.maze_world(layout, walls, floor, WALL_COLOR).image()
    layout.fill_cell(ImageDraw.Draw(canvas), door, DOOR_COLOR, inset=max(2, layout.cell // 10))
    agent = maze.padded_sprite(layout.cell * 0.32, lambda d, c, r: draw_disc(d, c, r, fill=AGENT_COLOR + (255,),
                                                                             outline=(30, 30, 30, 255), width=2))
    return maze.PickupScene.of_keys(layout, canvas, keys, key_colors, KEY_SIZE, agent)
