"""O-46 shape_sorter: slide each coloured shape card into the grey outline of its own shape.

Parameters → draw → solve → render → prompt (the official task's conventions: a near-white board split by a pale
divider, coloured cards without outlines on the left, slate-grey outlines of the same shapes and size on the
right, cards moved one at a time):

- ``cards`` cards of distinct shapes (circle, square, triangle, star, hexagon, diamond) and distinct colours (the
  official six), all of nominal radius ``card_radius``, scattered at random on the left half; their outlines
  scattered at random on the right half, in an unrelated order, so each card must be matched by its shape;
- the solution is each card's straight segment to its own outline, taken one card at a time in an order in which
  no card passes over another (still waiting or already placed; ``clear_order`` of the arrangement family), the
  order the prompt names; an instance with no such order, or whose cards or outlines find no room, is rejected;
- the video slides the cards one after another, eased, ``move_frames`` frames each with ``pause_frames`` between.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Sprite, Stage, draw_shape, new_canvas, paste, to_frame
from vbvr_core.families.arrangement.draw import KIND_REACH, shape_sprite
from vbvr_core.families.stacking.layout import draw_divider, match_listing, matched_board, one_at_a_time
from vbvr_core.families.stacking.task import OneAtATimeGenerator

from vbvr_o46_shape_sorter.plugin import TASK

# The official task's board, divider, outline colour, card colours and shapes.
BOARD = (248, 250, 252)
DIVIDER = tuple(int(b * 0.65 + d * 0.35) for b, d in zip(BOARD, (148, 163, 184), strict=True))
OUTLINE_COLOR = (100, 116, 139)
OUTLINE_WIDTH = 3
COLORS = {"red": (248, 113, 113), "yellow": (250, 204, 21), "blue": (96, 165, 250), "green": (74, 222, 128),
          "purple": (192, 132, 252), "orange": (251, 146, 60)}
KINDS = ("circle", "square", "triangle", "star", "hexagon", "diamond")
SIDE_GAP = 20  # least distance from a card or outline to the divider's centre line
PATH_GAP = 6  # least gap between a moving card's reach disc and any other card on its way


class Params(TaskParams):
    """O-46's parameter space: more, smaller cards as the difficulty grows (the official 2-3 / 3-5 / 5-6)."""

    cards: Annotated[int, Strata((2, 3), (3, 5), (5, 6))] = Field(
        4, ge=2, le=6, description="shape cards, each with its outline (distinct shapes and colours)")
    card_radius: Annotated[int, Strata((32, 38), (28, 34), (24, 30))] = Field(
        30, ge=22, le=40, description="nominal radius of every card and outline in pixels")
    move_frames: Annotated[int, Uniform(10, 11)] = Field(
        11, ge=10, le=30, description="video frames of one card's slide")
    pause_frames: Annotated[int, Uniform(0, 1)] = Field(
        1, ge=0, le=8, description="still frames between two cards' slides")


class Solution(TaskSolution):
    """Per card: shape, colour name and RGB, start and outline centre; the nominal radius and reach per card;
    ``order`` lists the card indices in the order they move (the prompt's)."""

    kinds: list[str]
    names: list[str]
    colors: list[tuple[int, int, int]]
    starts: list[Point]
    targets: list[Point]
    radius: int
    reaches: list[float]
    order: list[int]


def card_sprite(kind: str, color: tuple[int, int, int], radius: int) -> Sprite:
    """A filled card without outline (as the official task draws them) on an even-sided transparent square."""
    return shape_sprite(kind, radius, KIND_REACH[kind] * radius + 4, color)


def board(kinds: list[str], targets: list[Point], radius: int) -> np.ndarray:
    """The static board: the divider and every card's outline at its target."""
    canvas = new_canvas(BOARD)
    draw = ImageDraw.Draw(canvas)
    draw_divider(draw, DIVIDER)
    for kind, target in zip(kinds, targets, strict=True):
        draw_shape(draw, kind, target, radius, outline=OUTLINE_COLOR, width=OUTLINE_WIDTH)
    return to_frame(canvas)


