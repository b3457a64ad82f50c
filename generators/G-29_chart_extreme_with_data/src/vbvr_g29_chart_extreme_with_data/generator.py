"""G-29 chart_extreme_with_data: frame the bar of a labelled bar chart that holds the largest (or smallest) value.

Parameters → draw → solve → render → prompt:

- ``num_bars`` bars, each labelled with its category letter below and its value (a whole number) above;
- the values are drawn so that the extreme asked for (``extreme``: the maximum or the minimum) beats the
  runner-up by exactly ``gap`` units: a wide gap shows in the bars' heights, a gap of one unit only in the
  printed numbers (the y axis starts at zero, so the heights are true to the values);
- the solver takes the bar with the extreme value (unique by construction; ties are rejected);
- the video traces a red rectangle around that bar and its value label, stroke by stroke, as the official
  task marks its answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, pairwise
from typing import Annotated, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_text, new_canvas, text_size, to_frame
from vbvr_core.draw.animate import ease_in_out
from vbvr_core.families.marking.draw import MARK_RED, outline_sweep
from vbvr_core.families.marking.task import fill_colors
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g29_chart_extreme_with_data.plugin import TASK

# Bar colours far from the red of the mark (no red, orange or pink).
BAR_COLORS = ("blue", "green", "purple", "cyan", "gray", "brown")
AXIS_COLOR = (60, 60, 60)
GRID_COLOR = (222, 222, 222)
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, BASELINE = 70, 490, 96, 440
LABEL_SIZE = 17
MARK_PAD = 5  # px between a bar (and its value label) and the red rectangle around it
Box = tuple[float, float, float, float]


class Params(TaskParams):
    """G-29's parameter space: more bars and a closer runner-up as the difficulty grows."""

    num_bars: Annotated[int, Strata((4, 5), (5, 7), (7, 9))] = Field(
        6, ge=3, le=10, description="how many bars the chart shows")
    extreme: Annotated[Literal["max", "min"], Uniform()] = Field(
        "max", description="which extreme is asked for: the largest or the smallest value")
    gap: Annotated[int, Strata((12, 20), (4, 8), (1, 3))] = Field(
        6, ge=1, le=30, description="how many units the extreme beats the runner-up by")
    top_value: Annotated[int, Uniform(40, 99)] = Field(
        80, ge=30, le=99, description="the largest value in the chart")
    bar_color: Annotated[Literal[BAR_COLORS], Uniform()] = Field(  # type: ignore[valid-type]
        "blue", description="colour of the bars (when not mixed)")
    mixed_colors: Annotated[bool, Strata(0.0, 0.3, 0.6)] = Field(
        False, description="each bar in its own colour instead of all in one")
    background: BackgroundIndex = 0
    mark_width: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=8, description="stroke width of the red rectangle, pixels")
    mark_frames: Annotated[int, Uniform(12, 16)] = Field(
        14, ge=8, le=36, description="video frames over which the rectangle is traced")


class Solution(TaskSolution):
    """The bars (boxes on the 512 canvas, values), the extreme asked for, the target and the marked box."""

    values: list[int]
    bars: list[Box]
    extreme: str
    target: int
    mark_box: Box


