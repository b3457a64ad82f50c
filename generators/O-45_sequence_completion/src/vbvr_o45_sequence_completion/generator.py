"""O-45 sequence_completion: replace the question mark at the end of a sequence with its next element.

Parameters → draw → solve → render → prompt:

- a row of ``length`` boxes; the first ``length - 1`` show a sequence, the last a question mark;
- the sequence is a number progression (arithmetic, geometric, squares, Fibonacci) or a cycle of
  ``period`` distinct figures (shapes, colours, arrow directions, coloured shapes);
- the answer is the element the rule gives next; ``validate`` rejects prefixes whose continuation is
  not determined (another rule family fits the numbers with another answer, the cycle is not seen to
  repeat) and numbers too long to set legibly;
- the video wipes the answer into the last box; nothing else changes.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import PALETTE, SHAPE_KINDS
from vbvr_core.families.fill_in.draw import reveal_frames
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o45_sequence_completion.plugin import INFO
from vbvr_o45_sequence_completion.rules import (
    CYCLE_KINDS,
    DIRECTIONS,
    NUMBER_KINDS,
    cycle_sequence,
    fitting_predictions,
    minimal_period,
    number_sequence,
)
from vbvr_o45_sequence_completion.scene import MIN_FONT, RowScene

KINDS = NUMBER_KINDS + CYCLE_KINDS
FIGURE_COLORS = ("red", "green", "blue", "yellow", "purple", "orange", "cyan", "pink")
BACKGROUNDS = [(255, 255, 255), (248, 246, 238), (236, 242, 248), (242, 242, 242)]
# Difficulty strata: the kinds drawn, the row lengths and the cycle periods.
STRATA = {
    0: (("arithmetic", "shape_cycle", "color_cycle"), (5, 6), (2, 3)),
    1: (("arithmetic", "geometric", "square", "shape_cycle", "direction_cycle"), (6, 7), (3, 3)),
    2: (("fibonacci", "square", "geometric", "direction_cycle", "mixed_cycle"), (7, 8), (3, 4)),
}
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


class Params(TaskParams):
    """O-45's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    kind: Literal[KINDS] = Field("arithmetic", description="the rule of the sequence")
    length: int = Field(6, ge=5, le=8, description="boxes in the row, the question mark included")
    first: int = Field(3, ge=0, le=40, description="first number (number kinds)")
    step: int = Field(2, ge=-9, le=12, description="difference (arithmetic), factor (geometric) or second term (Fibonacci)")
    period: int = Field(3, ge=2, le=4, description="cycle length (cycle kinds)")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    row_offset: int = Field(0, ge=-120, le=120, description="vertical offset of the row from the centre, pixels")
    gap: int = Field(10, ge=6, le=16, description="gap between boxes, pixels")
    reveal_frames: int = Field(24, ge=12, le=36, description="frames over which the answer is drawn in")


class SequenceCompletionGenerator(BaseGenerator):
    """Draws a sequence with a hidden last element and reveals the element its rule gives."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Kind, length and period from the stratum; numbers so that the answer stays under 10 000."""
        kinds, (len_lo, len_hi), (per_lo, per_hi) = STRATA[difficulty]
        kind = str(kinds[int(rng.integers(0, len(kinds)))])
        length = int(rng.integers(len_lo, len_hi + 1))
        first, step = 0, 1
        if kind == "arithmetic":
            step = int(rng.choice([-5, -3, -2, 2, 3, 4, 5, 6, 7, 9])) if difficulty else int(rng.integers(1, 6))
            first = int(rng.integers(max(0, -step * (length - 1)), 40 + 1))
        elif kind == "geometric":
            length = min(length, 6)
            step = int(rng.integers(2, 4))
            first = int(rng.integers(1, max(2, min(40, 9999 // step ** (length - 1)) + 1)))
        elif kind == "square":
            first = int(rng.integers(0, 25))
        elif kind == "fibonacci":
            first, step = int(rng.integers(1, 10)), int(rng.integers(1, 13))
        period = int(rng.integers(per_lo, per_hi + 1))
        if kind in CYCLE_KINDS:  # show the cycle once and at least two elements of its repeat
            length = min(8, max(length, period + 3))
        return {
            "kind": kind,
            "length": length,
            "first": first,
            "step": step,
            "period": period,
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "row_offset": int(rng.integers(-120, 121)),
            "gap": int(rng.integers(6, 17)),
            "reveal_frames": int(rng.integers(18, 31)),
        }

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
            directions = [str(d) for d in rng.permutation(DIRECTIONS)]
            return [{"arrow": direction, "color": colors[0]} for direction in directions[:p.period]]
        return [{"shape": shape, "color": color} for shape, color in zip(shapes[:p.period], colors[:p.period], strict=False)]

    def _elements(self) -> list[dict[str, Any]]:
        p = self.params
        if p.kind in NUMBER_KINDS:
            return [{"number": value} for value in number_sequence(p.kind, p.first, p.step, p.length)]
        return cycle_sequence(self._cycle(), p.length)

    def generate(self) -> Sample:
        """Build the sequence, render the row with a question mark and with the answer, reveal it."""
        p = self.params
        elements = self._elements()
        scene = RowScene(p.length, p.gap, p.row_offset, BACKGROUNDS[p.background],
                         {name: PALETTE[name] for name in FIGURE_COLORS})
        first = scene.render(elements[:-1], question=True)
        final = scene.render(elements, question=False)
        target = scene.box(p.length - 1, inset=3)
        what = "number" if p.kind in NUMBER_KINDS else "figure"
        prompt = (
            f"This is a sequence of {p.length - 1} elements followed by a box with a question mark. Observe its "
            f"pattern, then replace the question mark with the correct {what} to {PROMPTS[p.kind]}. Draw the "
            "answer in the box of the question mark and keep everything else in the picture unchanged."
        )
        solution = {
            "kind": p.kind,
            "elements": elements,
            "answer": elements[-1],
            "target_box": list(target),
            "box_boxes": [list(scene.box(k)) for k in range(p.length)],
            "font_size": scene.font_size(elements),
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: itertools.chain([first], reveal_frames(first, final, [target], p.reveal_frames)),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject undetermined rules, negative or too long numbers, and illegibly small text."""
        problems = super().validate(sample)
        solution = sample.solution
        elements = solution["elements"]
        shown = elements[:-1]
        if solution["kind"] in NUMBER_KINDS:
            numbers = [element["number"] for element in elements]
            if min(numbers) < 0 or max(numbers) > 9999:
                problems.append(f"numbers out of the legible range 0..9999: {numbers}")
            predictions = fitting_predictions([element["number"] for element in shown])
            if solution["kind"] not in predictions:
                problems.append(f"the shown numbers do not follow the {solution['kind']} rule")
            if set(predictions.values()) != {numbers[-1]}:
                problems.append(f"ambiguous: the shown numbers fit rules predicting {predictions}")
            if solution["font_size"] < MIN_FONT:
                problems.append(f"illegible: numbers set at {solution['font_size']} px (< {MIN_FONT})")
        else:
            period = minimal_period(shown)
            cycle = shown[:period]
            if len({str(sorted(element.items())) for element in cycle}) != period:
                problems.append("the cycle repeats an element")
            if len(shown) < period + 2:
                problems.append(f"undetermined: {len(shown)} shown elements do not show the {period}-cycle repeating")
            if elements[-1] != shown[len(shown) % period]:
                problems.append("solver bug: the answer does not continue the shown cycle")
        return problems
