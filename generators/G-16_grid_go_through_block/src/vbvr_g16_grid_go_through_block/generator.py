"""G-16 grid_go_through_block: walk to the red goal passing through every blue block, by a shortest route.

Parameters → draw → solve → render → prompt:

- an open ``rows``×``cols`` grid filling the frame; an orange round agent on its start cell, one red goal
  cell and ``blocks`` blue block cells (never side by side, never on the start or goal);
- BFS over (cell, blocks passed) states (:func:`block_route`) finds a shortest walk that passes every
  block, in any order, before stepping onto the goal; instances whose blocks all lie on a shortest
  start→goal route anyway (nothing to plan) are rejected and redrawn;
- the video walks the agent along it, ``frames_per_step`` frames per cell (3 on long walks, never fewer), the start and end held 6 frames each.

Official convention (VBVR-EvalKit's ``GridGoThroughBlockEvaluator``, see the README): an orange agent
(hue 10–25), blue blocks (hue 100–130, each its own blob of ≥ 200 px²) and a red endpoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Cell, Sample, Strata, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, GridLayout
from vbvr_core.families.gridwalk import visits
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.solve.search import NEIGHBOUR_STEPS, collecting_route, grid_neighbours, shuffled_moves

from vbvr_g16_grid_go_through_block.plugin import TASK

AGENT_COLOR = PALETTE["orange"]
GOAL_COLOR = PALETTE["red"]
BLOCK_COLOR = PALETTE["blue"]
MOTION_BUDGET = 48  # frames the walk may take before each step gets fewer (never under LEAST_PER_STEP)
LEAST_PER_STEP = 3  # a step in fewer frames is misread at 8 fps or played 1.5x faster (a corner block skipped)
HOLD_ENDS = 6  # frames the pipeline holds the start and the end (a quarter of a second; the scorer reads 1/6 s)


class Params(visits.OpenGridParams):
    """G-16's parameter space: the grid and the number of blocks grow with the difficulty stratum."""

    rows: visits.GridSide = Field(8, description="grid rows")
    cols: visits.GridSide = Field(8, description="grid columns")
    blocks: Annotated[int, Strata(1, (1, 2), (2, 3))] = Field(
        1, ge=1, le=3, description="blue blocks the walk must pass through")
    min_distance: visits.MinDistance = 4
    min_detour: Annotated[int, Strata(2, (2, 4), (4, 6))] = Field(
        2, ge=2, le=8, description="least extra steps the blocks cost over the direct start→goal distance")
    background: BackgroundIndex = 0
    line_width: visits.LineWidth = 2
    frames_per_step: Annotated[int, Uniform(3, 4)] = Field(
        3, ge=3, le=8, description="video frames per one-cell move (fewer on long walks, at least 3)")


class Solution(TaskSolution):
    """The grid, start, goal and blocks, one shortest walk through the blocks and the agent's colour."""

    layout: dict[str, int]
    start: Cell
    goal: Cell
    blocks: list[Cell]
    path: list[Cell]
    optimal_steps: int
    agent_color: tuple[int, int, int]


def block_route(rows: int, cols: int, start: Cell, blocks: Sequence[Cell], goal: Cell,
                moves: Sequence[tuple[int, int]] = NEIGHBOUR_STEPS) -> list[Cell] | None:
    """A shortest walk from ``start`` through every cell of ``blocks``, in any order, to ``goal`` on an open
    ``rows``×``cols`` grid (None when there is none), trying the moves in the order ``moves``."""
    return collecting_route(start, blocks, goal, grid_neighbours(rows, cols, set(), moves))


class GridGoThroughBlockGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws an open grid with a start, a goal and blue blocks, and the shortest walk through the blocks."""

    def generate(self) -> Sample:
        """Place start, goal and blocks; solve over (cell, blocks passed) states; render the walk."""
        p = self.params
        # none on the start or goal, none 4-adjacent to another block (each its own blob)
        start, goal, blocks = visits.place_visits(self.rng, p.rows, p.cols, p.min_distance, p.blocks, "blocks")
        path = block_route(p.rows, p.cols, start, blocks, goal, shuffled_moves(self.rng))
        if path is None:
            raise Reject("unsolvable: no walk passes every block before the goal")
        visits.require_detour(path, p.min_detour, "blocks")
        layout = GridLayout.fit(p.rows, p.cols)
        world = GridWorld(layout, background=BACKGROUNDS[p.background], line_width=p.line_width,
                          fills={goal: GOAL_COLOR, **{cell: BLOCK_COLOR for cell in blocks}})
        first, final, self.walk = visits.paced_walk(world, AGENT_COLOR, path, p.frames_per_step,
                                                            budget=MOTION_BUDGET, least=LEAST_PER_STEP)
        which = "the blue cell is a block" if p.blocks == 1 else f"the {p.blocks} blue cells are blocks"
        prompt = (
            f"The grid has {p.rows} rows and {p.cols} columns. An orange ball stands on its start cell; the red "
            f"cell is the goal and {which} the ball must go through. Move the ball one cell at a time (up, down, "
            f"left or right) so that it passes through {'the blue block' if p.blocks == 1 else 'every blue block'} "
            "before it reaches the red cell, by the shortest such route, showing every step."
        )
        solution = Solution(layout=layout.to_dict(), start=start, goal=goal, blocks=blocks, path=path,
                            optimal_steps=len(path) - 1, agent_color=AGENT_COLOR)
        return Sample(first_frame=first, final_frame=final, prompt=prompt, trajectory=self.walk(path),
                      solution=solution, params=p, hold_frames=HOLD_ENDS)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other shortest walks through the blocks: the moves tried vertical-first and horizontal-first."""
        s, p = sample.solution, self.params
        return visits.other_shortest_walks(self.walk, lambda moves: block_route(p.rows, p.cols, s.start, s.blocks, s.goal, moves))

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Straight to the goal leaving out the last block passed; the ground truth stopped one step short."""
        s, p = sample.solution, self.params
        last = next(cell for cell in reversed(s.path) if cell in s.blocks)
        rest = [cell for cell in s.blocks if cell != last]
        return {"skips_a_block": self.walk(block_route(p.rows, p.cols, s.start, rest, s.goal)),
                "one_step_short": self.walk(s.path[:-1])}
