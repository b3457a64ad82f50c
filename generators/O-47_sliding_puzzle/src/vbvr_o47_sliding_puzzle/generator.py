"""O-47 sliding_puzzle: slide numbered tiles into order with a shortest sequence of moves.

Parameters → draw → solve → render → prompt:

- a ``side``×``side`` board (2–4) scrambled by ``scramble`` random slides from the goal;
- a bidirectional breadth-first search finds a shortest solution within ``max_moves``; ``validate``
  rejects boards already solved, solutions shorter than two moves or longer than the cap (so the video
  stays short), and tiles whose colour is too close to the empty space's;
- the video slides one tile per move, ``frames_per_slide`` frames each.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import GridLayout, color_distance
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o47_sliding_puzzle.plugin import INFO
from vbvr_o47_sliding_puzzle.puzzle import blank_walk, goal_state, scramble, solve
from vbvr_o47_sliding_puzzle.scene import BoardScene

# Tile colours of the original task's themes, and board (empty-space) colours.
TILE_COLORS = [(74, 144, 226), (82, 196, 26), (245, 34, 45), (114, 46, 209), (250, 140, 22), (19, 194, 194),
               (235, 47, 150), (250, 173, 20), (160, 217, 17), (196, 29, 127)]
BOARD_COLORS = [(222, 214, 196), (200, 210, 222), (70, 74, 84), (236, 236, 236)]
BACKGROUNDS = [(255, 255, 255), (246, 244, 238), (236, 242, 248)]
MAX_MOVES = 12
MIN_CONTRAST = 110.0
# Difficulty strata: board sides, scramble lengths, and the longest optimal solution allowed.
STRATA = {0: ((2, 3), (3, 6), 5), 1: ((3, 3), (6, 12), 8), 2: ((3, 4), (9, 16), MAX_MOVES)}


class Params(TaskParams):
    """O-47's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    side: int = Field(3, ge=2, le=4, description="board side in tiles (2×2, 3×3 or 4×4)")
    scramble: int = Field(8, ge=1, le=30, description="random slides applied to the solved board")
    max_moves: int = Field(8, ge=2, le=MAX_MOVES, description="longest optimal solution accepted (keeps the video short)")
    tile_color: int = Field(0, ge=0, le=len(TILE_COLORS) - 1, description="tile colour index")
    board_color: int = Field(0, ge=0, le=len(BOARD_COLORS) - 1, description="board (empty space) colour index")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    margin: int = Field(64, ge=40, le=110, description="space around the board, pixels")
    frames_per_slide: int = Field(7, ge=5, le=9, description="video frames per tile slide")


class SlidingPuzzleGenerator(BaseGenerator):
    """Draws a scrambled board and animates a shortest solution, one slide at a time."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Board side, scramble length and move cap from the stratum; colours and layout uniformly."""
        sides, (scr_lo, scr_hi), cap = STRATA[difficulty]
        return {
            "side": int(rng.integers(sides[0], sides[1] + 1)),
            "scramble": int(rng.integers(scr_lo, scr_hi + 1)),
            "max_moves": cap,
            "tile_color": int(rng.integers(0, len(TILE_COLORS))),
            "board_color": int(rng.integers(0, len(BOARD_COLORS))),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "margin": int(rng.integers(40, 111)),
            "frames_per_slide": int(rng.integers(6, 9)),
        }

    def generate(self) -> Sample:
        """Scramble, solve by BFS, render the first and goal boards and the slides between them."""
        p = self.params
        start = scramble(p.side, p.scramble, self.rng)
        solved = solve(start, p.side, p.max_moves)
        states = solved or [start]  # no solution within the cap: validate() rejects the board
        layout = GridLayout.fit(p.side, p.side, margin=p.margin)
        scene = BoardScene(layout, BOARD_COLORS[p.board_color], TILE_COLORS[p.tile_color], BACKGROUNDS[p.background])
        first, final = scene.frame(states[0]), scene.frame(states[-1])
        moves = len(states) - 1 if solved else None
        prompt = (
            f"Complete this {p.side}×{p.side} sliding puzzle. The goal is to arrange the numbered tiles in order "
            "(filling each row from left to right, rows from top to bottom) with the empty space at the "
            "bottom-right corner. Only a tile next to the empty space can move: slide one tile per move into the "
            f"empty space. Solve it in the fewest possible moves ({moves} move{'s' if moves != 1 else ''}), "
            "showing every slide. Keep the camera fixed and the board unchanged."
        )
        solution = {
            "layout": layout.to_dict(),
            "start_state": list(start),
            "goal_state": list(goal_state(p.side)),
            "blank_path": [list(cell) for cell in blank_walk(states, p.side)],
            "optimal_moves": moves,  # None: more than max_moves
            "blank_color": list(BOARD_COLORS[p.board_color]),
            "tile_contrast": color_distance(BOARD_COLORS[p.board_color], TILE_COLORS[p.tile_color]),
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: scene.slides(states, p.frames_per_slide),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject solved or trivial boards, solutions over the cap, and tiles that blend into the board."""
        problems = super().validate(sample)
        solution, cap = sample.solution, self.params.max_moves
        moves = solution["optimal_moves"]
        if moves is None:
            return problems + [f"too long: no solution within {cap} moves"]
        if moves == 0:
            problems.append("already solved: the scramble returned to the goal")
        elif moves < 2:
            problems.append(f"trivial: solved in {moves} move")
        if solution["tile_contrast"] < MIN_CONTRAST:
            problems.append(f"illegible: tiles differ from the board by {solution['tile_contrast']:.0f} (< {MIN_CONTRAST})")
        return problems
