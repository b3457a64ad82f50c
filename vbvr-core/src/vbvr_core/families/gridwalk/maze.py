"""Walks in block mazes (``vbvr_core.solve.maze``): the corridor colour a task draws, and pieces lying in the maze
that the agent picks up on its way (keys).

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

from vbvr_core.contract import Uniform
from vbvr_core.contract.geometry import Cell, Point
from vbvr_core.draw import BACKGROUNDS, GridLayout, Sprite, Stage, draw_shape, interpolate_points
from vbvr_core.families.gridwalk.draw import RGB, GridWorld

#: A maze task's ``floor`` parameter, an index into :data:`vbvr_core.draw.BACKGROUNDS` for its corridors, drawn
#: uniformly: a task writes ``floor: FloorIndex = 0`` among its fields.
FloorIndex = Annotated[
    int, Uniform(0, len(BACKGROUNDS) - 1), Field(ge=0, le=len(BACKGROUNDS) - 1, description="corridor colour index")
]


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
