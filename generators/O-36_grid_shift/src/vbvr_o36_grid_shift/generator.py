"""O-36 grid_shift: every block on the grid slides ``steps`` cells in one direction, all together.

Parameters → draw → solve → render → prompt:

- an ``grid_size``² grid with ``blocks`` square blocks of one colour (black outlines) in distinct cells,
  all placed so that the shift keeps them inside the grid (as in the original task);
- the answer is each block's cell moved ``steps`` cells in ``direction``; instances whose start and end
  layouts overlap so much that doing nothing looks half right are rejected (``Reject``);
- the video slides all blocks together one cell per step (eased), so every intermediate state shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Annotated, Any, Literal

from PIL import Image, ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    GridLayout,
    Sprite,
    Stage,
    interpolate_points,
    to_frame,
)
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.place import pick_cells
from vbvr_core.families.gridwalk.task import tracks_sample
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o36_grid_shift.plugin import TASK

DIRECTIONS: dict[str, Cell] = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}
DIRECTION_WORDS = {"up": "upward", "down": "downward", "left": "to the left", "right": "to the right"}
RELATION_WORDS = {"up": "above", "down": "below", "left": "to the left of", "right": "to the right of"}
MAX_OVERLAP = 0.5
MAX_FILL = 0.4  # at most this share of the grid's cells holds a block (as in the original task)
BLOCK_PADDING = 0.08  # share of a cell left free on each side of a block, as in the original task


class Params(TaskParams):
    """O-36's parameter space: the grid, the blocks and the shift grow with the difficulty stratum."""

    grid_size: Annotated[int, Strata((4, 6), (6, 8), (8, 10))] = Field(6, ge=4, le=10, description="cells per grid side")
    blocks: Annotated[int, Strata((2, 3), (3, 5), (4, 7))] = Field(
        3, ge=2, le=8, description="number of blocks (at most 0.4·grid_size²)")
    direction: Annotated[Literal["up", "down", "left", "right"], Uniform()] = Field(
        "right", description="direction of the shift")
    steps: Annotated[int, Strata((1, 1), (1, 2), (2, 3))] = Field(
        1, ge=1, le=3, description="cells every block moves (at most grid_size − 2)")
    color: Annotated[Literal["red", "green", "blue", "yellow", "orange", "purple"], Uniform()] = Field(
        "blue", description="block colour")
    background: BackgroundIndex = 0
    line_width: Annotated[int, Uniform(1, 3)] = Field(1, ge=1, le=3, description="grid line width in pixels")
    frames_per_step: Annotated[int, Uniform(10, 14)] = Field(12, ge=8, le=16, description="video frames per one-cell shift")

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """Drawn block counts and steps are capped by the grid (a caller's values are checked, not capped)."""
        side = values["grid_size"]
        capped = {"blocks": min(values["blocks"], int(MAX_FILL * side * side)), "steps": min(values["steps"], side - 2)}
        return {**values, **{name: value for name, value in capped.items() if name not in fixed}}

    @model_validator(mode="after")
    def _fits(self) -> Params:
        if self.blocks > MAX_FILL * self.grid_size**2:
            raise ValueError(f"cluttered: {self.blocks} blocks on a {self.grid_size}x{self.grid_size} grid")
        if self.steps > self.grid_size - 2:
            raise ValueError(f"steps={self.steps} leaves too few starting cells on a {self.grid_size}-cell side")
        return self


class Solution(TaskSolution):
    """The grid, the blocks' cells before and after, the shift and the block colour."""

    layout: dict[str, int]
    cells: list[Cell]
    targets: list[Cell]
    direction: Literal["up", "down", "left", "right"]
    steps: int
    block_color: tuple[int, int, int]


def shifted(cells: list[Cell], direction: str, steps: float) -> list[tuple[float, float]]:
    """``cells`` moved ``steps`` cells (fractional allowed) in ``direction``."""
    d_row, d_col = DIRECTIONS[direction]
    return [(row + d_row * steps, col + d_col * steps) for row, col in cells]


