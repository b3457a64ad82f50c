"""G-18 grid_shortest_path: walk from the green start cell to the pink goal cell by a shortest route.

Parameters → draw → solve → render → prompt:

- an open ``rows``×``cols`` grid (no obstacles, as in the original task);
- the green start cell (holding the agent) and the pink goal cell are at least ``min_distance`` apart;
- on an open grid every monotone route is shortest: the solver draws one of them uniformly by
  shuffling the row and column moves; the scorer accepts any walk of the optimal length;
- the video walks the agent along it, ``frames_per_step`` frames per cell.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import PALETTE, GridLayout
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.solve.search import bfs_distances, grid_neighbours

from vbvr_g18_grid_shortest_path.plugin import INFO

START_COLOR = PALETTE["green"]
GOAL_COLOR = PALETTE["pink"]
AGENT_COLORS = ("purple", "blue", "orange")
BACKGROUNDS = [(255, 255, 255), (250, 248, 240), (240, 244, 248), (246, 246, 246)]
# Difficulty strata: grid side range.
STRATA = {0: (5, 6), 1: (7, 8), 2: (9, 10)}


class Params(TaskParams):
    """G-18's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    rows: int = Field(8, ge=4, le=10, description="grid rows")
    cols: int = Field(8, ge=4, le=10, description="grid columns")
    placement: Literal["corners", "edges", "anywhere"] = Field("anywhere", description="where start and goal go")
    min_distance: int = Field(4, ge=3, le=18, description="least grid (Manhattan) distance from start to goal")
    agent_color: Literal["purple", "blue", "orange"] = Field("purple", description="colour of the round agent")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    line_width: int = Field(2, ge=1, le=4, description="grid line width in pixels")
    frames_per_step: int = Field(6, ge=4, le=8, description="video frames per one-cell move")


def monotone_path(start: Cell, goal: Cell, rng: np.random.Generator) -> list[Cell]:
    """A shortest 4-connected path on an open grid: the row and column moves in a random order."""
    d_row, d_col = goal[0] - start[0], goal[1] - start[1]
    moves = [(int(np.sign(d_row)), 0)] * abs(d_row) + [(0, int(np.sign(d_col)))] * abs(d_col)
    order = rng.permutation(len(moves))
    path = [start]
    for index in order:
        step = moves[int(index)]
        path.append((path[-1][0] + step[0], path[-1][1] + step[1]))
    return path


class GridShortestPathGenerator(BaseGenerator):
    """Draws an open grid with start and goal cells and one shortest walk between them."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Grid size from the stratum; placement, colours, style and pace uniformly."""
        side_lo, side_hi = STRATA[difficulty]
        rows = int(rng.integers(side_lo, side_hi + 1))
        cols = int(rng.integers(side_lo, side_hi + 1))
        return {
            "rows": rows,
            "cols": cols,
            "placement": ["corners", "edges", "anywhere"][int(rng.integers(0, 3))],
            "min_distance": max(3, (rows + cols) // 3),
            "agent_color": AGENT_COLORS[int(rng.integers(0, len(AGENT_COLORS)))],
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "line_width": int(rng.integers(1, 4)),
            "frames_per_step": int(rng.integers(5, 8)),
        }

    def _candidates(self) -> list[Cell]:
        rows, cols = self.params.rows, self.params.cols
        if self.params.placement == "corners":
            return [(0, 0), (0, cols - 1), (rows - 1, 0), (rows - 1, cols - 1)]
        if self.params.placement == "edges":
            return [(r, c) for r in range(rows) for c in range(cols) if r in (0, rows - 1) or c in (0, cols - 1)]
        return [(r, c) for r in range(rows) for c in range(cols)]

    def _place_endpoints(self) -> tuple[Cell, Cell]:
        candidates = self._candidates()
        pairs = [
            (a, b)
            for a in candidates
            for b in candidates
            if abs(a[0] - b[0]) + abs(a[1] - b[1]) >= self.params.min_distance
        ]
        if not pairs:  # min_distance exceeds the grid: take the farthest pairs
            far = max(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a in candidates for b in candidates)
            pairs = [(a, b) for a in candidates for b in candidates if abs(a[0] - b[0]) + abs(a[1] - b[1]) == far]
        return pairs[int(self.rng.integers(0, len(pairs)))]

    def generate(self) -> Sample:
        """Place start and goal; draw one shortest walk; render it."""
        p = self.params
        start, goal = self._place_endpoints()
        path = monotone_path(start, goal, self.rng)
        layout = GridLayout.fit(p.rows, p.cols)
        world = GridWorld(
            layout,
            background=BACKGROUNDS[p.background],
            line_width=p.line_width,
            fills={start: START_COLOR, goal: GOAL_COLOR},
        )
        agent_rgb = PALETTE[p.agent_color]
        agent = world.agent_sprite(agent_rgb)
        first, final, _ = world.walk(path, agent, p.frames_per_step)
        prompt = (
            f"The grid has {p.rows} rows and {p.cols} columns. A {p.agent_color} ball stands on the green "
            "start cell; the pink cell is the goal. Move the ball one cell at a time (up, down, left or right) "
            "to the pink cell along a shortest possible route, showing every step."
        )
        solution = {
            "layout": layout.to_dict(),
            "start": list(start),
            "goal": list(goal),
            "path": [list(cell) for cell in path],
            "optimal_steps": len(path) - 1,
            "agent_color": list(agent_rgb),
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: world.walk(path, agent, p.frames_per_step)[2],
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject trivial instances and walks that are not shortest 4-connected routes."""
        problems = super().validate(sample)
        solution = sample.solution
        start, goal = tuple(solution["start"]), tuple(solution["goal"])
        path = [tuple(cell) for cell in solution["path"]]
        rows, cols = solution["layout"]["rows"], solution["layout"]["cols"]
        if start == goal:
            problems.append("occlusion: start and goal are the same cell")
        if solution["optimal_steps"] < 3:
            problems.append(f"trivial: the goal is only {solution['optimal_steps']} steps away")
        best = bfs_distances(start, grid_neighbours(rows, cols, set())).get(goal)
        if path[0] != start or path[-1] != goal or best != len(path) - 1:
            problems.append("solver bug: the walk is not a shortest route from start to goal")
        if any(abs(a[0] - b[0]) + abs(a[1] - b[1]) != 1 for a, b in zip(path, path[1:], strict=False)):
            problems.append("solver bug: the walk jumps between non-neighbouring cells")
        return problems
