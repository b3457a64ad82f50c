"""Walks in block mazes (``vbvr_core.solve.maze``): the corridor colour a task draws, the maze and the rooms its
pieces stand in (:func:`maze_pieces`, with the parameter types :data:`PieceMazeRooms` and :data:`MazeLoops`), and
pieces lying in the maze that the agent picks up on its way (keys).

A maze's static picture is a :class:`~vbvr_core.families.gridwalk.draw.GridWorld` with its walls as fills and
``line_width=0`` (:func:`maze_world`); a task draws its own door or flag on it. :class:`PickupScene` then animates the agent over it,
each piece vanishing on the frame the agent reaches its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field

from vbvr_core.contract import Strata, Uniform
from vbvr_core.contract.geometry import Cell, Point
from vbvr_core.draw import BACKGROUNDS, GridLayout, Sprite, Stage, draw_shape, interpolate_points, to_frame
from vbvr_core.families.gridwalk.draw import RGB, GridWorld
from vbvr_core.families.gridwalk.place import spread_cells
from vbvr_core.pipeline.generator import Reject
from vbvr_core.solve.maze import add_loops, perfect_maze, room_cells, wall_cells

#: A maze task's ``floor`` parameter, an index into :data:`vbvr_core.draw.BACKGROUNDS` for its corridors, drawn
#: uniformly: a task writes ``floor: FloorIndex = 0`` among its fields.
FloorIndex = Annotated[
    int, Uniform(0, len(BACKGROUNDS) - 1), Field(ge=0, le=len(BACKGROUNDS) - 1, description="corridor colour index")
]

#: Rooms per side of a maze with pieces in it, more with the difficulty stratum (``rooms: PieceMazeRooms = 5``).
PieceMazeRooms = Annotated[int, Strata(4, 5, 6), Field(
    ge=3, le=7, description="rooms per side; the block grid has 2·rooms+1 cells per side")]
#: Passages opened in a perfect maze so that routes between its pieces differ (``loops: MazeLoops = 4``).
MazeLoops = Annotated[int, Strata((2, 3), (3, 5), (4, 6)), Field(
    ge=0, le=10, description="extra passages opened in the perfect maze")]
#: Pixels left round a maze with pieces in it.
PIECES_MARGIN = 16


def maze_pieces(rng: np.random.Generator, rooms: int, loops: int, count: int, fill: bool = False,
                what: str = "the pieces") -> tuple[GridLayout, list[Cell], list[Cell]]:
    """A maze of ``rooms``×``rooms`` rooms with ``loops`` passages opened (:func:`~vbvr_core.solve.maze.perfect_maze`,
    then :func:`~vbvr_core.solve.maze.add_loops`) laid out with :data:`PIECES_MARGIN` px round it, its wall cells,
    and ``count`` rooms for the pieces, each at grid distance ≥ 3 from the others (in the order drawn by
    :func:`~vbvr_core.families.gridwalk.place.spread_cells`; with ``fill``, nearer rooms make up the count where
    they do not fit). :class:`Reject` ("no room for ``what`` apart") when fewer than ``count`` rooms are found."""
    grid = add_loops(rng, perfect_maze(rng, rooms, rooms), loops)
    pieces = spread_cells(rng, room_cells(grid), count, 3, fill=fill)
    if len(pieces) < count:
        raise Reject(f"no room for {what} apart")
    return GridLayout.fit(grid.shape[0], grid.shape[1], margin=PIECES_MARGIN), wall_cells(grid), pieces


def maze_world(layout: GridLayout, walls: Sequence[Cell], floor: RGB, wall_color: RGB = (0, 0, 0)) -> GridWorld:
    """A maze's static picture: the ``walls`` cells filled ``wall_color`` on the ``floor`` colour, no grid lines."""
    return GridWorld(layout, background=floor, line_width=0, fills=dict.fromkeys(walls, wall_color))


def padded_sprite(radius: float, paint: Callable[[ImageDraw.ImageDraw, Point, float], None]) -> Sprite:
    """An RGBA sprite of ``paint(draw, centre, radius)`` on a transparent square of side ``int(2.4·radius + 6)``."""
    side = int(2 * radius * 1.2 + 6)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    paint(ImageDraw.Draw(image), (side / 2, side / 2), radius)
    return Sprite.from_image(image)


def key_sprite(radius: float, rgb: Sequence[int]) -> Sprite:
    """A key: a filled diamond of ``rgb``, ``radius`` from its centre to each corner (:func:`padded_sprite`)."""
    return padded_sprite(radius, lambda draw, centre, r: draw_shape(draw, "diamond", centre, r, fill=tuple(rgb) + (255,)))


class PickupScene:
    """A maze picture drawn once (``background``, a frame), ``pieces`` lying on their cells as ``sprites`` and the
    ``agent`` sprite walking over them; a piece vanishes on the frame the agent reaches its cell."""

    def __init__(self, layout: GridLayout, background: np.ndarray, pieces: Sequence[Cell], sprites: Sequence[Sprite],
                 agent: Sprite):
        self.layout, self.background, self.agent = layout, background, agent
        self.pieces, self.sprites = [tuple(cell) for cell in pieces], list(sprites)

    @classmethod
    def of_keys(cls, layout: GridLayout, canvas: Image.Image, keys: Sequence[Cell], key_rgbs: Sequence[Sequence[int]],
                key_size: float, agent: Sprite) -> PickupScene:
        """The maze picture ``canvas`` with diamond keys (:func:`key_sprite`, ``key_size`` cells from centre to
        corner, in ``key_rgbs``) lying on ``keys`` and ``agent`` walking over them."""
        return cls(layout, to_frame(canvas), keys, [key_sprite(layout.cell * key_size, rgb) for rgb in key_rgbs], agent)

    def _placements(self, held: set[int], point: Point) -> list[tuple[Sprite, Point]]:
        lying = [(self.sprites[k], self.layout.cell_center(cell)) for k, cell in enumerate(self.pieces) if k not in held]
        return lying + [(self.agent, point)]

    def first_and_final(self, route: Sequence[Cell]) -> tuple[np.ndarray, np.ndarray]:
        """The first frame (every piece lying, the agent on the route's first cell) and the final frame (the pieces
        on the route gone, the agent on its last cell)."""
        stage = Stage(self.background)
        held = {k for k, cell in enumerate(self.pieces) if cell in {tuple(c) for c in route}}
        return (stage.frame(self._placements(set(), self.layout.cell_center(route[0]))),
                stage.frame(self._placements(held, self.layout.cell_center(route[-1]))))

    def frames(self, route: Sequence[Cell], frames_per_step: int) -> Iterator[np.ndarray]:
        """The walk along ``route``, ``frames_per_step`` frames per cell (eased); a piece vanishes on the frame the
        agent reaches it."""
        stage = Stage(self.background)
        points = interpolate_points([self.layout.cell_center(cell) for cell in route], frames_per_step)
        held: set[int] = set()
        for index, point in enumerate(points):
            if index % frames_per_step == 0:
                cell = tuple(route[index // frames_per_step])
                held |= {k for k, piece in enumerate(self.pieces) if piece == cell}
            yield stage.frame(self._placements(held, point))