def starting_cells(grid_size: int, direction: str, steps: int) -> list[Cell]:
    """Cells of a ``grid_size``² grid from which a shift of ``steps`` cells in ``direction`` stays inside."""
    d_row, d_col = DIRECTIONS[direction]
    return [(r, c) for r in range(grid_size) for c in range(grid_size)
            if 0 <= r + d_row * steps < grid_size and 0 <= c + d_col * steps < grid_size]


def overlap(cells: Iterable[Cell], targets: Iterable[Cell]) -> float:
    """Share of the cells of both layouts that the start and the end layouts share (Jaccard)."""
    return len(set(cells) & set(targets)) / len(set(cells) | set(targets))


class GridShiftGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Places blocks that can make the shift and animates them sliding together."""

    def generate(self) -> Sample:
        """Place the blocks, shift them, render the slide."""
        p = self.params
        valid = starting_cells(p.grid_size, p.direction, p.steps)
        cells = pick_cells(self.rng, valid, p.blocks)
        targets = [(int(r), int(c)) for r, c in shifted(cells, p.direction, p.steps)]
        shared = overlap(cells, targets)
        if shared > MAX_OVERLAP:
            raise Reject(f"ambiguous: start and end layouts share {shared:.0%} of their cells")
        layout = GridLayout.fit(p.grid_size, p.grid_size)
        stage, tracks = self.slide(layout, cells, p.direction, p.steps)
        steps_word = "cell" if p.steps == 1 else "cells"
        prompt = (
            f"The grid has {p.grid_size}x{p.grid_size} cells and holds {len(cells)} {p.color} square blocks with black "
            f"outlines. Move every block {DIRECTION_WORDS[p.direction]} by exactly {p.steps} {steps_word}, all blocks "
            "at the same time, one cell per step, keeping every block inside the grid. Show the blocks sliding until "
            f"each stands {p.steps} {steps_word} {RELATION_WORDS[p.direction]} where it started."
        )
        solution = Solution(layout=layout.to_dict(), cells=cells, targets=targets, direction=p.direction,
                            steps=p.steps, block_color=PALETTE[p.color])
        return tracks_sample(stage, tracks, prompt=prompt, solution=solution, params=p)

    def slide(self, layout: GridLayout, cells: list[Cell], direction: str, steps: int) -> tuple[Stage, list]:
        """The empty grid as a stage, and each block's track sliding ``steps`` cells ``direction``, one cell per step."""
        p = self.params
        grid = GridWorld(layout, background=BACKGROUNDS[p.background], line_color=(51, 51, 51), line_width=p.line_width)
        block = block_sprite(layout.cell, PALETTE[p.color])
        return Stage(to_frame(grid.image())), [
            (block, interpolate_points([layout.cell_center(shifted([cell], direction, k)[0]) for k in range(steps + 1)],
                                       p.frames_per_step))
            for cell in cells]

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The same slide the opposite way, and (for shifts of two or more cells) one cell short."""
        solution = sample.solution
        layout = GridLayout(**solution.layout)
        opposite = {"up": "down", "down": "up", "left": "right", "right": "left"}[solution.direction]
        wrong = {"opposite_direction": (opposite, solution.steps)}
        if solution.steps > 1:
            wrong["one_cell_short"] = (solution.direction, solution.steps - 1)
        slides = {name: self.slide(layout, solution.cells, *shift) for name, shift in wrong.items()}
        return {name: partial(stage.frames, tracks) for name, (stage, tracks) in slides.items()}


def block_sprite(cell: int, rgb: tuple[int, int, int]) -> Sprite:
    """A square block filling the cell but for ``BLOCK_PADDING`` on each side, with a black outline."""
    side = int(round(cell * (1 - 2 * BLOCK_PADDING)))
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle([0, 0, side - 1, side - 1], fill=rgb + (255,), outline=(0, 0, 0, 255), width=2)
    return Sprite.from_image(image)
