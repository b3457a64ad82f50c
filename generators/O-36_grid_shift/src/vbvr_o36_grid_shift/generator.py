"""O-36 grid_shift: every block on the grid slides ``steps`` cells in one direction, all together.

Parameters → draw → solve → render → prompt:

- an ``grid_size``² grid with ``blocks`` square blocks of one colour (black outlines) in distinct cells,
  all placed so that the shift keeps them inside the grid (as in the original task);
- the answer is each block's cell moved ``steps`` cells in ``direction``; ``validate`` rejects
  instances whose start and end layouts overlap so much that doing nothing looks half right, and
  crowded grids;
- the video slides all blocks together one cell per step (eased), so every intermediate state shows.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import PALETTE, GridLayout, Sprite, Stage, interpolate_points, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o36_grid_shift.geometry import BLOCK_PADDING, DIRECTIONS, shifted
from vbvr_o36_grid_shift.plugin import INFO

BLOCK_COLORS = ("red", "green", "blue", "yellow", "orange", "purple")
BACKGROUNDS = [(255, 255, 255), (250, 248, 240), (244, 246, 250)]
DIRECTION_WORDS = {"up": "upward", "down": "downward", "left": "to the left", "right": "to the right"}
RELATION_WORDS = {"up": "above", "down": "below", "left": "to the left of", "right": "to the right of"}
# Difficulty strata: (grid side range, blocks range, steps range).
STRATA = {0: ((4, 6), (2, 3), (1, 1)), 1: ((6, 8), (3, 5), (1, 2)), 2: ((8, 10), (4, 7), (2, 3))}
MAX_OVERLAP = 0.5


class Params(TaskParams):
    """O-36's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    grid_size: int = Field(6, ge=4, le=10, description="cells per grid side")
    blocks: int = Field(3, ge=2, le=8, description="number of blocks")
    direction: Literal["up", "down", "left", "right"] = Field("right", description="direction of the shift")
    steps: int = Field(1, ge=1, le=3, description="cells every block moves")
    color: Literal["red", "green", "blue", "yellow", "orange", "purple"] = Field("blue", description="block colour")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    line_width: int = Field(1, ge=1, le=3, description="grid line width in pixels")
    frames_per_step: int = Field(12, ge=8, le=16, description="video frames per one-cell shift")


class GridShiftGenerator(BaseGenerator):
    """Places blocks that can make the shift and animates them sliding together."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Grid size, block count and steps from the stratum; direction, colour and style uniformly."""
        (side_lo, side_hi), (blocks_lo, blocks_hi), (steps_lo, steps_hi) = STRATA[difficulty]
        side = int(rng.integers(side_lo, side_hi + 1))
        return {
            "grid_size": side,
            "blocks": min(int(rng.integers(blocks_lo, blocks_hi + 1)), int(0.4 * side * side)),
            "direction": list(DIRECTIONS)[int(rng.integers(0, 4))],
            "steps": min(int(rng.integers(steps_lo, steps_hi + 1)), side - 2),
            "color": BLOCK_COLORS[int(rng.integers(0, len(BLOCK_COLORS)))],
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "line_width": int(rng.integers(1, 4)),
            "frames_per_step": int(rng.integers(10, 15)),
        }

    def _starting_cells(self) -> list[Cell]:
        """Cells from which the shift stays inside the grid."""
        p = self.params
        d_row, d_col = DIRECTIONS[p.direction]
        return [
            (r, c)
            for r in range(p.grid_size)
            for c in range(p.grid_size)
            if 0 <= r + d_row * p.steps < p.grid_size and 0 <= c + d_col * p.steps < p.grid_size
        ]

    def generate(self) -> Sample:
        """Place the blocks, shift them, render the slide."""
        p = self.params
        valid = self._starting_cells()
        picks = self.rng.choice(len(valid), size=min(p.blocks, len(valid)), replace=False)
        cells = sorted(valid[int(k)] for k in picks)
        targets = [(int(r), int(c)) for r, c in shifted(cells, p.direction, p.steps)]
        layout = GridLayout.fit(p.grid_size, p.grid_size)
        canvas = new_canvas(BACKGROUNDS[p.background])
        layout.draw_lines(ImageDraw.Draw(canvas), (51, 51, 51), p.line_width)
        stage = Stage(to_frame(canvas))
        rgb = PALETTE[p.color]
        block = _block_sprite(layout.cell, rgb)
        tracks = [
            (
                block,
                interpolate_points(
                    [layout.cell_center(shifted([cell], p.direction, k)[0]) for k in range(p.steps + 1)],
                    p.frames_per_step,
                ),
            )
            for cell in cells
        ]
        steps_word = "cell" if p.steps == 1 else "cells"
        prompt = (
            f"The grid has {p.grid_size}x{p.grid_size} cells and holds {len(cells)} {p.color} square blocks with black "
            f"outlines. Move every block {DIRECTION_WORDS[p.direction]} by exactly {p.steps} {steps_word}, all blocks "
            "at the same time, one cell per step, keeping every block inside the grid. Show the blocks sliding until "
            f"each stands {p.steps} {steps_word} {RELATION_WORDS[p.direction]} where it started."
        )
        overlap = len(set(cells) & set(targets)) / len(set(cells) | set(targets))
        solution = {
            "layout": layout.to_dict(),
            "cells": [list(cell) for cell in cells],
            "targets": [list(cell) for cell in targets],
            "direction": p.direction,
            "steps": p.steps,
            "block_color": list(rgb),
            "overlap": round(overlap, 4),
        }
        return Sample(
            first_frame=stage.frame([(sprite, points[0]) for sprite, points in tracks]),
            final_frame=stage.frame([(sprite, points[-1]) for sprite, points in tracks]),
            prompt=prompt,
            trajectory=lambda: stage.frames(tracks),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject shifts that leave the grid, crowded grids, and start/end layouts that overlap too much."""
        problems = super().validate(sample)
        solution, p = sample.solution, sample.params
        if len(solution["cells"]) < 2:
            problems.append("trivial: fewer than two blocks")
        if len(solution["cells"]) > 0.4 * p.grid_size**2:
            problems.append(f"cluttered: {len(solution['cells'])} blocks on a {p.grid_size}x{p.grid_size} grid")
        if any(not (0 <= r < p.grid_size and 0 <= c < p.grid_size) for r, c in solution["targets"]):
            problems.append("unsolvable: the shift moves a block off the grid")
        if solution["overlap"] > MAX_OVERLAP:
            problems.append(f"ambiguous: start and end layouts share {solution['overlap']:.0%} of their cells")
        return problems


def _block_sprite(cell: int, rgb: tuple[int, int, int]) -> Sprite:
    """A square block filling the cell but for ``BLOCK_PADDING`` on each side, with a black outline."""
    side = int(round(cell * (1 - 2 * BLOCK_PADDING)))
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle([0, 0, side - 1, side - 1], fill=rgb + (255,), outline=(0, 0, 0, 255), width=2)
    return Sprite.from_image(image)
