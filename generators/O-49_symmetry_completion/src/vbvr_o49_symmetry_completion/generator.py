"""O-49 symmetry_completion: fill the hidden cells of a pattern with the mirror image of the given half.

Parameters → draw → solve → render → prompt:

- an ``size``×``size`` grid (even) split by a marked vertical axis (horizontal only when set); the first half
  holds a pattern of one to three colours, navy first (random, checkerboard, diagonal stripes, increasing
  rows, blocks); filled cells are inset from the grid lines, so filled neighbours stay apart;
- a share ``hidden`` of the other half's cells is hidden (grey with a question mark), the rest shown;
- the answer gives each hidden cell the colour of its mirror cell; an instance is rejected where a copy
  of the half (a translation) would give the same answer on most hidden cells (mirror and copy must be
  told apart), or where one colour answers nearly every hidden cell;
- the video fills the hidden cells one after another, row by row from the axis outwards.

A pattern is an N×N integer array: 0 = empty cell, k ≥ 1 = filled with colour k. Patterns are built for a
vertical axis (left half given, right half mirrored); a horizontal axis is the transpose.

The scorer is the fill-in family's ``score_completion``: every hidden cell is a target, and ``Solution.chance``
(the share the most common answer gets right) is discounted, so filling every cell with it earns 0.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Box, Cell, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, GridLayout, new_canvas, to_frame
from vbvr_core.families.fill_in.draw import draw_question_mark, reveal_video
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o49_symmetry_completion.plugin import TASK

RGB = tuple[int, int, int]
KINDS = ("random", "checkerboard", "diagonal", "increment", "blocks")
# The axis is an unsaturated dark grey: the official task draws none, and a coloured axis merges with the
# filled cells beside it wherever a colour-blob reader (the official evaluator's) looks at the video.
AXIS_COLOR: RGB = (90, 90, 96)
FILL_COLORS = ("navy", "green", "purple", "cyan", "yellow", "blue", "pink", "brown", "red")
COLOR_VALUES: dict[str, RGB] = {**PALETTE, "navy": (30, 41, 59)}
HIDDEN_FILL = (200, 200, 206)
HIDDEN_MARK = (120, 120, 130)
EMPTY_FILL = (255, 255, 255)
LINE_COLOR = (150, 160, 175)
FILL_INSET = 3  # pixels between a filled cell and its grid lines: filled neighbours stay ≥ 8 px apart
MAX_REVEAL_FRAMES = 84
MIN_DISAGREEMENT = 0.25  # least share of hidden cells where mirroring and copying differ
MAX_CHANCE = 0.75  # most hidden cells one single colour (or white) may answer


class Params(TaskParams):
    """O-49's parameter space: larger grids, more colours and more hidden cells as the difficulty grows."""

    size: Annotated[Literal[4, 6, 8, 10], Strata((4, 6), (6, 8), (8, 10))] = Field(
        6, description="grid side (cells); even so the axis runs between cells")
    axis: Literal["vertical", "horizontal"] = Field(
        "vertical", description="the mirror axis, vertical as in the official task (not drawn; horizontal may be set)")
    kind: Annotated[Literal[KINDS], Uniform()] = Field("random", description="the pattern of the given half")
    colors: Annotated[int, Strata((1, 1), (1, 2), (2, 3))] = Field(1, ge=1, le=3, description="number of fill colours")
    hidden: Annotated[float, Strata((0.4, 0.6), (0.6, 0.8), (0.8, 1.0))] = Field(
        0.6, ge=0.3, le=1.0, description="share of the second half's cells that are hidden")
    background: BackgroundIndex = 0
    margin: Annotated[int, Uniform(28, 80)] = Field(48, ge=28, le=80, description="space around the grid, pixels")
    frames_per_cell: Annotated[int, Uniform(2, 6)] = Field(
        4, ge=1, le=8, description="frames to fill one hidden cell (capped so the video stays short)")


class Solution(TaskSolution):
    """The completed pattern, the hidden cells with their answers and boxes, and the chance of a one-colour guess."""

    layout: dict[str, int]
    axis: Literal["vertical", "horizontal"]
    pattern: list[list[int]]
    hidden_cells: list[Cell]
    target_boxes: list[Box]
    answers: list[int]
    fill_colors: list[str]
    chance: float


