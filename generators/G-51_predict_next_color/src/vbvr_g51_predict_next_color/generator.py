"""G-51 predict_next_color: fill the empty box with the colour that continues a repeating cycle.

Parameters → draw → solve → render → prompt:

- a cycle of ``period`` distinct colours (any two at least :data:`MIN_COLOR_DISTANCE` apart), repeated along
  a row of ``shown`` blocks, then an empty outlined box with a "?" (easy: A B A B ?; medium: A B C A ?; hard:
  a cycle of 3 or 4 shown a little more than once, e.g. A B C D A B ?);
- the solver finds the shortest period that the shown colours repeat with (:func:`next_color`) and reads the
  answer one period back; a row whose shortest period is not the cycle drawn, or that does not show the
  cycle's start again, is rejected (the continuation would be a guess);
- the video holds the row, wipes the answer colour into the box from top to bottom, and holds the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Box, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, color_distance, new_canvas, to_frame
from vbvr_core.families.fill_in.draw import draw_question_mark
from vbvr_core.families.fill_in.sequence import minimal_period, repeat_cycle
from vbvr_core.families.fill_in.task import FillInGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g51_predict_next_color.plugin import TASK

COLORS: tuple[str, ...] = ("red", "green", "blue", "yellow", "orange", "purple", "cyan")
MIN_COLOR_DISTANCE = 100.0  # yellow and orange (80 apart) never share a row
EMPTY_FILL = (236, 236, 236)
EMPTY_LINE = (120, 120, 120)
BLOCK_Y = 256.0


def widest_block(shown: int, gap: int) -> int:
    """The largest block side (40–64 px) with which ``shown`` blocks and the empty box fit 480 px of row."""
    return max(40, min(64, (480 - shown * gap) // (shown + 1)))


class Params(TaskParams):
    """G-51's parameter space: longer cycles, shown for fewer repeats, as the difficulty grows."""

    period: Annotated[int, Strata((2, 2), (3, 3), (3, 4))] = Field(
        3, ge=2, le=4, description="how many colours the cycle has")
    shown: Annotated[int, Strata((4, 4), (4, 4), (5, 6))] = Field(
        4, ge=3, le=7, description="how many coloured blocks precede the empty box")
    gap: Annotated[int, Uniform(10, 18)] = Field(14, ge=6, le=24, description="space between blocks, pixels")
    block: Annotated[int, Uniform(40, lambda v: widest_block(v["shown"], v["gap"]))] = Field(
        56, ge=32, le=72, description="side of a block, pixels (the row fits the canvas)")
    background: BackgroundIndex = 0
    reveal_frames: Annotated[int, Uniform(16, 24)] = Field(
        20, ge=10, le=36, description="frames over which the answer colour is wiped in")
    hold_frames: Annotated[int, Uniform(6, 10)] = Field(
        8, ge=2, le=16, description="frames the row is held before the answer and after it")


class Solution(TaskSolution):
    """The colours shown (names, left to right), their boxes, the period, and the answer in the target box."""

    colors: list[str]
    boxes: list[Box]
    period: int
    answer: str
    target_box: Box


def next_color(shown: Sequence[str]) -> tuple[int, str]:
    """(shortest period, continuation) of a row of colour names: the least p with ``shown[i] == shown[i-p]``
    for every i ≥ p (:func:`~vbvr_core.families.fill_in.sequence.minimal_period`); the continuation is
    ``shown[len - p]``. Raises ``ValueError`` when the row does not show its cycle's start again (p ≥ len: nothing
    repeats, so any colour could come next)."""
    period = minimal_period(shown)
    if period >= len(shown):
        raise ValueError(f"the row {list(shown)} repeats nothing: its continuation cannot be inferred")
    return period, shown[len(shown) - period]


def row_boxes(count: int, block: int, gap: int) -> list[Box]:
    """``count`` square boxes of side ``block`` in a row centred on the canvas, ``gap`` apart."""
    width = count * block + (count - 1) * gap
    left = (512 - width) / 2
    top = round(BLOCK_Y - block / 2)
    return [(round(left + k * (block + gap)), top, round(left + k * (block + gap)) + block, top + block)
            for k in range(count)]