def sprite_box(sprite: Sprite, center: Point) -> tuple[int, int, int, int]:
    """The square a sprite covers when pasted at ``center`` (left, top, right, bottom; exclusive), as ``paste`` places it."""
    height, width = sprite.rgba.shape[:2]
    x0, y0 = int(round(center[0] - width / 2)), int(round(center[1] - height / 2))
    return x0, y0, x0 + width, y0 + height


def replay(solution: Solution, ends: list[Point], moving: list[int], move_frames: int, pause_frames: int,
           ) -> FrameSource:
    """The frames of the cards in ``moving`` sliding one after another to ``ends`` (listed by card index).

    The same frames as ``Stage.frame`` of every card at its place, made faster: while one card slides, the others
    are pasted once (the slide's board) and only the sliding card per frame — whenever its square meets no card
    pasted after it, so that the order of pasting changes no pixel; a still frame (a pause) is the previous array.
    """
    sprites = [card_sprite(kind, tuple(color), solution.radius) for kind, color in zip(solution.kinds, solution.colors, strict=True)]
    stage = Stage(board(solution.kinds, solution.targets, solution.radius))

    def meets_a_later_card(index: int, row: list[Point]) -> bool:
        x0, y0, x1, y1 = sprite_box(sprites[index], row[index])
        for other in range(index + 1, len(sprites)):
            a0, b0, a1, b1 = sprite_box(sprites[other], row[other])
            if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                return True
        return False

    def frames():
        previous: list[Point] | None = None
        frame = slide_board = None
        board_key = None
        for row in one_at_a_time(solution.starts, ends, moving, move_frames, pause_frames):
            if row == previous:
                yield frame
                continue
            moved = [k for k in range(len(row)) if previous is None or row[k] != previous[k]]
            if len(moved) == 1 and not meets_a_later_card(moved[0], row):
                index = moved[0]
                still = tuple(p for k, p in enumerate(row) if k != index)
                if board_key != (index, still):
                    slide_board = stage.frame([(s, p) for k, (s, p) in enumerate(zip(sprites, row, strict=True)) if k != index])
                    board_key = (index, still)
                frame = slide_board.copy()
                paste(frame, sprites[index], row[index])
            else:
                frame = stage.frame(list(zip(sprites, row, strict=True)))
            previous = row
            yield frame
    return frames


class ShapeSorterGenerator(OneAtATimeGenerator, task=TASK, params=Params, solution=Solution):
    """Draws cards and outlines on a split board, and the cards' slides one at a time into their outlines (near
    misses: the family's, the first two cards swapped and the last card left where it was)."""

    replay = staticmethod(replay)

    def generate(self) -> Sample:
        """Scatter cards and outlines, find a clear order, and render the slides."""
        p = self.params
        kinds = [KINDS[int(k)] for k in self.rng.permutation(len(KINDS))[:p.cards]]
        names = [list(COLORS)[int(k)] for k in self.rng.permutation(len(COLORS))[:p.cards]]
        reaches = [KIND_REACH[kind] * p.card_radius for kind in kinds]
        starts, targets, order = matched_board(self.rng, reaches, reaches, SIDE_GAP, PATH_GAP, "card")
        sprites = [card_sprite(kind, COLORS[name], p.card_radius) for kind, name in zip(kinds, names, strict=True)]
        stage = Stage(board(kinds, targets, p.card_radius))
        labels = [f"{names[k]} {kinds[k]}" for k in order]
        prompt = ("Move each colored shape card from the left staging area into its matching outline on the right. "
                  "Keep the camera fixed in the top-down view, move only one card at a time, and slide the cards "
                  f"smoothly without teleportation. {match_listing(labels, ' card', 'followed by')} Stop the video when every "
                  "outline is filled exactly.")
        solution = Solution(kinds=kinds, names=names, colors=[COLORS[n] for n in names], starts=starts,
                            targets=targets, radius=p.card_radius, reaches=[round(r, 2) for r in reaches], order=order)
        return self.carried_sample(stage, sprites, starts, targets, prompt, solution)
