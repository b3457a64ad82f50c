"""O-56 raven: draw the figure that every row rule demands into the empty cell of a 3×3 matrix.

Parameters → draw → solve → render → prompt:

- four attributes per panel: shape, colour, count (1–4) and size (3 levels), each an integer in ``range(domain)``;
- ``varied`` of them follow a row rule, the others are ``fixed`` (one value in every panel). The rules:
  ``constant`` (every panel of a row has the row's value), ``progression`` (along a row the value grows by
  ``step`` (±1) per panel; count and size only) and ``distribute_three`` (every row holds the same three values
  once each, shifted by one per row);
- the answer is panel (2, 2) as the rules build it; every rule that fits the eight shown panels is
  inferred (:func:`predictions`), and the instance is rejected unless all of them predict that one figure;
- the video wipes the answer into the empty panel; nothing else changes.

The scorer is the fill-in family's ``score_completion`` with the empty panel as its one target.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Box, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, SHAPE_KINDS, BackgroundIndex, draw_shape
from vbvr_core.families.fill_in.draw import Panels, PanelScene, RevealFrames
from vbvr_core.families.fill_in.task import FillInGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_o56_raven.plugin import TASK

ATTRIBUTES = ("shape", "color", "count", "size")
FIGURE_COLORS = ("red", "green", "blue", "yellow", "purple", "cyan")
# Core's shape kinds without the hexagon, which is too close to a circle to tell apart at small sizes.
FIGURE_SHAPES = tuple(kind for kind in SHAPE_KINDS if kind != "hexagon")
DOMAINS = {"shape": len(FIGURE_SHAPES), "color": len(FIGURE_COLORS), "count": 4, "size": 3}
ORDERED = ("count", "size")  # attributes with an order, so a progression makes sense
RULES = ("constant", "progression", "distribute_three")
PANEL_FILLS = [(255, 255, 255), (250, 250, 245), (246, 250, 255)]
PANEL_LINES = [(60, 60, 70), (90, 90, 110), (40, 40, 40)]
RGB = tuple[int, int, int]
SIZE_FACTORS = (0.38, 0.55, 0.72)  # radius / half a slot, for the sizes small, medium, large
OUTLINE = (35, 35, 35)
# Slot offsets (in half-slot units from the panel centre) for one to four figures.
LAYOUTS = {
    1: [(0, 0)],
    2: [(-1, 0), (1, 0)],
    3: [(0, -1), (-1, 1), (1, 1)],
    4: [(-1, -1), (1, -1), (-1, 1), (1, 1)],
}


class Params(TaskParams):
    """O-56's parameter space: more attributes follow a rule as the difficulty grows."""

    varied: Annotated[int, Strata((2, 2), (3, 3), (4, 4))] = Field(
        3, ge=1, le=4, description="how many of shape, colour, count and size follow a row rule")
    margin: Annotated[int, Uniform(16, 48)] = Field(28, ge=16, le=48, description="space around the matrix, pixels")
    gap: Annotated[int, Uniform(4, 18)] = Field(10, ge=4, le=18, description="space between panels, pixels")
    background: BackgroundIndex = 0
    panel_style: Annotated[int, Uniform(0, len(PANEL_FILLS) * len(PANEL_LINES) - 1)] = Field(
        0, ge=0, le=len(PANEL_FILLS) * len(PANEL_LINES) - 1, description="panel fill and border style index")
    reveal_frames: RevealFrames = 24


class Solution(TaskSolution):
    """The rule and value table of every attribute, the answer in words, the empty panel's box, and the boxes of the
    eight shown panels (which must keep their figures)."""

    rules: dict[str, str]
    tables: dict[str, list[list[int]]]
    answer: dict[str, str | int]
    shapes: list[str]
    colors: list[str]
    target_box: Box
    given_boxes: list[Box]


def build(rule: str, domain: int, rng: np.random.Generator) -> list[list[int]]:
    """A 3×3 table of values in ``range(domain)`` following ``rule`` (one of :data:`RULES` or ``fixed``)."""
    if rule == "fixed":
        value = int(rng.integers(0, domain))
        return [[value] * 3 for _ in range(3)]
    if rule == "constant":
        return [[int(rng.integers(0, domain))] * 3 for _ in range(3)]
    if rule == "progression":
        step = int(rng.choice([-1, 1]))
        starts = [int(rng.integers(0, domain - 2)) + (2 if step < 0 else 0) for _ in range(3)]
        return [[start + step * col for col in range(3)] for start in starts]
    if rule == "distribute_three":
        values = [int(v) for v in rng.choice(domain, size=3, replace=False)]
        shift = int(rng.choice([1, 2]))
        return [[values[(col + shift * row) % 3] for col in range(3)] for row in range(3)]
    raise ValueError(f"unknown rule {rule!r}; known: {', '.join(RULES)}")


def predictions(table: list[list[int]], domain: int) -> dict[str, int]:
    """The missing value (row 2, column 2) predicted by each rule that fits the other eight values."""
    full, last = table[:2], table[2][:2]
    found: dict[str, int] = {}
    if all(len(set(row)) == 1 for row in full) and last[0] == last[1]:
        found["constant"] = last[0]
    for step in (-2, -1, 1, 2):
        if all(row[1] - row[0] == step and row[2] - row[1] == step for row in full) and last[1] - last[0] == step:
            if 0 <= last[1] + step < domain:
                found[f"progression{step:+d}"] = last[1] + step
    values = set(full[0])
    if len(values) == 3 and set(full[1]) == values and len(set(last)) == 2 and set(last) <= values:
        found["distribute_three"] = (values - set(last)).pop()
    return found


