"""O-45 sequence_completion: replace the question mark at the end of a sequence with its next element.

Parameters → draw → solve → render → prompt:

- a row of ``length`` boxes; the first ``length - 1`` show a sequence, the last a question mark;
- the sequence is a number progression (arithmetic, geometric, squares, Fibonacci: :func:`number_sequence`) or a
  cycle of ``period`` distinct figures (shapes, colours, arrow directions, coloured shapes; core's
  :mod:`vbvr_core.families.fill_in.sequence` repeats the cycle and reads its period back);
- the answer is the element the rule gives next; prefixes whose continuation is not determined (another
  rule family fits the numbers with another answer, :func:`fitting_predictions`; the cycle is not seen to repeat)
  and numbers too long to set legibly are rejected;
- the video wipes the answer into the last box; nothing else changes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Annotated, Any, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Box, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, SHAPE_KINDS, BackgroundIndex, draw_arrow, draw_shape
from vbvr_core.draw.canvas import RGB
from vbvr_core.draw.text import draw_text, text_size
from vbvr_core.families.fill_in.draw import Panels, PanelScene, RevealFrames
from vbvr_core.families.fill_in.sequence import minimal_period, repeat_cycle
from vbvr_core.families.fill_in.task import FillInGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_o45_sequence_completion.plugin import TASK

NUMBER_KINDS = ("arithmetic", "geometric", "square", "fibonacci")
CYCLE_KINDS = ("shape_cycle", "color_cycle", "direction_cycle", "mixed_cycle")
KINDS = NUMBER_KINDS + CYCLE_KINDS
FIGURE_COLORS = ("red", "green", "blue", "yellow", "purple", "orange", "cyan", "pink")
PROMPTS = {
    "arithmetic": "complete the arithmetic sequence (each number differs from the one before by the same amount)",
    "geometric": "complete the geometric sequence (each number is the one before times the same factor)",
    "square": "complete the sequence of square numbers",
    "fibonacci": "complete the Fibonacci-style sequence (each number is the sum of the two before it)",
    "shape_cycle": "complete the repeating cycle of shapes",
    "color_cycle": "complete the repeating cycle of colours",
    "direction_cycle": "complete the repeating cycle of arrow directions",
    "mixed_cycle": "complete the repeating cycle of coloured shapes",
}
MIN_FONT = 14
MARGIN = 20
BOX_FILL = (255, 255, 255)
BOX_LINE = (70, 70, 80)
TEXT_COLOR = (25, 25, 35)
OUTLINE = (40, 40, 40)
ARROW_ANGLES = {"up": -90, "up_right": -45, "right": 0, "down_right": 45, "down": 90, "down_left": 135,
                "left": 180, "up_left": -135}


class Params(TaskParams):
    """O-45's parameter space: harder rule kinds, longer rows and longer cycles as the difficulty grows."""

    kind: Annotated[Literal[KINDS], Strata(("arithmetic", "shape_cycle", "color_cycle"),
                                           ("arithmetic", "geometric", "square", "shape_cycle", "direction_cycle"),
                                           ("fibonacci", "square", "geometric", "direction_cycle", "mixed_cycle"))] = Field(
        "arithmetic", description="the rule of the sequence")
    length: Annotated[int, Strata((5, 6), (6, 7), (7, 8))] = Field(
        6, ge=5, le=8, description="boxes in the row, the question mark included (a cycle shows itself and 2 more)")
    period: Annotated[int, Strata((2, 3), (3, 3), (3, 4))] = Field(3, ge=2, le=4, description="cycle length (cycle kinds)")
    first: int = Field(3, ge=0, le=40, description="first number (number kinds); drawn so the answer stays < 10 000")
    step: int = Field(2, ge=-9, le=12, description="difference (arithmetic), factor (geometric) or second term (Fibonacci)")
    background: BackgroundIndex = 0
    row_offset: Annotated[int, Uniform(-120, 120)] = Field(
        0, ge=-120, le=120, description="vertical offset of the row from the centre, pixels")
    gap: Annotated[int, Uniform(6, 16)] = Field(10, ge=6, le=16, description="gap between boxes, pixels")
    reveal_frames: RevealFrames = 24

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The numbers of a number kind (so that the answer stays under 10 000); a row long enough to show a
        cycle and two more of its elements, a geometric row of at most 6."""
        kind, length = values["kind"], values["length"]
        if "length" not in fixed:
            length = min(length, 6) if kind == "geometric" else length
            length = min(8, max(length, values["period"] + 3)) if kind in CYCLE_KINDS else length
        first, step = 0, 1
        if kind == "arithmetic":
            steps = [-5, -3, -2, 2, 3, 4, 5, 6, 7, 9] if values["difficulty"] else [1, 2, 3, 4, 5]
            step = values["step"] if "step" in fixed else steps[int(rng.integers(0, len(steps)))]
            first = int(rng.integers(max(0, -step * (length - 1)), 40 + 1))
        elif kind == "geometric":
            step = values["step"] if "step" in fixed else int(rng.integers(2, 4))
            first = int(rng.integers(1, max(2, min(40, 9999 // max(2, abs(step)) ** (length - 1)) + 1)))
        elif kind == "square":
            first = int(rng.integers(0, 25))
        elif kind == "fibonacci":
            first, step = int(rng.integers(1, 10)), int(rng.integers(1, 13))
        return {**values, "length": length, "first": first, "step": step, **fixed}


class Solution(TaskSolution):
    """The sequence's kind and elements (the last is the answer), the box the answer goes into, and the boxes of
    the shown elements (which must keep their content)."""

    kind: str
    elements: list[dict[str, Any]]
    answer: dict[str, Any]
    target_box: Box
    given_boxes: list[Box] = []


def number_sequence(kind: str, first: int, step: int, length: int) -> list[int]:
    """``length`` numbers of a progression: ``step`` is the difference, the ratio, or (Fibonacci) the second term.

    ``square``: (first + k)²; ``fibonacci``: first, step, then each term the sum of the two before.
    """
    if kind == "arithmetic":
        return [first + k * step for k in range(length)]
    if kind == "geometric":
        return [first * step**k for k in range(length)]
    if kind == "square":
        return [(first + k) ** 2 for k in range(length)]
    if kind == "fibonacci":
        terms = [first, step]
        while len(terms) < length:
            terms.append(terms[-1] + terms[-2])
        return terms[:length]
    raise ValueError(f"unknown number sequence kind {kind!r}; known: {', '.join(NUMBER_KINDS)}")


def fitting_predictions(shown: list[int]) -> dict[str, int]:
    """The next number predicted by each rule family that fits every shown number (needs ≥ 3 shown)."""
    predictions: dict[str, int] = {}
    pairs = list(zip(shown, shown[1:], strict=False))
    differences = {b - a for a, b in pairs}
    if len(differences) == 1:
        predictions["arithmetic"] = shown[-1] + differences.pop()
    if all(a != 0 and b % a == 0 for a, b in pairs) and len(ratios := {b // a for a, b in pairs}) == 1:
        predictions["geometric"] = shown[-1] * ratios.pop()
    roots = [round(abs(value) ** 0.5) for value in shown]
    if [root * root for root in roots] == shown and roots == list(range(roots[0], roots[0] + len(roots))):
        predictions["square"] = (roots[-1] + 1) ** 2
    if all(c == a + b for a, b, c in zip(shown, shown[1:], shown[2:], strict=False)):
        predictions["fibonacci"] = shown[-1] + shown[-2]
    return predictions


class RowScene(PanelScene):
    """Geometry and drawing of a row of ``count`` square boxes, ``gap`` apart, centred ``offset`` px off the middle,
    the last one the question mark's."""

    def __init__(self, count: int, gap: int, offset: int, background: RGB):
        self.side = side = min(96, (FRAME_SIZE - 2 * MARGIN - (count - 1) * gap) // count)
        panels = Panels(1, count, side, gap, Panels.centred(1, count, side, gap).left, FRAME_SIZE // 2 + offset - side // 2)
        super().__init__(panels, background, BOX_FILL, BOX_LINE, 2, (0, count - 1), int(side * 0.6))

    def font_size(self, elements: Sequence[dict[str, Any]]) -> int:
        """One font size for every number of the row: the largest whose widest number fills ≤ 80 % of a box."""
        labels = [str(element["number"]) for element in elements if "number" in element] or ["0"]
        size = int(self.side * 0.5)
        while size > 6 and max(text_size(label, size, bold=True)[0] for label in labels) > 0.8 * self.side:
            size -= 1
        return size

    def draw_content(self, draw: ImageDraw.ImageDraw, box, element: dict[str, Any]) -> None:
        """A number (at the row's font size), an arrow or a filled shape, centred in ``box``."""
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        radius = self.side * 0.3
        if "number" in element:
            draw_text(draw, (cx, cy), str(element["number"]), self.number_size, fill=TEXT_COLOR, bold=True)
        elif "arrow" in element:
            angle = math.radians(ARROW_ANGLES[element["arrow"]])
            dx, dy = math.cos(angle) * radius * 1.15, math.sin(angle) * radius * 1.15
            draw_arrow(draw, (cx - dx, cy - dy), (cx + dx, cy + dy), PALETTE[element["color"]],
                       width=max(3, self.side // 14), head_length=self.side * 0.28, head_width=self.side * 0.3)
        else:
            draw_shape(draw, element["shape"], (cx, cy), radius, fill=PALETTE[element["color"]], outline=OUTLINE,
                       width=2)

    def render(self, elements: Sequence[dict[str, Any]], question: bool, *, row: Sequence[dict[str, Any]]) -> np.ndarray:
        """The row with ``elements`` in the first boxes and, if ``question``, a question mark in the last one; the
        numbers are set at the :meth:`font_size` of ``row``, the whole row with its answer, whichever frame is drawn
        (sized by the shown numbers alone, they would shrink in the final frame when the answer is wider, and the
        video, which only reveals the answer box, would not end on it)."""
        self.number_size = self.font_size(row)
        return super().render({(0, index): element for index, element in enumerate(elements)}, question)


def undetermined(kind: str, elements: list[dict[str, Any]], font_size: int) -> str | None:
    """Why the shown elements do not determine the answer, or the numbers cannot be set legibly; or None."""
    shown = elements[:-1]
    if kind in NUMBER_KINDS:
        numbers = [element["number"] for element in elements]
        if min(numbers) < 0 or max(numbers) > 9999:
            return f"numbers out of the legible range 0..9999: {numbers}"
        predictions = fitting_predictions(numbers[:-1])
        if kind not in predictions:
            return f"the shown numbers do not follow the {kind} rule"
        if set(predictions.values()) != {numbers[-1]}:
            return f"ambiguous: the shown numbers fit rules predicting {predictions}"
        if font_size < MIN_FONT:
            return f"illegible: numbers set at {font_size} px (< {MIN_FONT})"
        return None
    period = minimal_period(shown)
    if len({str(sorted(element.items())) for element in shown[:period]}) != period:
        return "the cycle repeats an element"
    if len(shown) < period + 2:
        return f"undetermined: {len(shown)} shown elements do not show the {period}-cycle repeating"
    return None


class SequenceCompletionGenerator(FillInGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a sequence with a hidden last element and reveals the element its rule gives."""

    def _cycle(self) -> list[dict[str, Any]]:
        """``period`` distinct figures of the kind, drawn with the generator's RNG."""
        p, rng = self.params, self.rng
        shapes = [str(s) for s in rng.permutation(SHAPE_KINDS)]
        colors = [str(c) for c in rng.permutation(FIGURE_COLORS)]
        if p.kind == "shape_cycle":
            return [{"shape": shape, "color": colors[0]} for shape in shapes[:p.period]]
        if p.kind == "color_cycle":
            return [{"shape": shapes[0], "color": color} for color in colors[:p.period]]
        if p.kind == "direction_cycle":
            directions = [str(d) for d in rng.permutation(tuple(ARROW_ANGLES))]
            return [{"arrow": direction, "color": colors[0]} for direction in directions[:p.period]]
        return [{"shape": shape, "color": color} for shape, color in zip(shapes[:p.period], colors[:p.period], strict=False)]

    def generate(self) -> Sample:
        """Build the sequence, render the row with a question mark and with the answer, reveal it."""
        p = self.params
        elements = ([{"number": value} for value in number_sequence(p.kind, p.first, p.step, p.length)]
                    if p.kind in NUMBER_KINDS else repeat_cycle(self._cycle(), p.length))
        scene = self.scene = RowScene(p.length, p.gap, p.row_offset, BACKGROUNDS[p.background])
        problem = undetermined(p.kind, elements, scene.font_size(elements))
        if problem:
            raise Reject(problem)
        first = scene.render(elements[:-1], question=True, row=elements)
        final = scene.render(elements, question=False, row=elements)
        target = scene.target()
        what = "number" if p.kind in NUMBER_KINDS else "figure"
        prompt = (
            f"This is a sequence of {p.length - 1} elements followed by a box with a question mark. Observe its "
            f"pattern, then replace the question mark with the correct {what} to {PROMPTS[p.kind]}. Draw the "
            "answer in the box of the question mark and keep everything else in the picture unchanged."
        )
        solution = Solution(kind=p.kind, elements=elements, answer=elements[-1], target_box=target,
                            given_boxes=[scene.panels.box(0, index, 3) for index in range(p.length - 1)])
        return self.revealed(first, final, [target], prompt, solution)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A number answer off by one, drawn the same way (at the row's font size, small enough for it too)."""
        solution = sample.solution
        if "number" not in solution.answer:
            return {}
        wrong_number = {"number": solution.answer["number"] + 1}
        wrong = self.scene.render(solution.elements[:-1] + [wrong_number], False, row=solution.elements + [wrong_number])
        return {"off_by_one": self.wrong_answer(sample, wrong, [solution.target_box])}

