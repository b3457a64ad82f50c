"""G-45 key_door_matching: fetch the key of the door's colour, then walk into the door, by a shortest route.

Parameters → draw → solve → render → prompt:

- a maze of ``rooms``×``rooms`` rooms (``vbvr_core.solve.maze``) with ``loops`` extra passages;
- a green round agent, ``keys`` filled diamond keys of distinct colours and one hollow square door in the
  colour of exactly one of them, all in distinct rooms;
- BFS over (cell, key held) states (``key_door_route``) finds a shortest walk that picks up the
  matching key and then steps onto the door, never touching a key of another colour (it would be the
  wrong key). Rejected and redrawn: no such walk, the matching key on a shortest route to the door anyway
  (no detour to plan), no wrong key at least as near the agent as the right one (walking to the nearest
  key would do), a walk longer than ``max_route``;
- the video walks the agent along it; the key vanishes when the agent picks it up.

Official conventions (VBVR-EvalKit's ``KeyDoorMatchingEvaluator``, see the README): a green round agent,
filled diamond keys and hollow rectangular doors in red, blue, yellow, purple, cyan or orange.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated

from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, GridLayout, Sprite
from vbvr_core.families.gridwalk import maze
from vbvr_core.families.gridwalk.draw import step_frames
from vbvr_core.families.gridwalk.task import Routes, WalkGenerator, scene_walker
from vbvr_core.families.gridwalk.visits import require_route, tie_break_routes
from vbvr_core.pipeline.generator import Reject
from vbvr_core.solve.search import NEIGHBOUR_STEPS, bfs_distances, collecting_route, grid_neighbours, shuffled_moves

from vbvr_g45_key_door_matching.plugin import TASK

WALL_COLOR = (25, 25, 25)  # near black: pure black turns into chroma noise when encoded
AGENT_COLOR = PALETTE["green"]
#: key and door colours by the name the prompt uses, each inside one of the official evaluator's hue windows
#: (this yellow's hue is 27, clear of its orange window 10–20)
COLORS = {"red": PALETTE["red"], "blue": PALETTE["blue"], "yellow": (235, 215, 30), "purple": PALETTE["purple"],
          "cyan": PALETTE["cyan"], "orange": PALETTE["orange"]}
KEY_SIZE = 0.44  # diamond half-diagonal in cells


class Params(TaskParams):
    """G-45's parameter space: the maze, its loops and the number of keys grow with the difficulty stratum."""

    rooms: maze.PieceMazeRooms = 5
    keys: Annotated[int, Strata(2, (2, 3), (3, 4))] = Field(
        3, ge=2, le=4, description="keys of distinct colours, one matching the door")
    loops: maze.MazeLoops = 4
    max_route: int = Field(48, ge=12, le=60, description="greatest walk length in cells (keeps videos short)")
    floor: maze.FloorIndex = 0
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


class KeyDoorMatchingGenerator(WalkGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a looped maze with an agent, coloured keys and a door, and the walk over the matching key."""

    def generate(self) -> Sample:
        """Carve the maze, place the pieces, solve over (cell, key held) states, render the walk."""
        p = self.params
        # agent, keys and door in distinct rooms, at grid distance ≥ 3 from one another
        layout, walls, (start, key, *wrong, door) = maze.maze_pieces(
            self.rng, p.rooms, p.loops, p.keys + 2, what=f"{p.keys} keys, the agent and the door")
        side = layout.rows
        names = [str(name) for name in self.rng.choice(list(COLORS), size=p.keys, replace=False)]
        path = key_door_route(side, side, walls, start, key, door, wrong, shuffled_moves(self.rng))
        require_route(path, p.max_route, "no walk reaches the matching key and then the door past the other keys")
        direct = key_door_route(side, side, walls, start, None, door, wrong)
        if direct is not None and len(path) <= len(direct):
            raise Reject("trivial: the matching key lies on a shortest route to the door")
        reach = bfs_distances(start, grid_neighbours(side, side, set(walls)))
        if not any(reach[cell] <= reach[key] for cell in wrong):
            raise Reject("trivial: the matching key is the nearest key")
        scene = key_scene(layout, walls, BACKGROUNDS[p.floor], door, [key, *wrong], [COLORS[name] for name in names])
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
        return self.walk_sample(scene_walker(scene, path, step_frames(p.frames_per_step, len(path) - 1, least=3)),
                                prompt, solution)

    def _route(self, s: Solution, key: Cell | None, avoid: list[Cell], moves=NEIGHBOUR_STEPS) -> list[Cell] | None:
        side = s.layout["rows"]
        return key_door_route(side, side, s.walls, s.start, key, s.door, avoid, moves)

    def other_routes(self, s: Solution) -> Routes:
        """Other shortest walks over the matching key: the moves tried vertical-first and horizontal-first."""
        return tie_break_routes(lambda moves: self._route(s, s.key, s.wrong_keys, moves))

    def wrong_routes(self, s: Solution) -> Routes:
        """The first wrong key that can be fetched instead of the right one (after the ground truth stopped one step
        short)."""
        for wrong in s.wrong_keys:
            route = self._route(s, wrong, [s.key] + [c for c in s.wrong_keys if c != wrong])
            if route is not None:
                return {"wrong_key": route}
        return {}


def key_door_route(rows: int, cols: int, walls: Iterable[Cell], start: Cell, key: Cell | None, door: Cell,
                   avoid: Iterable[Cell] = (), moves: Sequence[tuple[int, int]] = NEIGHBOUR_STEPS) -> list[Cell] | None:
    """A shortest walk in the ``rows``×``cols`` maze from ``start`` over ``key`` (straight on when None) into ``door``,
    which is locked until then, never entering ``walls`` or ``avoid`` (the other keys); None when there is none."""
    blocked = {tuple(cell) for cell in walls} | {tuple(cell) for cell in avoid}
    return collecting_route(start, [] if key is None else [key], door, grid_neighbours(rows, cols, blocked, moves))


def key_scene(layout: GridLayout, walls: list[Cell], floor: tuple[int, int, int], door: Cell, keys: list[Cell],
              key_rgbs: list[tuple[int, int, int]]) -> maze.PickupScene:
    """The maze with the door, a hollow square in the first key's colour, the keys lying and the green agent."""
    canvas = maze.maze_world(layout, walls, floor, WALL_COLOR).image()
    x0, y0, x1, y1 = layout.cell_box(door, max(2, layout.cell // 12))
    ImageDraw.Draw(canvas).rectangle([x0, y0, x1 - 1, y1 - 1], outline=key_rgbs[0], width=max(3, layout.cell // 8))
    agent = Sprite.of_shape("circle", layout.cell * 0.3, AGENT_COLOR, (30, 30, 30), outline_width=2, reach=1.0)
    return maze.PickupScene.of_keys(layout, canvas, keys, key_rgbs, KEY_SIZE, agent)
