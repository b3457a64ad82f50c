"""The picture of O-47: a board of numbered tiles; each slide is a tile sprite moving over a static board."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.draw import GridLayout, Sprite, Stage, draw_text, interpolate_points, new_canvas, to_frame

from vbvr_o47_sliding_puzzle.puzzle import State, blank_cell

RGB = tuple[int, int, int]


def text_color_for(fill: RGB) -> RGB:
    """Dark text on light tiles, white text on dark ones."""
    luminance = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2]
    return (20, 20, 28) if luminance > 150 else (255, 255, 255)


class BoardScene:
    """A ``side``×``side`` board on ``layout``: ``board`` is the empty-space colour, tiles are ``tile`` coloured."""

    def __init__(self, layout: GridLayout, board: RGB, tile: RGB, background: RGB):
        self.layout, self.board, self.tile, self.background = layout, board, tile, background
        self.gap = max(3, layout.cell // 18)
        self._empty = to_frame(self._empty_board())
        self._sprites: dict[int, Sprite] = {}

    def _empty_board(self) -> Image.Image:
        canvas = new_canvas(self.background)
        draw = ImageDraw.Draw(canvas)
        left, top, right, bottom = self.layout.box
        rim = self.gap + 4
        draw.rounded_rectangle([left - rim, top - rim, right + rim - 1, bottom + rim - 1], radius=rim + 4,
                               fill=self.board, outline=(40, 40, 48), width=3)
        return canvas

    def sprite(self, number: int) -> Sprite:
        """The tile ``number`` as a sprite (cached)."""
        if number not in self._sprites:
            side = self.layout.cell - 2 * self.gap
            image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
            draw = ImageDraw.Draw(image)
            draw.rounded_rectangle([0, 0, side - 1, side - 1], radius=max(4, side // 8), fill=self.tile + (255,),
                                   outline=(30, 30, 36, 255), width=2)
            draw_text(draw, (side / 2, side / 2), str(number), int(side * 0.45), fill=text_color_for(self.tile) + (255,),
                      bold=True)
            self._sprites[number] = Sprite.from_image(image)
        return self._sprites[number]

    def frame(self, state: State, hide: int | None = None) -> np.ndarray:
        """The board showing ``state`` (without tile ``hide``, which the caller animates)."""
        side = self.layout.rows
        placements = [(self.sprite(number), self.layout.cell_center(divmod(index, side)))
                      for index, number in enumerate(state) if number and number != hide]
        return Stage(self._empty).frame(placements)

    def slides(self, states: list[State], frames_per_slide: int) -> Iterator[np.ndarray]:
        """The first state's frame, then each slide: the moving tile travels into the empty space."""
        side = self.layout.rows
        yield self.frame(states[0])
        for before, after in pairwise(states):
            number = after[before.index(0)]  # the tile that slides into the empty space
            ends = [self.layout.cell_center(blank_cell(state, side)) for state in (after, before)]
            stage = Stage(self.frame(before, hide=number))
            yield from stage.frames([(self.sprite(number), interpolate_points(ends, frames_per_slide)[1:])])
