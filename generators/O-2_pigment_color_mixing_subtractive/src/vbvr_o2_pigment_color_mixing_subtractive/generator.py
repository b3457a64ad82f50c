"""O-2 pigment_color_mixing_subtractive: drops of pigment flow into a dish and mix subtractively.

Parameters → draw → solve → render → prompt:

- ``pigments`` circles of pigment (cyan, magenta, yellow; each of a different kind) of radius ``well_radius``:
  the first on the left, the second on the right, a third (hard stratum) at the top; each pigment's strength is
  drawn in ``min_density`` – 1 (1: the pure ink; weaker inks are lighter);
- an empty dish (a grey rim) of radius ``dish_radius`` in the middle of the canvas;
- the solver multiplies the pigments' transmittances (ideal subtractive mixing: cyan × magenta = blue, all
  three = black); an instance is rejected when the mixture is hard to tell from a wrong mixture (the average,
  light mixing, either pigment's own colour) or from the white dish;
- the video: a drop of each pigment (a disc hidden in its circle at first) glides into the dish in
  ``flow_frames`` frames, the overlap of the drops showing the mixture; then the mixed drop spreads over
  ``spread_frames`` frames until it fills the dish. The pigment circles never change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import ease_in_out, to_frame
from vbvr_core.families.color_mix.draw import Disc, glide, overlaps_mixed, paint_discs
from vbvr_core.families.color_mix.judge import mixture_problem
from vbvr_core.families.color_mix.mixing import additive, average, first_usable, subtractive
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o2_pigment_color_mixing_subtractive.plugin import TASK

WHITE = (255, 255, 255)
WELL_RIM = (70, 70, 70)
DISH_RIM = (130, 130, 130)
DISH_RIM_WIDTH = 3
KINDS = ("cyan", "magenta", "yellow")
CHANNEL = {"cyan": 0, "magenta": 1, "yellow": 2}  # the channel each ink absorbs
MIN_CONTRAST = 30.0  # the mixture differs from the white dish by at least this (Lab)
DRAWS = 40
DROP_MARGIN = 4  # a drop is this much smaller than its pigment circle (hidden in it at first)


class Params(TaskParams):
    """O-2's parameter space: three pigments and weaker, lighter inks as the difficulty grows."""

    pigments: Annotated[int, Strata((2, 2), (2, 2), (3, 3))] = Field(
        2, ge=2, le=3, description="how many pigments are mixed (2: a secondary colour; 3: near black)")
    min_density: Annotated[float, Strata((1.0, 1.0), (0.8, 0.9), (0.65, 0.8), digits=2)] = Field(
        1.0, ge=0.6, le=1.0, description="least strength of a pigment (1: the pure ink; each is drawn up to 1)")
    well_radius: Annotated[int, Uniform(40, 52)] = Field(46, ge=36, le=56, description="radius of each pigment circle, pixels")
    dish_radius: Annotated[int, Uniform(64, 80)] = Field(72, ge=60, le=84, description="inner radius of the dish, pixels")
    flow_frames: Annotated[int, Uniform(28, 36)] = Field(
        32, ge=20, le=48, description="video frames of the drops flowing into the dish")
    spread_frames: Annotated[int, Uniform(12, 18)] = Field(
        14, ge=8, le=30, description="video frames of the mixture spreading to fill the dish")


class Solution(TaskSolution):
    """The pigments (kind, strength, colour, circle centre), the circles' and drops' radii, the dish, the mixture
    and the wrong mixtures."""

    kinds: list[str]
    densities: list[float]
    colors: list[tuple[int, int, int]]
    wells: list[Point]
    well_radius: float
    drop_radius: float
    dish: Point
    dish_radius: float
    mixture: tuple[int, int, int]
    wrong: dict[str, tuple[int, int, int]]


def ink(kind: str, density: float) -> tuple[int, int, int]:
    """The colour of ink ``kind`` at ``density``: it absorbs that share of its channel."""
    colour = [255, 255, 255]
    colour[CHANNEL[kind]] = int(round(255 * (1.0 - density)))
    return colour[0], colour[1], colour[2]


def wrong_mixtures(colors: list[tuple[int, int, int]]) -> dict[str, tuple[int, int, int]]:
    """What a reader with the wrong rule would show: a blend, light mixing, or one pigment winning."""
    wrong = {"average": average(*colors), "additive": additive(*colors)}
    wrong.update({f"pigment_{k}": c for k, c in enumerate(colors)})
    return wrong


def colour_problem(colors: list[tuple[int, int, int]]) -> str | None:
    """Why a set of pigment colours cannot be used, or None."""
    return mixture_problem(subtractive(*colors), wrong_mixtures(colors), MIN_CONTRAST, "white dish")


class PigmentMixingGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Pigment circles around a dish; drops of each flow in and mix subtractively until the dish is full."""

    def _pigments(self) -> tuple[list[str], list[float], list[tuple[int, int, int]]]:
        p, rng = self.params, self.rng

        def draw() -> tuple[list[str], list[float], list[tuple[int, int, int]]]:
            kinds = [KINDS[int(k)] for k in rng.permutation(3)[:p.pigments]]
            densities = [round(float(rng.uniform(p.min_density, 1.0)), 2) for _ in kinds]
            return kinds, densities, [ink(kind, density) for kind, density in zip(kinds, densities, strict=True)]

        return first_usable(draw, lambda drawn: colour_problem(drawn[2]), DRAWS)

    def generate(self) -> Sample:
        """Draw the pigments and the layout, mix them, and render the flow and the spread."""
        p, rng = self.params, self.rng
        kinds, densities, colors = self._pigments()
        dish = (round(256 + float(rng.uniform(-10, 10)), 1), round(256 + float(rng.uniform(-10, 10)), 1))
        gap = float(rng.uniform(18, 40))  # between a circle and the dish rim
        reach = p.dish_radius + DISH_RIM_WIDTH + gap + p.well_radius
        spots = [(dish[0] - reach, dish[1] + float(rng.uniform(-40, 40))),
                 (dish[0] + reach, dish[1] + float(rng.uniform(-40, 40))),
                 (dish[0] + float(rng.uniform(-40, 40)), dish[1] - reach)]
        wells = [(round(x, 1), round(y, 1)) for x, y in spots[:p.pigments]]
        for x, y in wells:
            if min(x, y, FRAME_SIZE - x, FRAME_SIZE - y) < p.well_radius + 6:
                raise Reject("out of bounds: a pigment circle leaves the canvas")
        mixture = subtractive(*colors)
        solution = Solution(kinds=kinds, densities=densities, colors=colors, wells=wells,
                            well_radius=float(p.well_radius), drop_radius=float(p.well_radius - DROP_MARGIN),
                            dish=dish, dish_radius=float(p.dish_radius), mixture=mixture,
                            wrong=wrong_mixtures(colors))
        base = self._base(solution)
        names = ", ".join(kinds[:-1]) + f" and {kinds[-1]}"
        prompt = (
            f"The circles hold {names} pigment (paint), and the dish in the middle is empty. Let a drop of each "
            "pigment flow into the dish and mix there, then fill the whole dish with the resulting colour of "
            "subtractive (pigment) mixing. The pigment circles stay as they are."
        )
        return Sample(first_frame=base, final_frame=self._frame(base, solution, 1.0, 1.0, subtractive),
                      prompt=prompt, trajectory=lambda: self._frames(base, solution, subtractive),
                      solution=solution, params=p)

    @staticmethod
    def _base(solution: Solution) -> np.ndarray:
        """The white canvas with the pigment circles and the empty dish (its rim)."""
        canvas = Image.new("RGB", (FRAME_SIZE, FRAME_SIZE), WHITE)
        draw = ImageDraw.Draw(canvas)
        r = solution.well_radius
        for (x, y), colour in zip(solution.wells, solution.colors, strict=True):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline=WELL_RIM, width=2)
        return PigmentMixingGenerator._dish_rim(to_frame(canvas), solution)

    @staticmethod
    def _dish_rim(frame: np.ndarray, solution: Solution) -> np.ndarray:
        import cv2

        scale = 16
        x, y = solution.dish
        radius = solution.dish_radius + DISH_RIM_WIDTH / 2
        cv2.circle(frame, (int(round(x * scale)), int(round(y * scale))), int(round(radius * scale)), DISH_RIM,
                   DISH_RIM_WIDTH, cv2.LINE_AA, 4)
        return frame

    def _frame(self, base: np.ndarray, solution: Solution, flow: float, spread: float,
               mix: Callable[..., tuple[int, int, int]]) -> np.ndarray:
        """The drops ``flow`` (0–1) of the way into the dish, then the mixture ``spread`` (0–1) to its rim."""
        radius = solution.drop_radius + (solution.dish_radius - solution.drop_radius) * spread
        discs = [Disc(glide(well, solution.dish, flow), radius if flow >= 1.0 else solution.drop_radius, colour)
                 for well, colour in zip(solution.wells, solution.colors, strict=True)]
        return self._dish_rim(paint_discs(base, discs, overlaps_mixed(mix)), solution)

    def _frames(self, base: np.ndarray, solution: Solution,
                mix: Callable[..., tuple[int, int, int]]) -> Iterator[np.ndarray]:
        """The flow (eased) then the spread (eased)."""
        p = self.params
        for k in range(p.flow_frames + 1):
            yield self._frame(base, solution, ease_in_out(k / p.flow_frames), 0.0, mix)
        for k in range(1, p.spread_frames + 1):
            yield self._frame(base, solution, 1.0, ease_in_out(k / p.spread_frames), mix)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The same flow and spread with a wrong mixing rule: a blend, light mixing, or the first pigment winning."""
        solution = Solution.model_validate(sample.solution)
        base = sample.first_frame
        return {"averaged": lambda: self._frames(base, solution, average),
                "additive_light": lambda: self._frames(base, solution, additive),
                "first_pigment_wins": lambda: self._frames(base, solution, lambda *cs: cs[0])}
