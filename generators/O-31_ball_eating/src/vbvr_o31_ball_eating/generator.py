"""O-31 ball_eating: a black ball eats the red balls greedily, always the nearest one next, growing as it eats.

Parameters → draw → solve → render → prompt:

- a black ball of radius ``black_radius`` and ``count`` red balls of radius ``red_radius`` (± 15 %) scattered
  apart on the canvas;
- the solution is the greedy tour: from where the black ball is, the nearest red ball (centre to centre) is
  eaten next; the black ball slides straight to it (``SPEED`` px a frame, eased), swallows it (the red ball
  vanishes) and grows so its area is its own plus the red ball's;
- a layout where a next nearest red ball is not clearly nearest (the runner-up within ``margin``), where the
  black ball's way would cross another red ball, or where a grown ball would leave the canvas is rejected.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_disc, ease_in_out, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import point_segment_distance

from vbvr_o31_ball_eating.plugin import TASK

BLACK = (25, 25, 25)
RED = PALETTE["red"]
OUTLINE = (185, 22, 22)
EDGE = 16
GAP = 14
SPEED = 18.0  # mean px per frame of the black ball's slides
PAUSE = 2  # frames the black ball rests after each bite


class Params(TaskParams):
    """O-31's parameter space: more red balls and closer calls on which is nearest as the difficulty grows."""

    count: Annotated[int, Strata((3, 4), (3, 5), (4, 6))] = Field(
        4, ge=2, le=8, description="red balls to eat")
    margin: Annotated[float, Strata((1.25, 1.4), (1.15, 1.25), (1.08, 1.15), digits=2)] = Field(
        1.2, ge=1.05, le=1.8, description="least ratio of the runner-up's distance to the nearest red ball's, at every step")
    black_radius: Annotated[int, Uniform(14, 18)] = Field(16, ge=12, le=22, description="the black ball's radius at the start (px)")
    red_radius: Annotated[int, Uniform(12, 16)] = Field(14, ge=10, le=20, description="the red balls' mean radius (px)")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """The black ball's start and radius, the red balls (centre, radius) and the order they are eaten in."""

    black_start: Point
    black_radius: float
    reds: list[tuple[float, float, float]]
    order: list[int]
    radii_after: list[float]


def greedy_order(start: np.ndarray, reds: np.ndarray) -> tuple[list[int], float]:
    """The nearest-first tour from ``start`` over ``reds`` (k×2), and the smallest ratio of the runner-up's
    distance to the chosen one's over its steps (inf when one red ball is left)."""
    here, left, order, closest = start, list(range(len(reds))), [], math.inf
    while left:
        distances = sorted((float(np.linalg.norm(reds[k] - here)), k) for k in left)
        if len(distances) > 1:
            closest = min(closest, distances[1][0] / max(distances[0][0], 1e-9))
        chosen = distances[0][1]
        order.append(chosen)
        left.remove(chosen)
        here = reds[chosen]
    return order, closest


class BallEatingGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters the balls, finds the greedy tour and animates the eating."""

    def generate(self) -> Sample:
        """Scatter, solve greedily, check the calls are clear and the ways free, and render the tour."""
        p, rng = self.params, self.rng
        radii = [float(np.round(p.red_radius * rng.uniform(0.85, 1.15), 1)) for _ in range(p.count)]
        final_radius = math.sqrt(p.black_radius**2 + sum(r * r for r in radii))
        reach = final_radius + EDGE
        spots: list[tuple[np.ndarray, float]] = []
        for radius in [float(p.black_radius), *radii]:
            for _ in range(300):
                spot = rng.uniform(reach, FRAME_SIZE - reach, size=2)
                if all(np.linalg.norm(spot - other) >= radius + r + GAP + 30 for other, r in spots):
                    spots.append((np.round(spot, 1), radius))
                    break
            else:
                raise Reject("cluttered: the balls do not fit apart")
        start = spots[0][0]
        reds = np.asarray([spot for spot, _ in spots[1:]])
        order, closest = greedy_order(start, reds)
        if closest < p.margin:
            raise Reject(f"ambiguous: at one step the runner-up is only {closest:.2f} times as far as the nearest")
        grown = [float(p.black_radius)]
        for k in order:
            grown.append(math.sqrt(grown[-1] ** 2 + radii[k] ** 2))
        here = start
        for step, k in enumerate(order):
            target = reds[k]
            for j in order[step + 1:]:
                if point_segment_distance(reds[j], here, target) < grown[step] + radii[j] + 6:
                    raise Reject(f"occlusion: the way to red ball {k} crosses red ball {j}")
            here = target
        self._start, self._reds, self._radii = start, reds, radii
        solution = Solution(black_start=(float(start[0]), float(start[1])), black_radius=float(p.black_radius),
                            reds=[(float(x), float(y), r) for (x, y), r in zip(reds, radii, strict=True)],
                            order=order, radii_after=[round(r, 2) for r in grown[1:]])
        background = to_frame(new_canvas(BACKGROUNDS[p.background]))
        self._background = background
        frames_of = self._tour(order)
        first = self._paint(start, float(p.black_radius), set())
        final = self._paint(reds[order[-1]], grown[-1], set(order))
        prompt = (
            "The black ball eats red balls greedily: it always moves in a straight line to the red ball nearest to "
            "it, swallows it and grows by the red ball's size, then goes on to the red ball nearest to where it "
            "now is. Show the black ball eating every red ball in this order."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt, trajectory=frames_of, solution=solution,
                      params=p)

    def _paint(self, black: np.ndarray, radius: float, eaten: set[int]) -> np.ndarray:
        image = Image.fromarray(self._background)
        draw = ImageDraw.Draw(image)
        for k, ((x, y), r) in enumerate(zip(self._reds, self._radii, strict=True)):
            if k not in eaten:
                draw_disc(draw, (x, y), r, fill=RED, outline=OUTLINE, width=2)
        draw_disc(draw, black, radius, fill=BLACK)
        return np.asarray(image, dtype=np.uint8).copy()

    def _tour(self, order: list[int]):
        """A frame source: the black ball sliding to each red ball of ``order`` in turn, eating it on arrival."""
        p = self.params

        def frames() -> Iterator[np.ndarray]:
            here, radius, eaten = self._start, float(p.black_radius), set()
            yield self._paint(here, radius, eaten)
            for k in order:
                target = self._reds[k]
                steps = max(6, int(round(np.linalg.norm(target - here) / SPEED)))
                for s in range(1, steps + 1):
                    yield self._paint(here + (target - here) * ease_in_out(s / steps), radius, eaten)
                eaten = eaten | {k}
                radius = math.sqrt(radius**2 + self._radii[k] ** 2)
                for _ in range(PAUSE):
                    yield self._paint(target, radius, eaten)
                here = target

        return frames

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong tours drawn like the right one: the first two bites swapped, and the last red ball left uneaten."""
        order = list(sample.solution.order)
        swapped = [order[1], order[0], *order[2:]]
        return {"first_two_swapped": self._tour(swapped), "last_left": self._tour(order[:-1])}
