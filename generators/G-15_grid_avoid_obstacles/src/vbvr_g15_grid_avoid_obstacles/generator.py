"""G-15 grid_avoid_obstacles: reach the goal by a shortest path without entering an obstacle.

Parameters → draw → solve → render → prompt:

- a ``rows``×``cols`` grid; a share ``obstacle_density`` of the free cells holds obstacles (black X);
- start (blue cell, yellow agent) and goal (red cell) are placed in corners, on edges or anywhere;
- BFS finds a shortest 4-connected path; instances without one, with a trivial one, or whose
  obstacles never stand between start and goal are rejected by ``validate``;
- the video walks the agent along the path, ``frames_per_step`` frames per cell.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.solve.search import count_shortest_paths, grid_neighbours, shortest_path

from vbvr_g15_grid_avoid_obstacles.plugin import INFO

START_COLOR = (40, 90, 220)
GOAL_COLOR = (220, 30, 30)
AGENT_COLOR = (250, 210, 20)
OBSTACLE_COLOR = (0, 0, 0)
BACKGROUNDS = [(255, 255, 255), (250, 248, 240), (240, 244, 248), (246, 246, 246)]
# Difficulty strata: (grid side range, obstacle density range).
STRATA = {0: ((5, 6), (0.10, 0.20)), 1: ((7, 8), (0.15, 0.28)), 2: ((9, 10), (0.20, 0.35))}


class Params(TaskParams):
    """G-15's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    rows: int = Field(7, ge=5, le=10, description="grid rows")
    cols: int = Field(7, ge=5, le=10, description="grid columns")
    obstacle_density: float = Field(0.2, ge=0.05, le=0.4, description="share of free cells holding an obstacle")
    placement: Literal["corners", "edges", "anywhere"] = Field("anywhere", description="where start and goal go")
    min_distance: int = Field(4, ge=2, le=18, description="least grid (Manhattan) distance from start to goal")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    line_width: int = Field(2, ge=1, le=4, description="grid line width in pixels")
    frames_per_step: int = Field(6, ge=4, le=8, description="video frames per one-cell move")


class GridAvoidObstaclesGenerator(BaseGenerator):
    """Draws a solvable obstacle grid and the agent's shortest walk to the goal."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Grid size and density from the stratum; placement, style and pace uniformly."""
        (side_lo, side_hi), (dens_lo, dens_hi) = STRATA[difficulty]
        rows = int(rng.integers(side_lo, side_hi + 1))
        cols = int(rng.integers(side_lo, side_hi + 1))
        return {
            "rows": rows,
            "cols": cols,
            "obstacle_density": round(float(rng.uniform(dens_lo, dens_hi)), 3),
            "placement": ["corners", "edges", "anywhere"][int(rng.integers(0, 3))],
            "min_distance": max(2, (rows + cols) // 3),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "line_width": int(rng.integers(1, 4)),
            "frames_per_step": int(rng.integers(5, 8)),
        }

    def _candidates(self, placement: str) -> list[tuple[int, int]]:
        rows, cols = self.params.rows, self.params.cols
        if placement == "corners":
            return [(0, 0), (0, cols - 1), (rows - 1, 0), (rows - 1, cols - 1)]
        if placement == "edges":
            return [(r, c) for r in range(rows) for c in range(cols) if r in (0, rows - 1) or c in (0, cols - 1)]
        return [(r, c) for r in range(rows) for c in range(cols)]

    def _place_endpoints(self) -> tuple[tuple[int, int], tuple[int, int]]:
        candidates = self._candidates(self.params.placement)
        pairs = [(a, b) for a in candidates for b in candidates
                 if abs(a[0] - b[0]) + abs(a[1] - b[1]) >= self.params.min_distance]
        if not pairs:  # the grid is too small for min_distance: take the farthest pair
            pairs = sorted(((a, b) for a in candidates for b in candidates),
                           key=lambda p: -(abs(p[0][0] - p[1][0]) + abs(p[0][1] - p[1][1])))[:1]
        start, goal = pairs[int(self.rng.integers(0, len(pairs)))]
        return start, goal

    def generate(self) -> Sample:
        """Place start, goal and obstacles; solve with BFS; render the walk."""
        p = self.params
        start, goal = self._place_endpoints()
        free = [(r, c) for r in range(p.rows) for c in range(p.cols) if (r, c) not in (start, goal)]
        count = int(round(p.obstacle_density * len(free)))
        picks = self.rng.choice(len(free), size=count, replace=False)
        obstacles = sorted(free[int(k)] for k in picks)
        path = shortest_path(start, goal, grid_neighbours(p.rows, p.cols, set(obstacles)))
        layout = GridLayout.fit(p.rows, p.cols)
        world = GridWorld(layout, background=BACKGROUNDS[p.background], line_width=p.line_width,
                          fills={start: START_COLOR, goal: GOAL_COLOR},
                          crosses={cell: OBSTACLE_COLOR for cell in obstacles})
        agent = world.agent_sprite(AGENT_COLOR)
        first, final, _ = world.walk(path or [start], agent, p.frames_per_step)
        prompt = (
            f"The grid has {p.rows} rows and {p.cols} columns. The yellow ball starts on the blue cell; the red "
            "cell is the goal. Cells marked with a black X are obstacles. Move the ball one cell at a time "
            "(up, down, left or right) to the red cell along a shortest possible route, never entering a cell "
            "with a black X."
        )
        solution = {
            "layout": layout.to_dict(),
            "start": list(start),
            "goal": list(goal),
            "obstacles": [list(cell) for cell in obstacles],
            "path": [list(cell) for cell in path] if path else None,
            "optimal_steps": len(path) - 1 if path else None,
            "shortest_paths": count_shortest_paths(start, goal, grid_neighbours(p.rows, p.cols, set(obstacles))),
            "agent_color": list(AGENT_COLOR),
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: world.walk(path or [start], agent, p.frames_per_step)[2],
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject unsolvable, trivial and obstacle-free-corridor instances, and overlapping marks."""
        problems = super().validate(sample)
        solution = sample.solution
        if solution["path"] is None:
            return problems + ["unsolvable: no path from start to goal avoids the obstacles"]
        start, goal = tuple(solution["start"]), tuple(solution["goal"])
        obstacles = {tuple(cell) for cell in solution["obstacles"]}
        if start in obstacles or goal in obstacles:
            problems.append("occlusion: an obstacle is drawn on the start or goal cell")
        if solution["optimal_steps"] < 3:
            problems.append(f"trivial: the goal is only {solution['optimal_steps']} steps away")
        rows = range(min(start[0], goal[0]), max(start[0], goal[0]) + 1)
        cols = range(min(start[1], goal[1]), max(start[1], goal[1]) + 1)
        if not any((r, c) in obstacles for r in rows for c in cols):
            problems.append("no obstacle lies between start and goal: nothing to avoid")
        if any(tuple(cell) in obstacles for cell in solution["path"]):
            problems.append("solver bug: the path enters an obstacle")
        return problems
