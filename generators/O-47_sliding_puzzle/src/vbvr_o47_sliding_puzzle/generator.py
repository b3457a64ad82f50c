"""O-47 sliding_puzzle: slide numbered tiles into order with a shortest sequence of moves.

Parameters → draw → solve → render → prompt:

- a ``side``×``side`` board (2–4) scrambled by ``scramble`` random slides from the goal;
- a bidirectional breadth-first search finds a shortest solution within ``max_moves``; boards already
  solved, and solutions shorter than two moves or longer than the cap (so the video stays short) are
  rejected (``Reject``); every tile colour stands far from every board colour;
- the video slides one tile per move, ``frames_per_slide`` frames each.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, GridLayout
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o47_sliding_puzzle.plugin import TASK
from vbvr_o47_sliding_puzzle.puzzle import blank_cell, goal_state, scramble, solve
from vbvr_o47_sliding_puzzle.scene import BoardScene

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
        scene = self.scene(layout)
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

    def scene(self, layout: GridLayout) -> BoardScene:
        """The board on ``layout`` in this instance's colours."""
        p = self.params
        return BoardScene(layout, BOARD_COLORS[p.board_color], TILE_COLORS[p.tile_color], BACKGROUNDS[p.background])

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The shortest solution stopped one slide short, and with one slide made and undone on the way."""
        states = solve(tuple(sample.solution.start_state), self.params.side, self.params.max_moves)
        scene, pace = self.scene(GridLayout(**sample.solution.layout)), self.params.frames_per_slide
        return {"one_slide_short": partial(scene.slides, states[:-1], pace),
                "slide_undone": partial(scene.slides, states[:2] + states[:1] + states[1:], pace)}
