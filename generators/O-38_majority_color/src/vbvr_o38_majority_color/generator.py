"""O-38 majority_color: every shape takes the colour most shapes already have.

Parameters → draw → solve → render → prompt:

- ``num_shapes`` filled shapes (circles and regular polygons) in ``num_colors`` saturated colours; the
  colour counts are drawn so that one colour (the majority) leads the runner-up by ``margin`` shapes
  (one more when an even split cannot come out) (a tie would make the answer ambiguous and is never drawn);
- shapes are scattered apart from one another (a gap of at least ``GAP`` px); crowded layouts are rejected;
- the solver counts the shapes of each drawn colour and takes the most frequent one; the video recolours
  every other shape to it, one shape after another (each blends over ``recolor_frames`` frames), while
  the shapes keep their places, sizes and outlines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Literal

import numpy as np
from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, ease_in_out
from vbvr_core.families.marking.draw import shapes_image
from vbvr_core.families.marking.task import place_apart, shape_reach, varied_shapes
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o38_majority_color.plugin import TASK

# Saturated colours with distinct hues (the official evaluator reads them by HSV hue): no pink, brown or grey.
COLORS: tuple[str, ...] = ("red", "green", "blue", "yellow", "orange", "purple", "cyan")
GAP = 10
EDGE = 10
OUTLINE = (50, 50, 50)
HOLD_FRAMES = 2  # frames each recoloured shape is held before the next one starts

class Params(TaskParams):
    """O-38's parameter space: more shapes, more colours and a closer vote as the difficulty grows."""

    num_shapes: Annotated[int, Strata((5, 7), (7, 9), (9, 12))] = Field(
        7, ge=3, le=16, description="how many shapes are shown")
    num_colors: Annotated[int, Strata((2, 2), (3, 3), (3, 4))] = Field(
        3, ge=2, le=5, description="how many different colours the shapes have")
    margin: Annotated[int, Strata((2, 3), (2, 2), (1, 1))] = Field(
        2, ge=1, le=6, description="least lead of the majority colour over the runner-up, shapes")
    mixed_kinds: Annotated[bool, Strata(0.3, 0.6, 0.9)] = Field(
        True, description="shapes of different kinds instead of one kind (colour is what counts, not shape)")
    kind: Annotated[Literal["circle", "square", "triangle", "diamond", "pentagon", "hexagon"], Uniform()] = Field(
        "circle", description="the shape kind when the kinds are not mixed")
    radius: Annotated[int, Strata((30, 38), (24, 32), (20, 26))] = Field(
        28, ge=18, le=44, description="nominal radius of every shape, pixels")
    outlined: Annotated[bool, Uniform()] = Field(
        False, description="shapes carry a thin dark outline")
    background: BackgroundIndex = 0
    recolor_frames: Annotated[int, Uniform(4, 5)] = Field(
        4, ge=3, le=12, description="video frames over which one shape changes colour")

    @model_validator(mode="after")
    def _counts_fit(self) -> Params:
        # The majority needs margin + 1 shapes at least, and every other colour one shape at least.
        if self.num_shapes < self.margin + 1 + (self.num_colors - 1):
            raise ValueError(f"{self.num_shapes} shapes cannot hold {self.num_colors} colours with a lead of "
                             f"{self.margin}")
        return self


class Solution(TaskSolution):
    """The shapes (kind, centre, nominal radius, rotation, colour name), the majority colour and the order
    in which the other shapes are recoloured."""

    kinds: list[str]
    centers: list[Point]
    radii: list[float]
    rotations: list[float]
    colors: list[str]
    majority: str
    recolor_order: list[int]


def color_counts(num_shapes: int, num_colors: int, margin: int, rng) -> list[int]:
    """Shapes per colour, majority first: the runner-up has ``margin`` fewer than the majority (``margin`` + 1
    when the split cannot come out even, as with two colours and an odd difference), the others no more than
    the runner-up and at least one each; ``Reject`` when no such split exists."""
    others = num_colors - 2
    for lead in (margin, margin + 1):
        runners = [r for r in range(1, num_shapes) if
                   (others == 0 and num_shapes - 2 * r - lead == 0)
                   or (others > 0 and others <= num_shapes - 2 * r - lead <= others * r)]
        if runners:
            break
    else:
        raise Reject(f"no split of {num_shapes} shapes into {num_colors} colours with a lead of {margin}")
    runner = runners[int(rng.integers(0, len(runners)))]
    rest = num_shapes - 2 * runner - lead
    counts = [1] * others
    for _ in range(rest - others):
        room = [k for k in range(others) if counts[k] < runner]
        counts[int(room[int(rng.integers(0, len(room)))])] += 1
    return [runner + lead, runner, *counts]


