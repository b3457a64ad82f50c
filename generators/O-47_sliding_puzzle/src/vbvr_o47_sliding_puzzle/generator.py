"""O-47 sliding_puzzle: slide numbered tiles into order with a shortest sequence of moves.

Parameters → draw → solve → render → prompt:

- a ``side``×``side`` board (2–4) scrambled by ``scramble`` random slides from the goal;
- a bidirectional breadth-first search finds a shortest solution within ``max_moves``; boards already
  solved, and solutions shorter than two moves or longer than the cap (so the video stays short) are
  rejected (``Reject``); every tile colour stands far from every board colour;
- the video slides one tile per move, ``frames_per_slide`` frames each: a tile sprite moving over the static board.

A state is a tuple of ``side²`` tile numbers in reading order, 0 for the empty space. A move slides a tile next
to the empty space into it (the empty space and that tile swap). The goal reads 1, 2, …, side²−1 with the empty
space last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import pairwise
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import (
    BACKGROUNDS,
    BackgroundIndex,
    GridLayout,
    Sprite,
    Stage,
    draw_text,
    interpolate_points,
    new_canvas,
    to_frame,
)
from vbvr_core.families.gridwalk.visits import grid_distance
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.solve.search import bidirectional_shortest_path, grid_neighbours

from vbvr_o47_sliding_puzzle.plugin import TASK

RGB = tuple[int, int, int]
State = tuple[int, ...]

# Tile colours of the original task's themes, and board (empty-space) colours: every pair differs by > 130.
TILE_COLORS = [(74, 144, 226), (82, 196, 26), (245, 34, 45), (114, 46, 209), (250, 140, 22), (19, 194, 194),
               (235, 47, 150), (250, 173, 20), (160, 217, 17), (196, 29, 127)]
BOARD_COLORS = [(222, 214, 196), (200, 210, 222), (70, 74, 84), (236, 236, 236)]
MAX_MOVES = 12


class Params(TaskParams):
    """O-47's parameter space: the board, its scramble and the move cap grow with the difficulty stratum."""

    side: Annotated[int, Strata((2, 3), (3, 3), (3, 4))] = Field(
        3, ge=2, le=4, description="board side in tiles (2×2, 3×3 or 4×4)")
    scramble: Annotated[int, Strata((3, 6), (6, 12), (9, 16))] = Field(
        8, ge=1, le=30, description="random slides applied to the solved board")
    max_moves: Annotated[int, Strata(5, 8, MAX_MOVES)] = Field(
        8, ge=2, le=MAX_MOVES, description="longest optimal solution accepted (keeps the video short)")
    tile_color: Annotated[int, Uniform(0, len(TILE_COLORS) - 1)] = Field(
        0, ge=0, le=len(TILE_COLORS) - 1, description="tile colour index")
    board_color: Annotated[int, Uniform(0, len(BOARD_COLORS) - 1)] = Field(
        0, ge=0, le=len(BOARD_COLORS) - 1, description="board (empty space) colour index")
    background: BackgroundIndex = 0
    margin: Annotated[int, Uniform(40, 110)] = Field(64, ge=40, le=110, description="space around the board, pixels")
    frames_per_slide: Annotated[int, Uniform(6, 8)] = Field(7, ge=5, le=9, description="video frames per tile slide")


class Solution(TaskSolution):
    """The board, the start and goal states, the empty space's walk, the optimum and the board colour."""

    layout: dict[str, int]
    start_state: list[int]
    goal_state: list[int]
    blank_path: list[Cell]
    optimal_moves: int
    blank_color: tuple[int, int, int]


def goal_state(side: int) -> State:
    """Tiles 1..side²−1 in reading order, the empty space at the bottom right."""
    return tuple(range(1, side * side)) + (0,)


def blank_cell(state: State, side: int) -> Cell:
    """(row, col) of the empty space."""
    return divmod(state.index(0), side)