class MatrixScene(PanelScene):
    """Geometry and drawing of a 3×3 panel matrix with ``gap`` px between panels and ``margin`` around it; a panel
    holds its figures (indices into ``colors`` and ``shapes``), the bottom-right one is the question mark's."""

    def __init__(self, margin: int, gap: int, background: RGB, panel_fill: RGB, panel_line: RGB, colors: list[RGB],
                 shapes: list[str]):
        self.colors, self.shapes = colors, shapes
        self.side = (FRAME_SIZE - 2 * margin - 2 * gap) // 3
        super().__init__(Panels.centred(3, 3, self.side, gap), background, panel_fill, panel_line, 3, (2, 2),
                         int(self.side * 0.45))

    def figure_radius(self, size: int) -> float:
        """Nominal radius of a figure of size index ``size``."""
        return SIZE_FACTORS[size] * self.side / 4

    def draw_content(self, draw: ImageDraw.ImageDraw, box, panel: dict) -> None:
        """The panel's ``count`` + 1 figures of one shape, colour and size, laid out in its slots."""
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        half_slot = self.side / 4
        radius = self.figure_radius(panel["size"])
        for dx, dy in LAYOUTS[panel["count"] + 1]:
            draw_shape(draw, self.shapes[panel["shape"]], (cx + dx * half_slot, cy + dy * half_slot), radius,
                       fill=self.colors[panel["color"]], outline=OUTLINE, width=2)

    def figures_fit(self) -> bool:
        """True when the largest figure (a star reaches 1.25 × its radius) stays inside its slot."""
        return 1.25 * self.figure_radius(2) < self.side / 4 - 1


def ambiguity(tables: dict[str, list[list[int]]]) -> str | None:
    """Why the eight shown panels do not determine the missing one (no rule fits, or rules disagree), or None."""
    for name in ATTRIBUTES:
        found = predictions(tables[name], DOMAINS[name])
        if not found:
            return f"{name}: no rule fits the shown panels"
        if set(found.values()) != {tables[name][2][2]}:
            return f"ambiguous {name}: fitting rules predict {found}, the answer is {tables[name][2][2]}"
    return None


class RavenGenerator(FillInGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a rule-governed 3×3 matrix with its last panel empty and reveals the panel the rules give."""

    def _rules(self) -> dict[str, str]:
        """A rule per attribute: ``varied`` attributes get a non-trivial rule, the rest stay constant."""
        rng = self.rng
        varied = {str(name) for name in rng.choice(ATTRIBUTES, size=self.params.varied, replace=False)}
        rules = {}
        for name in ATTRIBUTES:
            if name not in varied:
                rules[name] = "fixed"
            elif name in ORDERED:
                rules[name] = str(rng.choice(["constant", "progression", "distribute_three"], p=[0.2, 0.4, 0.4]))
            else:
                rules[name] = str(rng.choice(["constant", "distribute_three"], p=[0.3, 0.7]))
        return rules

    def generate(self) -> Sample:
        """Build the attribute tables, render the matrix with and without the answer, reveal it."""
        p, rng = self.params, self.rng
        rules = self._rules()
        tables = {name: build(rules[name], DOMAINS[name], rng) for name in ATTRIBUTES}
        problem = ambiguity(tables)
        if problem:
            raise Reject(problem)
        panels = {(row, col): {name: tables[name][row][col] for name in ATTRIBUTES} for row in range(3) for col in range(3)}
        shapes = [str(s) for s in rng.permutation(FIGURE_SHAPES)]
        color_names = [str(c) for c in rng.permutation(FIGURE_COLORS)]
        colors = [PALETTE[name] for name in color_names]
        fills, lines = PANEL_FILLS[p.panel_style % len(PANEL_FILLS)], PANEL_LINES[p.panel_style // len(PANEL_FILLS)]
        scene = MatrixScene(p.margin, p.gap, BACKGROUNDS[p.background], fills, lines, colors, shapes)
        if not scene.figures_fit():
            raise Reject("occlusion: the largest figures overlap their neighbours")
        first = scene.render(panels, question=True)
        final = scene.render(panels, question=False)
        target = scene.target()
        answer = panels[2, 2]
        prompt = (
            "This is a 3×3 matrix puzzle (a Raven's progressive matrix). In every row, the shape, colour, number "
            "and size of the figures follow rules: an attribute stays the same along the row, changes step by "
            "step, or takes each of three values once. The bottom-right cell is empty and marked with a question "
            "mark. Work out the rules and draw the figures that complete the matrix into that cell, keeping "
            "every other cell unchanged."
        )
        solution = Solution(
            rules=rules, tables=tables, shapes=shapes, colors=color_names, target_box=target,
            given_boxes=[scene.panels.box(row, col, 3) for row in range(3) for col in range(3) if (row, col) != (2, 2)],
            answer={"shape": shapes[answer["shape"]], "color": color_names[answer["color"]],
                    "count": answer["count"] + 1, "size": ["small", "medium", "large"][answer["size"]]},
        )
        return self.revealed(first, final, [target], prompt, solution)
