"""O-16 color_addition: two coloured balls glide together and merge; the overlap shows the additive mixture.

Parameters → draw → solve → render → prompt:

- two balls of radius ``ball_radius`` on a white canvas (black rims, as in the official task), their centres
  ``2 · (ball_radius + approach)`` apart in any direction, so each travels ``approach`` px before they touch;
- each ball's channels lie on a grid of ``channel_levels`` values (2: pure primaries and secondaries; more:
  subtler colours) and the two balls' channels never sum above 255, so the additive mixture is the plain
  channel sum whatever convention (clipped or rescaled) a reader has in mind;
- the solver adds the colours; an instance is rejected when a ball is too close to the white background or
  to the other ball, or when the sum is hard to tell from a wrong mixture (the average, the subtractive
  product, either ball's own colour) or from the background;
- the video glides both balls to the midpoint in ``motion_frames`` frames at a constant speed; every pixel covered by both
  shows the sum, so the mixture grows as the lens of the overlap until the balls coincide.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.families.color_mix.draw import Disc, glide, overlaps_mixed, paint_discs
from vbvr_core.families.color_mix.judge import MIN_GAP, mixture_problem
from vbvr_core.families.color_mix.mixing import additive, average, colour_distance, first_usable, subtractive
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o16_color_addition.plugin import TASK

WHITE = (255, 255, 255)
RIM = (0, 0, 0)
RIM_WIDTH = 2
EDGE = 8  # least gap between a ball and the canvas edge
# A ball, and the mixture, differ from the white background by at least this (weighted Lab).
MIN_CONTRAST = 30.0
COLOUR_DRAWS = 40


class Params(TaskParams):
    """O-16's parameter space: subtler colours (more channel levels) as the difficulty grows."""

    channel_levels: Annotated[int, Strata((2, 2), (3, 4), (5, 9))] = Field(
        3, ge=2, le=9, description="values each colour channel may take, evenly spaced from 0 to 255")
    ball_radius: Annotated[int, Uniform(44, 64)] = Field(56, ge=36, le=72, description="radius of each ball in pixels")
    approach: Annotated[int, Uniform(55, 105)] = Field(
        80, ge=50, le=120, description="how far each ball travels before the two touch, pixels")
    motion_frames: Annotated[int, Uniform(40, 52)] = Field(
        48, ge=32, le=72, description="video frames of the glide from the start to the merged ball")


class Solution(TaskSolution):
    """The two balls (start centres, colours), their radius, the midpoint, and the mixture and wrong mixtures."""

    starts: list[Point]
    colors: list[tuple[int, int, int]]
    radius: float
    midpoint: Point
    mixture: tuple[int, int, int]
    wrong: dict[str, tuple[int, int, int]]


def wrong_mixtures(first: tuple[int, int, int], second: tuple[int, int, int]) -> dict[str, tuple[int, int, int]]:
    """The mixtures a reader who got the rule wrong would show: a blend, pigment mixing, one colour winning."""
    return {"average": average(first, second), "subtractive": subtractive(first, second),
            "first_colour": first, "second_colour": second}


def colour_problem(first: tuple[int, int, int], second: tuple[int, int, int]) -> str | None:
    """Why a pair of ball colours cannot be used, or None."""
    if any(a + b > 255 for a, b in zip(first, second, strict=True)):
        return "ambiguous: a channel sum passes 255 (clipping and rescaling would disagree)"
    for name, colour in (("the first ball", first), ("the second ball", second)):
        if colour_distance(colour, WHITE) < MIN_CONTRAST:
            return f"illegible: {name} {colour} is too close to the white background"
    if colour_distance(first, second) < MIN_GAP:
        return f"ambiguous: the balls' colours {first} and {second} are too alike"
    return mixture_problem(additive(first, second), wrong_mixtures(first, second), MIN_CONTRAST, "white background")


class ColorAdditionGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Two balls whose colours add up; the video glides them into one ball at their midpoint."""

    def _colours(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        """Two ball colours on the channel grid whose channel sums stay within 255 (redrawn until usable)."""
        levels = self.params.channel_levels
        values = [int(round(255 * k / (levels - 1))) for k in range(levels)]
        pairs = [(a, b) for a in values for b in values if a + b <= 255]

        def draw() -> tuple[tuple[int, int, int], tuple[int, int, int]]:
            picks = [pairs[int(k)] for k in self.rng.integers(0, len(pairs), size=3)]
            return (picks[0][0], picks[1][0], picks[2][0]), (picks[0][1], picks[1][1], picks[2][1])

        return first_usable(draw, lambda pair: colour_problem(*pair), COLOUR_DRAWS)

    def generate(self) -> Sample:
        """Draw the colours and the layout, add the colours, and render the glide."""
        p = self.params
        first, second = self._colours()
        radius = float(p.ball_radius)
        half = radius + p.approach
        angle = float(self.rng.uniform(0, math.pi))
        dx, dy = half * math.cos(angle), half * math.sin(angle)
        reach_x, reach_y = abs(dx) + radius + EDGE, abs(dy) + radius + EDGE
        if reach_x >= FRAME_SIZE / 2 or reach_y >= FRAME_SIZE / 2:
            raise Reject("out of bounds: the balls do not fit on the canvas in this direction")
        mid = (round(float(self.rng.uniform(reach_x, FRAME_SIZE - reach_x)), 1),
               round(float(self.rng.uniform(reach_y, FRAME_SIZE - reach_y)), 1))
        starts = [(round(mid[0] - dx, 1), round(mid[1] - dy, 1)), (round(mid[0] + dx, 1), round(mid[1] + dy, 1))]
        if self.rng.random() < 0.5:
            first, second = second, first
        mixture = additive(first, second)
        solution = Solution(starts=starts, colors=[first, second], radius=radius, midpoint=mid, mixture=mixture,
                            wrong=wrong_mixtures(first, second))
        prompt = (
            "Two balls of different colours are shown. Move them toward each other in a straight line at the same "
            "speed until they merge completely into one ball at the midpoint between their starting positions. "
            "Where they overlap, show the additive mixture of their colours (mixing light: the red, green and blue "
            "values add up); the merged ball at the end shows that mixture."
        )
        return Sample(first_frame=self._frame(solution, 0.0, additive), final_frame=self._frame(solution, 1.0, additive),
                      prompt=prompt, trajectory=lambda: self._frames(solution, additive), solution=solution, params=p)

    @staticmethod
    def _frame(solution: Solution, share: float, mix: Callable[..., tuple[int, int, int]],
               rim: tuple[int, int, int] | None = RIM) -> np.ndarray:
        """The balls ``share`` of the way to the midpoint, their overlap painted with ``mix``."""
        base = np.full((FRAME_SIZE, FRAME_SIZE, 3), 255, np.uint8)
        discs = [Disc(glide(start, solution.midpoint, share), solution.radius, colour)
                 for start, colour in zip(solution.starts, solution.colors, strict=True)]
        return paint_discs(base, discs, overlaps_mixed(mix), outline=rim, outline_width=RIM_WIDTH)

    def _frames(self, solution: Solution, mix: Callable[..., tuple[int, int, int]],
                rim: tuple[int, int, int] | None = RIM) -> Iterator[np.ndarray]:
        """The glide from the starts to the midpoint at a constant speed, overlaps painted with ``mix``."""
        count = self.params.motion_frames
        return (self._frame(solution, k / count, mix, rim) for k in range(count + 1))

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct rendering: the same glide with balls drawn without their black rims."""
        solution = Solution.model_validate(sample.solution)
        return {"no_rims": lambda: self._frames(solution, additive, rim=None)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The same glide with a wrong mixing rule: a blend, pigment mixing, or the first colour winning."""
        solution = Solution.model_validate(sample.solution)
        return {"averaged": lambda: self._frames(solution, average),
                "subtractive": lambda: self._frames(solution, subtractive),
                "first_colour_wins": lambda: self._frames(solution, lambda a, b: a)}
