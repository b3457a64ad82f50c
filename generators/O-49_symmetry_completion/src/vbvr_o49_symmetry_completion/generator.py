"""O-49 symmetry_completion: fill the hidden cells of a pattern with the mirror image of the given half.

Parameters → draw → solve → render → prompt:

- an ``size``×``size`` grid (even) split by a marked axis (vertical or horizontal); the first half holds a
  pattern of one to three colours (random, checkerboard, diagonal stripes, increasing rows, blocks);
- a share ``hidden`` of the other half's cells is hidden (grey with a question mark), the rest shown;
- the answer gives each hidden cell the colour of its mirror cell; ``validate`` rejects instances where a
  copy of the half (a translation) would give the same answer on most hidden cells (mirror and copy
  must be told apart), or where one colour answers nearly every hidden cell;
- the video fills the hidden cells one after another, row by row from the axis outwards.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import GridLayout
from vbvr_core.families.fill_in.draw import reveal_frames
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o49_symmetry_completion.patterns import KINDS, copy_complete, half_pattern, mirror_complete
from vbvr_o49_symmetry_completion.plugin import INFO
from vbvr_o49_symmetry_completion.scene import AXIS_COLORS, FILL_COLORS, PatternScene

BACKGROUNDS = [(248, 250, 252), (255, 255, 255), (244, 242, 236), (236, 240, 246)]
# Difficulty strata: grid sizes, colour counts, hidden share range.
STRATA = {0: ((4, 6), (1, 1), (0.4, 0.6)), 1: ((6, 8), (1, 2), (0.6, 0.8)), 2: ((8, 10), (2, 3), (0.8, 1.0))}
MAX_REVEAL_FRAMES = 84
MIN_DISAGREEMENT = 0.25  # least share of hidden cells where mirroring and copying differ
MAX_CHANCE = 0.75  # most hidden cells one single colour (or white) may answer


class Params(TaskParams):
    """O-49's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    size: Literal[4, 6, 8, 10] = Field(6, description="grid side (cells); even so the axis runs between cells")
    axis: Literal["vertical", "horizontal"] = Field("vertical", description="the mirror axis; the first half is left or top")
    kind: Literal[KINDS] = Field("random", description="the pattern of the given half")
    colors: int = Field(1, ge=1, le=3, description="number of fill colours")
    hidden: float = Field(0.6, ge=0.3, le=1.0, description="share of the second half's cells that are hidden")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    axis_color: int = Field(0, ge=0, le=len(AXIS_COLORS) - 1, description="axis line colour index")
    margin: int = Field(48, ge=28, le=80, description="space around the grid, pixels")
    frames_per_cell: int = Field(4, ge=1, le=8, description="frames to fill one hidden cell (capped so the video stays short)")


class SymmetryCompletionGenerator(BaseGenerator):
    """Draws a half-hidden symmetric pattern and fills the hidden cells with their mirror images."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Size, colours and hidden share from the stratum; axis, pattern kind and style uniformly."""
        sizes, (col_lo, col_hi), (hid_lo, hid_hi) = STRATA[difficulty]
        return {
            "size": int(rng.choice(sizes)),
            "axis": str(rng.choice(["vertical", "horizontal"])),
            "kind": str(rng.choice(KINDS)),
            "colors": int(rng.integers(col_lo, col_hi + 1)),
            "hidden": round(float(rng.uniform(hid_lo, hid_hi)), 3),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "axis_color": int(rng.integers(0, len(AXIS_COLORS))),
            "margin": int(rng.integers(28, 81)),
            "frames_per_cell": int(rng.integers(2, 7)),
        }

    def generate(self) -> Sample:
        """Build the half pattern, mirror it, hide cells, render, and fill them in one by one."""
        p, rng = self.params, self.rng
        left = half_pattern(p.kind, p.size, p.colors, rng)
        full, copied = mirror_complete(left), copy_complete(left)
        half = p.size // 2
        # Hidden cells in pattern coordinates (vertical axis), in reveal order: row by row, outwards from the axis.
        second = [(row, col) for row in range(p.size) for col in range(half, p.size)]
        count = max(1, int(round(p.hidden * len(second))))
        hidden = sorted(second[int(k)] for k in rng.choice(len(second), size=count, replace=False))
        if p.axis == "horizontal":
            full, copied = full.T, copied.T
            hidden = sorted((col, row) for row, col in hidden)
        fill_names = [str(name) for name in rng.choice(FILL_COLORS[p.axis_color], size=p.colors, replace=False)]
        layout = GridLayout.fit(p.size, p.size, margin=p.margin)
        scene = PatternScene(layout, p.axis, BACKGROUNDS[p.background], AXIS_COLORS[p.axis_color], fill_names)
        first = scene.render(full, hidden=set(hidden))
        final = scene.render(full, hidden=set())
        cells = [layout.cell_box(cell) for cell in hidden]
        boxes = [layout.cell_box(cell, inset=3) for cell in hidden]  # judged without the grid lines
        per_cell = max(1, min(p.frames_per_cell, MAX_REVEAL_FRAMES // len(boxes)))
        answers = [int(full[cell]) for cell in hidden]
        first_half = "left" if p.axis == "vertical" else "top"
        second_half = "right" if p.axis == "vertical" else "bottom"
        prompt = (
            f"The {p.size}×{p.size} grid pattern should be symmetric about the {AXIS_COLORS[p.axis_color][0]} "
            f"{p.axis} line through its middle. The {first_half} half is complete; the grey cells marked with a "
            f"question mark in the {second_half} half are unknown. Fill every question-mark cell so that it "
            "matches its mirror image across the line (the same colour, or white where the mirror cell is "
            "empty), completing a symmetric pattern. Keep all other cells unchanged."
        )
        solution = {
            "layout": layout.to_dict(),
            "axis": p.axis,
            "pattern": full.tolist(),
            "hidden_cells": [list(cell) for cell in hidden],
            "target_boxes": [list(box) for box in boxes],
            "answers": answers,
            "fill_colors": fill_names,
            "copy_disagreement": float(np.mean([full[cell] != copied[cell] for cell in hidden])),
            "chance": float(max(np.bincount(answers)) / len(answers)),
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: itertools.chain([first], reveal_frames(first, final, cells, per_cell, style="fade")),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject instances where copying would pass for mirroring, and near-uniform answers."""
        problems = super().validate(sample)
        solution = sample.solution
        pattern = np.asarray(solution["pattern"])
        mirrored = pattern[:, ::-1] if solution["axis"] == "vertical" else pattern[::-1, :]
        if not np.array_equal(pattern, mirrored):
            problems.append("solver bug: the completed pattern is not symmetric about its axis")
        if solution["copy_disagreement"] < MIN_DISAGREEMENT:
            problems.append(f"ambiguous: copying the half instead of mirroring it answers "
                            f"{1 - solution['copy_disagreement']:.0%} of the hidden cells the same way")
        if solution["chance"] > MAX_CHANCE:
            problems.append(f"trivial: one colour answers {solution['chance']:.0%} of the hidden cells")
        return problems