def majority_of(colors: list[str]) -> str:
    """The most frequent colour; ``Reject`` when two colours tie for it."""
    ranked = Counter(colors).most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        raise Reject(f"ambiguous: {ranked[0][0]} and {ranked[1][0]} both have {ranked[0][1]} shapes")
    return ranked[0][0]


def render(background: int, solution: Solution, colors: list[tuple[int, int, int]], outlined: bool) -> np.ndarray:
    """The scene with each shape filled in ``colors``."""
    return shapes_image(BACKGROUNDS[background], solution.kinds, solution.centers, solution.radii, solution.rotations,
                        colors, outline=OUTLINE if outlined else None, width=2 if outlined else 0)


def blend(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


class MajorityColorGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters shapes in a few colours, one colour in the majority, and recolours the rest to it."""

    def generate(self) -> Sample:
        """Draw the colour counts, shapes and layout; solve by counting; recolour the others one by one."""
        p, rng = self.params, self.rng
        counts = color_counts(p.num_shapes, p.num_colors, p.margin, rng)
        names = [COLORS[int(i)] for i in rng.choice(len(COLORS), size=p.num_colors, replace=False)]
        colors = [name for name, count in zip(names, counts, strict=True) for _ in range(count)]
        colors = [colors[int(k)] for k in rng.permutation(len(colors))]
        count = len(colors)
        kinds, radii, rotations = varied_shapes(rng, count, p.mixed_kinds, p.kind, p.radius)
        reaches = [shape_reach(kind, r) for kind, r in zip(kinds, radii, strict=True)]
        centers = place_apart(rng, reaches, GAP, 6, EDGE)
        majority = majority_of(colors)
        order = [k for k in range(count) if colors[k] != majority]
        if len(order) < 2:
            raise Reject("trivial: a single shape to recolour shows no one-by-one process")
        order.sort(key=lambda k: (centers[k][1] // 64, centers[k][0]))  # reading order, row band by row band
        solution = Solution(kinds=kinds, centers=centers, radii=radii, rotations=rotations, colors=colors,
                            majority=majority, recolor_order=order)
        first = render(p.background, solution, [PALETTE[c] for c in colors], p.outlined)
        final = render(p.background, solution, [PALETTE[majority]] * count, p.outlined)
        prompt = (
            "Several coloured shapes are shown. Find the colour that the most shapes have, then change the colour "
            "of every other shape to that majority colour, one shape at a time, so that in the end all shapes "
            "share it. Do not move, resize or reshape any shape, and change nothing else."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._recolor_frames(first, solution, majority, order),
                      solution=solution, params=p)

    def _recolor_frames(self, first: np.ndarray, solution: Solution, target: str,
                        order: list[int]) -> Iterator[np.ndarray]:
        """The first frame held briefly, then the shapes in ``order`` blend into ``target`` one after another
        (each over ``recolor_frames`` frames, then held ``HOLD_FRAMES`` frames, so that each change is seen on
        its own at 8 fps too), and the result held."""
        p = self.params
        current = [PALETTE[c] for c in solution.colors]
        for _ in range(3):
            yield first
        frame = first
        for k in order:
            start = current[k]
            for step in range(1, p.recolor_frames + 1):
                current[k] = blend(start, PALETTE[target], ease_in_out(step / p.recolor_frames))
                frame = render(p.background, solution, current, p.outlined)
                yield frame
            for _ in range(HOLD_FRAMES):
                yield frame
        for _ in range(2):
            yield frame

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers drawn exactly like the right one: every shape turned to the runner-up colour, and the
        right colour with one shape left as it was."""
        solution = Solution.model_validate(sample.solution)
        ranked = [name for name, _ in Counter(solution.colors).most_common()]
        runner = ranked[1]
        to_runner = [k for k in range(len(solution.colors)) if solution.colors[k] != runner]
        return {"runner_up_colour": lambda: self._recolor_frames(sample.first_frame, solution, runner, to_runner),
                "one_shape_left": lambda: self._recolor_frames(sample.first_frame, solution, solution.majority,
                                                               solution.recolor_order[:-1])}