def slide(state: State, side: int, cell: Cell) -> State:
    """The state after the tile at ``cell`` (next to the empty space) slides into it."""
    blank, tile = state.index(0), cell[0] * side + cell[1]
    if abs(blank // side - cell[0]) + abs(blank % side - cell[1]) != 1:
        raise ValueError(f"tile at {cell} is not next to the empty space at {divmod(blank, side)}")
    values = list(state)
    values[blank], values[tile] = values[tile], 0
    return tuple(values)


def successors(side: int) -> Callable[[State], Iterator[State]]:
    """A neighbour function for :func:`vbvr_core.solve.search.shortest_path`: every state one slide away."""
    beside = grid_neighbours(side, side, set())  # the cells next to a cell, inside the board
    return lambda state: (slide(state, side, cell) for cell in beside(blank_cell(state, side)))


def scramble(side: int, moves: int, rng: np.random.Generator) -> State:
    """The goal after ``moves`` random slides, never undoing the slide just made."""
    state, previous = goal_state(side), None
    for _ in range(moves):
        options = [nxt for nxt in successors(side)(state) if nxt != previous]
        previous, state = state, options[int(rng.integers(0, len(options)))]
    return state


def solve(state: State, side: int, max_moves: int) -> list[State] | None:
    """A shortest sequence of states from ``state`` to the goal (both included), or None if it needs more than
    ``max_moves`` slides (or the goal is unreachable): a bidirectional breadth-first search."""
    return bidirectional_shortest_path(state, goal_state(side), successors(side), max_moves)


def replay(state: State, side: int, walk: list[Cell]) -> State:
    """The state after the empty space walks ``walk`` (its first cell is where it starts). A step to a cell not next
    to the empty space is a jump, no legal slide, and is skipped (a scorer already charges it to continuity)."""
    for cell in walk[1:]:
        if grid_distance(blank_cell(state, side), cell) == 1:
            state = slide(state, side, tuple(cell))
    return state


def text_color_for(fill: RGB) -> RGB:
    """Dark text on light tiles, white text on dark ones."""
    luminance = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2]
    return (20, 20, 28) if luminance > 150 else (255, 255, 255)


class BoardScene:
    """A ``side``×``side`` board on ``layout`` in the colours ``params`` choose (the board's is the empty space's)."""

    def __init__(self, layout: GridLayout, params: Params):
        self.layout, self.tile = layout, TILE_COLORS[params.tile_color]
        self.gap = max(3, layout.cell // 18)
        self._sprites: dict[int, Sprite] = {}
        canvas = new_canvas(BACKGROUNDS[params.background])
        left, top, right, bottom = layout.box
        rim = self.gap + 4
        ImageDraw.Draw(canvas).rounded_rectangle([left - rim, top - rim, right + rim - 1, bottom + rim - 1],
                                                 radius=rim + 4, fill=BOARD_COLORS[params.board_color],
                                                 outline=(40, 40, 48), width=3)
        self._empty = to_frame(canvas)

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


class SlidingPuzzleGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a scrambled board and animates a shortest solution, one slide at a time."""

    def generate(self) -> Sample:
        """Scramble, solve by BFS, render the first and goal boards and the slides between them."""
        p = self.params
        start = scramble(p.side, p.scramble, self.rng)
        states = solve(start, p.side, p.max_moves)
        if states is None:
            raise Reject(f"too long: no solution within {p.max_moves} moves")
        moves = len(states) - 1
        if moves < 2:
            raise Reject("already solved: the scramble returned to the goal" if moves == 0 else "trivial: solved in 1 move")
        layout = GridLayout.fit(p.side, p.side, margin=p.margin)
        scene = BoardScene(layout, p)
        prompt = (
            f"Complete this {p.side}×{p.side} sliding puzzle. The goal is to arrange the numbered tiles in order "
            "(filling each row from left to right, rows from top to bottom) with the empty space at the "
            "bottom-right corner. Only a tile next to the empty space can move: slide one tile per move into the "
            f"empty space. Solve it in the fewest possible moves ({moves} moves), "
            "showing every slide. Keep the camera fixed and the board unchanged."
        )
        solution = Solution(layout=layout.to_dict(), start_state=list(start), goal_state=list(goal_state(p.side)),
                            blank_path=[blank_cell(state, p.side) for state in states], optimal_moves=moves,
                            blank_color=BOARD_COLORS[p.board_color])
        return Sample(
            first_frame=scene.frame(states[0]),
            final_frame=scene.frame(states[-1]),
            prompt=prompt,
            trajectory=lambda: scene.slides(states, p.frames_per_slide),
            solution=solution,
            params=p,
        )

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The shortest solution stopped one slide short, and with one slide made and undone on the way."""
        states = solve(tuple(sample.solution.start_state), self.params.side, self.params.max_moves)
        scene, pace = BoardScene(GridLayout(**sample.solution.layout), self.params), self.params.frames_per_slide
        return {"one_slide_short": partial(scene.slides, states[:-1], pace),
                "slide_undone": partial(scene.slides, states[:2] + states[:1] + states[1:], pace)}