def half_pattern(kind: str, size: int, colors: int, rng: np.random.Generator) -> np.ndarray:
    """The left half (size × size/2) of a pattern of ``kind`` using colours 1..``colors``."""
    half = size // 2
    rows, cols = np.mgrid[0:size, 0:half]
    if kind == "random":
        filled = rng.random((size, half)) < rng.uniform(0.35, 0.65)
        return np.where(filled, rng.integers(1, colors + 1, (size, half)), 0)
    if kind == "checkerboard":
        filled = (rows + cols) % 2 == int(rng.integers(0, 2))
    elif kind == "diagonal":
        filled = (rows + cols) % 3 == int(rng.integers(0, 3))
    elif kind == "increment":
        filled = cols < np.minimum(rows % (half + 1) + 1, half)
    else:  # "blocks" (``Params.kind`` allows only KINDS)
        blocks = rng.random((size // 2 + 1, half // 2 + 1)) < 0.5
        filled = blocks[rows // 2, cols // 2]
    return np.where(filled, 1 + rows % colors, 0)


def mirror_complete(left: np.ndarray) -> np.ndarray:
    """The full pattern: ``left`` and its mirror image across the vertical centre line."""
    return np.concatenate([left, left[:, ::-1]], axis=1)


def copy_complete(left: np.ndarray) -> np.ndarray:
    """The full pattern a copy (translation) of ``left`` would give instead of its mirror image."""
    return np.concatenate([left, left], axis=1)


def render_pattern(layout: GridLayout, axis: str, background: RGB, fill_names: list[str], pattern: np.ndarray,
                   hidden: set[Cell]) -> np.ndarray:
    """The grid on ``layout`` with its ``axis`` marked and every cell drawn from ``pattern`` (0 = empty,
    k = ``fill_names[k-1]``) except the ``hidden`` ones (grey, question mark)."""
    canvas = new_canvas(background)
    draw = ImageDraw.Draw(canvas)
    for cell, value in np.ndenumerate(pattern):
        if cell in hidden:
            layout.fill_cell(draw, cell, HIDDEN_FILL)
            draw_question_mark(draw, layout.cell_box(cell), max(12, int(layout.cell * 0.5)), HIDDEN_MARK)
        else:
            layout.fill_cell(draw, cell, EMPTY_FILL)
            if value:
                layout.fill_cell(draw, cell, COLOR_VALUES[fill_names[value - 1]], inset=FILL_INSET)
    layout.draw_lines(draw, LINE_COLOR, 2)
    left, top, right, bottom = layout.box
    overhang = max(10, layout.cell // 3)
    x, y = (left + right) // 2, (top + bottom) // 2
    ends = ([(x, top - overhang), (x, bottom + overhang)] if axis == "vertical"
            else [(left - overhang, y), (right + overhang, y)])
    draw.line(ends, fill=AXIS_COLOR, width=5)
    return to_frame(canvas)


def hidden_cells_problem(chance: float, copy_disagreement: float) -> str | None:
    """Why the hidden cells do not test mirroring (a copy answers alike, or one colour answers most), or None."""
    if copy_disagreement < MIN_DISAGREEMENT:
        return (f"ambiguous: copying the half instead of mirroring it answers {1 - copy_disagreement:.0%} "
                "of the hidden cells the same way")
    if chance > MAX_CHANCE:
        return f"trivial: one colour answers {chance:.0%} of the hidden cells"
    return None


class SymmetryCompletionGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a half-hidden symmetric pattern and fills the hidden cells with their mirror images."""

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
        answers = [int(full[cell]) for cell in hidden]
        chance = float(max(np.bincount(answers)) / len(answers))  # the share the most common answer gets right
        problem = hidden_cells_problem(chance, float(np.mean([full[cell] != copied[cell] for cell in hidden])))
        if problem:
            raise Reject(problem)
        # navy first, as the official task's only fill colour; further colours drawn from the rest
        fill_names = ["navy", *(str(name) for name in rng.choice(FILL_COLORS[1:], size=p.colors - 1, replace=False))]
        layout = GridLayout.fit(p.size, p.size, margin=p.margin)
        first, final = (render_pattern(layout, p.axis, BACKGROUNDS[p.background], fill_names, full, covered)
                        for covered in (set(hidden), set()))
        cells = [layout.cell_box(cell) for cell in hidden]
        boxes = [layout.cell_box(cell, inset=FILL_INSET + 2) for cell in hidden]  # judged inside the fill
        per_cell = max(1, min(p.frames_per_cell, MAX_REVEAL_FRAMES // len(boxes)))
        first_half, second_half = ("left", "right") if p.axis == "vertical" else ("top", "bottom")
        prompt = (
            f"The {p.size}×{p.size} grid pattern should be symmetric about the dark grey "
            f"{p.axis} line through its middle. The {first_half} half is complete; the grey cells marked with a "
            f"question mark in the {second_half} half are unknown. Fill every question-mark cell so that it "
            "matches its mirror image across the line (the same colour, or white where the mirror cell is "
            "empty), completing a symmetric pattern. Keep all other cells unchanged."
        )
        solution = Solution(
            layout=layout.to_dict(), axis=p.axis, pattern=full.tolist(), hidden_cells=hidden, target_boxes=boxes,
            answers=answers, fill_colors=fill_names, chance=chance,
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt, solution=solution, params=p,
                      trajectory=lambda: reveal_video(first, final, cells, per_cell, style="fade"))