def draw_values(rng: np.random.Generator, count: int, extreme: str, gap: int, top: int) -> list[int]:
    """``count`` whole values in [5, ``top``], shuffled, whose ``extreme`` beats the runner-up by exactly ``gap``.

    For the maximum: ``top`` itself, a runner-up ``top - gap``, the rest below the runner-up. For the minimum:
    a smallest value ``low``, a runner-up ``low + gap``, the rest (``top`` among them) above it.
    """
    if extreme == "max":
        runner = top - gap
        if runner - 5 < count - 2:
            raise Reject(f"no room for {count} values below the runner-up {runner}")
        rest = [int(v) for v in rng.integers(5, runner + 1, size=count - 2)]
        values = [top, runner, *rest]
    else:
        low = int(rng.integers(5, max(6, top // 3)))
        runner = low + gap
        if top - runner < count - 3:
            raise Reject(f"no room for {count} values above the runner-up {runner}")
        rest = [int(v) for v in rng.integers(runner, top + 1, size=count - 3)]
        values = [low, runner, top, *rest]
    order = rng.permutation(count)
    return [values[int(k)] for k in order]


def extreme_index(values: list[int], extreme: str) -> int:
    """The index of the one largest (``max``) or smallest (``min``) value; ``Reject`` on a tie."""
    best = max(values) if extreme == "max" else min(values)
    where = [k for k, v in enumerate(values) if v == best]
    if len(where) != 1:
        raise Reject(f"ambiguous: {len(where)} bars share the {extreme} value {best}")
    return where[0]


def rectangle_sweep(base: np.ndarray, box: Box, frames: int, width: int, color=MARK_RED) -> Iterator[np.ndarray]:
    """``frames`` frames of a rectangle traced round ``box`` on ``base`` (not yielded), clockwise from its top-left
    corner in 12 pen steps a side (the marking family's ``outline_sweep``); the last shows it whole."""
    left, top, right, bottom = box
    corners = [(left, top), (right, top), (right, bottom), (left, bottom), (left, top)]
    return outline_sweep(base, [(x0 + (x1 - x0) * k / 12, y0 + (y1 - y0) * k / 12)
                                for (x0, y0), (x1, y1) in pairwise(corners) for k in range(12)], frames, color, width)


class ChartExtremeWithDataGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a labelled bar chart and frames the bar with the largest or smallest value in red."""

    def generate(self) -> Sample:
        """Draw the values, lay out and paint the chart, and frame the extreme bar."""
        p, rng = self.params, self.rng
        values = draw_values(rng, p.num_bars, p.extreme, p.gap, p.top_value)
        target = extreme_index(values, p.extreme)
        slot = (PLOT_RIGHT - PLOT_LEFT) / p.num_bars
        # Bars far enough apart that a rectangle round one (stroke included) leaves a clear gap to the next.
        width = slot - max(2 * (MARK_PAD + p.mark_width) + 4, slot * float(rng.uniform(0.38, 0.5)))
        if width < 14:
            raise Reject("cluttered: the bars stand too close for a rectangle round one to miss its neighbours")
        axis_top = 10 * int(np.ceil(max(values) / 10))
        scale = (BASELINE - PLOT_TOP) / axis_top
        bars: list[Box] = []
        for k, value in enumerate(values):
            middle = PLOT_LEFT + slot * (k + 0.5)
            bars.append((round(middle - width / 2, 1), round(BASELINE - value * scale, 1),
                         round(middle + width / 2, 1), float(BASELINE)))
        colors = fill_colors(rng, p.num_bars, True, BAR_COLORS) if p.mixed_colors else [PALETTE[p.bar_color]] * p.num_bars

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for tick in range(0, axis_top + 1, 10 if axis_top <= 60 else 20):
            y = BASELINE - tick * scale
            if tick:
                draw.line([(PLOT_LEFT, y), (PLOT_RIGHT, y)], fill=GRID_COLOR, width=1)
            draw_text(draw, (PLOT_LEFT - 8, y), str(tick), 14, fill=AXIS_COLOR, anchor="rm")
        draw.line([(PLOT_LEFT, PLOT_TOP - 20), (PLOT_LEFT, BASELINE)], fill=AXIS_COLOR, width=2)
        draw.line([(PLOT_LEFT, BASELINE), (PLOT_RIGHT, BASELINE)], fill=AXIS_COLOR, width=2)
        label_height = text_size("0", LABEL_SIZE)[1]
        for k, (box, value, color) in enumerate(zip(bars, values, colors, strict=True)):
            draw.rectangle(box, fill=color)
            middle = (box[0] + box[2]) / 2
            draw_text(draw, (middle, box[1] - 6), str(value), LABEL_SIZE, fill=(20, 20, 20), anchor="mb")
            draw_text(draw, (middle, BASELINE + 8), chr(ord("A") + k), 15, fill=AXIS_COLOR, anchor="mt")
        title = "Largest value?" if p.extreme == "max" else "Smallest value?"
        draw_text(draw, (256, 34), title, 20, fill=(30, 30, 30), bold=True)
        first = to_frame(canvas)

        left, top, right, bottom = bars[target]
        mark_box = (round(left - MARK_PAD, 1), round(top - 6 - label_height - MARK_PAD - 2, 1),
                    round(right + MARK_PAD, 1), round(bottom + MARK_PAD, 1))
        final = list(rectangle_sweep(first, mark_box, 1, p.mark_width))[-1]
        word = "largest" if p.extreme == "max" else "smallest"
        prompt = (
            f"The bar chart shows {p.num_bars} bars, each labelled with its value. Find the bar with the {word} "
            "value and mark it by drawing a red rectangle around that bar. Mark only that bar and do not change "
            "anything else in the chart."
        )
        solution = Solution(values=values, bars=bars, extreme=p.extreme, target=target, mark_box=mark_box)
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: self._framed(first, mark_box),
            solution=solution,
            params=p,
        )

    def _framed(self, first: np.ndarray, box: Box) -> Iterator[np.ndarray]:
        """The first frame, then a red rectangle traced round ``box``."""
        p = self.params
        return chain([first], rectangle_sweep(first, box, p.mark_frames, p.mark_width))

    def _box_of(self, solution: Solution, index: int) -> Box:
        """The rectangle the ground truth would draw round bar ``index``."""
        dx0, dy0, dx1, dy1 = (m - b for m, b in zip(solution.mark_box, solution.bars[solution.target], strict=True))
        left, top, right, bottom = solution.bars[index]
        return (left + dx0, top + dy0, right + dx1, bottom + dy1)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct marks: an ellipse drawn round the bar, and the bar framed tight (without its label)."""
        solution = Solution.model_validate(sample.solution)
        first = sample.first_frame
        left, top, right, bottom = solution.bars[solution.target]

        def ellipse() -> Iterator[np.ndarray]:
            for step in range(19):
                image = Image.fromarray(first.copy())
                extent = 360.0 * ease_in_out(min(1.0, step / 12))
                if extent > 0:
                    ImageDraw.Draw(image).arc((left - 12, top - 40, right + 12, bottom + 14), -90.0, -90.0 + extent,
                                              fill=MARK_RED, width=5)
                yield to_frame(image)

        tight = (left - 4, top - 4, right + 4, bottom + 4)
        return {"ellipse": ellipse, "tight_rectangle": lambda: self._framed(first, tight)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers framed like the right one: the runner-up, and the opposite extreme."""
        solution = Solution.model_validate(sample.solution)
        values = solution.values
        order = sorted(range(len(values)), key=lambda k: -values[k] if solution.extreme == "max" else values[k])
        first = sample.first_frame
        return {"runner_up_framed": lambda: self._framed(first, self._box_of(solution, order[1])),
                "opposite_extreme_framed": lambda: self._framed(first, self._box_of(solution, order[-1]))}