class PredictNextColorGenerator(FillInGenerator, task=TASK, params=Params, solution=Solution):
    """Repeats a colour cycle along a row and fills the empty last box with the colour that comes next."""

    def _cycle(self) -> list[str]:
        """``period`` distinct colours, any two at least :data:`MIN_COLOR_DISTANCE` apart (else ``Reject``)."""
        p = self.params
        cycle = [COLORS[int(k)] for k in self.rng.permutation(len(COLORS))[: p.period]]
        if any(color_distance(PALETTE[a], PALETTE[b]) < MIN_COLOR_DISTANCE for a, b in combinations(cycle, 2)):
            raise Reject(f"illegible: colours {cycle} include two too alike to tell apart")
        return cycle

    def generate(self) -> Sample:
        """Draw the cycle, lay out the row, solve it, render the empty box and its filled version."""
        p = self.params
        if p.shown < p.period + 1:
            raise Reject(f"ambiguous: {p.shown} blocks do not show a cycle of {p.period} starting again")
        width = (p.shown + 1) * p.block + p.shown * p.gap
        if width > 512 - 2 * 16:
            raise Reject(f"cluttered: a row of {p.shown + 1} blocks is {width} px wide")
        cycle = self._cycle()
        colors = repeat_cycle(cycle, p.shown)
        try:
            period, answer = next_color(colors)
        except ValueError as problem:
            raise Reject(f"ambiguous: {problem}") from None
        if period != p.period or answer != cycle[p.shown % p.period]:
            raise Reject(f"ambiguous: the row reads as a cycle of {period}, not the {p.period} drawn")
        boxes = row_boxes(p.shown + 1, p.block, p.gap)
        solution = Solution(colors=colors, boxes=boxes[:-1], period=period, answer=answer, target_box=boxes[-1])
        first = self._render(solution, None)
        final = self._render(solution, answer)
        prompt = (
            "The row shows coloured blocks that follow a repeating pattern of colours from left to right; the "
            "last box, marked with a question mark, is empty. Fill the empty box with the colour that continues "
            "the pattern. Do not change anything else in the image."
        )
        # with the video's own holds (hold_frames) about half a second each end
        return self.revealed(first, final, [solution.target_box], prompt, solution, hold_frames=4)

    def _render(self, solution: Solution, fill: str | None) -> np.ndarray:
        """The row, with the target box empty (outlined, "?") when ``fill`` is None, else filled with ``fill``."""
        p = self.params
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for name, (left, top, right, bottom) in zip(solution.colors, solution.boxes, strict=True):
            draw.rectangle([left, top, right - 1, bottom - 1], fill=PALETTE[name])
        left, top, right, bottom = solution.target_box
        if fill is None:
            draw.rectangle([left, top, right - 1, bottom - 1], fill=EMPTY_FILL, outline=EMPTY_LINE, width=3)
            draw_question_mark(draw, solution.target_box, int(p.block * 0.6), EMPTY_LINE)
        else:
            draw.rectangle([left, top, right - 1, bottom - 1], fill=PALETTE[fill])
        return to_frame(canvas)

    def holds(self) -> tuple[int, int]:
        """The row held ``hold_frames`` before the answer is wiped in, and the answer as long after."""
        return self.params.hold_frames, self.params.hold_frames

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The box filled like the answer but in a wrong colour: the last shown colour repeated, another colour
        of the cycle, and a colour the row never uses."""
        solution = Solution.model_validate(sample.solution)
        cycle = list(dict.fromkeys(solution.colors))
        wrong = {"last_color_repeated": solution.colors[-1],
                 "other_cycle_color": next(c for c in cycle if c not in (solution.answer, solution.colors[-1])
                                           ) if len(cycle) > 2 else None,
                 "unused_color": next((c for c in COLORS if c not in cycle and all(
                     color_distance(PALETTE[c], PALETTE[u]) >= MIN_COLOR_DISTANCE for u in cycle)), None)}
        return {name: self.wrong_answer(sample, self._render(solution, color), [solution.target_box])
                for name, color in wrong.items() if color is not None}
