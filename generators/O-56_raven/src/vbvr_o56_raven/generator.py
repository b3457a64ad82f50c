"""O-56 raven: draw the figure that every row rule demands into the empty cell of a 3×3 matrix.

Parameters → draw → solve → render → prompt:

- four attributes per panel: shape, colour, count (1–4) and size (3 levels);
- ``varied`` of them follow a row rule (constant, progression for count and size, or distribute-three);
  the others are the same in every panel;
- the answer is panel (2, 2) as the rules build it; every rule that fits the eight shown panels is
  inferred, and the instance is rejected unless all of them predict that one figure;
- the video wipes the answer into the empty panel; nothing else changes.

The scorer is the fill-in family's ``score_completion`` with the empty panel as its one target.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Box, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, SHAPE_KINDS, BackgroundIndex
from vbvr_core.families.fill_in.draw import RevealFrames
from vbvr_core.families.fill_in.task import FillInGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_o56_raven.plugin import TASK
from vbvr_o56_raven.rules import build, predictions
from vbvr_o56_raven.scene import MatrixScene

ATTRIBUTES = ("shape", "color", "count", "size")
FIGURE_COLORS = ("red", "green", "blue", "yellow", "purple", "cyan")
# Core's shape kinds without the hexagon, which is too close to a circle to tell apart at small sizes.
FIGURE_SHAPES = tuple(kind for kind in SHAPE_KINDS if kind != "hexagon")
DOMAINS = {"shape": len(FIGURE_SHAPES), "color": len(FIGURE_COLORS), "count": 4, "size": 3}
ORDERED = ("count", "size")  # attributes with an order, so a progression makes sense
PANEL_FILLS = [(255, 255, 255), (250, 250, 245), (246, 250, 255)]
PANEL_LINES = [(60, 60, 70), (90, 90, 110), (40, 40, 40)]


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
    """The rule and value table of every attribute, the answer in words, and the empty panel's box."""

    rules: dict[str, str]
    tables: dict[str, list[list[int]]]
    answer: dict[str, str | int]
    shapes: list[str]
    colors: list[str]
    target_box: Box


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
            answer={"shape": shapes[answer["shape"]], "color": color_names[answer["color"]],
                    "count": answer["count"] + 1, "size": ["small", "medium", "large"][answer["size"]]},
        )
        return self.revealed(first, final, [target], prompt, solution)
