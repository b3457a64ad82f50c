"""O-75 communicating_vessels: vessels on a common pipe open their valves; the water settles at one common level.

Parameters → draw → solve → render → prompt:

- ``vessels`` open vessels (seen from the side, so a vessel's cross-section is its inner width in the picture)
  stand on one pipe; each holds water to its own height, the pipe is full, and closed valves separate the pipe
  between neighbours. Widths, gaps and heights come from the seed (``Params.complete``);
- the solution is hydrostatics: once the valves open, the water flows until its free surface is at one common
  level in every vessel (equal pressure at the pipe), and no water is lost: the common height is
  h = Σ wᵢ·hᵢ / Σ wᵢ (widths wᵢ, start heights hᵢ above the vessels' common bottom);
- the video opens the valves, then the levels approach h by Torricelli's law for the flow through the pipe
  (speed √(2g·Δh), so the gap shrinks as d(Δh)/dt ∝ −√Δh): hᵢ(t) = h + (hᵢ − h)·(1 − t/T)², reaching h at T
  (each vessel's volume change balances the others' at every moment), and rest at h;
- a start too close to equilibrium, or (from medium on) one whose equilibrium is within 12 px of the plain mean
  of the heights (so the widths would not matter), is rejected and redrawn.
"""

from __future__ import annotations

from typing import Annotated, Any

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, draw_text, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o75_communicating_vessels.plugin import TASK

BOTTOM = 420.0  # inner bottom of every vessel (px); the pipe runs below it
TOP = 170.0  # inner top of every vessel (px)
PIPE = 24.0  # inner height of the pipe (px)
WALL = 5
MARGIN = 28.0
WATER = (40, 110, 215)  # saturated: the official evaluator finds the liquid by its saturation
WALL_COLOR = (70, 70, 70)
VALVE_COLOR = (35, 35, 35)
TEXT_COLOR = (45, 45, 45)
FLOW_FRAMES = 22  # the flow lasts 0.92 s
MIN_CHANGE = 64.0  # px some vessel's level must move
MIN_MEAN_GAP = 12.0  # px between the equilibrium and the plain mean of the heights (medium, hard)


class Params(TaskParams):
    """O-75's parameter space: two equal vessels first, three or four of different widths later."""

    vessels: Annotated[int, Strata(2, 3, (3, 4))] = Field(3, ge=2, le=4, description="number of vessels")
    equal_widths: Annotated[bool, Strata(1.0, 0.0, 0.0)] = Field(
        False, description="all vessels are equally wide")
    gap: Annotated[int, Uniform(34, 60)] = Field(44, ge=28, le=70, description="pipe length between neighbours (px)")
    width_1: int = Field(70, ge=30, le=120, description="inner width of vessel A (px; unused beyond the vessels drawn)")
    width_2: int = Field(50, ge=30, le=120, description="inner width of vessel B (px; unused beyond the vessels drawn)")
    width_3: int = Field(90, ge=30, le=120, description="inner width of vessel C (px; unused beyond the vessels drawn)")
    width_4: int = Field(60, ge=30, le=120, description="inner width of vessel D (px; unused beyond the vessels drawn)")
    height_1: int = Field(200, ge=16, le=235, description="start height of water in vessel A above the bottom (px)")
    height_2: int = Field(60, ge=16, le=235, description="start height of water in vessel B above the bottom (px)")
    height_3: int = Field(120, ge=16, le=235, description="start height of water in vessel C above the bottom (px)")
    height_4: int = Field(150, ge=16, le=235, description="start height of water in vessel D above the bottom (px)")
    background: BackgroundIndex = 0

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The widths of the drawn vessels (one for all, or 30–110 px differing by 30 px or more — 20 px with four
        vessels — fitting the picture) and their start heights (16–235 px, drawn again up to 40 times until the start is far from level
        and, for unequal widths, the common level is not the plain mean)."""
        n = min(4, max(2, int(values["vessels"])))  # an out-of-range count is refused after this, by validation
        out = dict(values)
        if not any(f"width_{k}" in fixed for k in range(1, 5)):
            room = 512 - 2 * MARGIN - values["gap"] * (n - 1) - 2 * WALL * n
            top = int(min(110, room // n))
            if values["equal_widths"]:
                width = int(rng.integers(min(60, top), top + 1))
                out.update({f"width_{k + 1}": width for k in range(4)})
            else:
                spread = min(30, int(0.7 * (top - 30)))  # four vessels leave less room to differ
                widths = rng.integers(30, top + 1, size=n)
                for _ in range(40):
                    if widths.max() - widths.min() >= spread and widths.sum() <= room:
                        break
                    widths = rng.integers(30, top + 1, size=n)
                out.update({f"width_{k + 1}": int(w) for k, w in enumerate(widths)})
        if not any(f"height_{k}" in fixed for k in range(1, 5)):
            widths = np.array([out.get(f"width_{k + 1}", cls.model_fields[f"width_{k + 1}"].default)
                               for k in range(n)], dtype=np.float64)
            for _ in range(40):
                heights = rng.integers(16, 236, size=n)
                level = float(widths @ heights / widths.sum())
                far = np.abs(heights - level).max() >= MIN_CHANGE
                if far and (values["equal_widths"] or abs(level - heights.mean()) >= MIN_MEAN_GAP):
                    break
            out.update({f"height_{k + 1}": int(h) for k, h in enumerate(heights)})
        return out

    @property
    def widths(self) -> tuple[int, ...]:
        """The drawn vessels' inner widths, left to right (px)."""
        return tuple(getattr(self, f"width_{k + 1}") for k in range(self.vessels))

    @property
    def heights(self) -> tuple[int, ...]:
        """The drawn vessels' start heights of water (px)."""
        return tuple(getattr(self, f"height_{k + 1}") for k in range(self.vessels))


class Solution(TaskSolution):
    """Each vessel's inner span (px), the start heights and the common height by hydrostatics."""

    lefts: list[float]
    widths: list[int]
    bottom: float
    top: float
    start_heights: list[int]
    level: float
    water_color: tuple[int, int, int]


def equilibrium(widths, heights) -> float:
    """The common height (px) the water settles at: volume conserved, h = Σ wᵢ·hᵢ / Σ wᵢ."""
    return float(np.dot(widths, heights) / np.sum(widths))


def levels_at(start, level: float, share: float) -> list[float]:
    """The heights when the way to equilibrium is ``share`` done (0 start, 1 rest)."""
    return [level + (h - level) * (1.0 - share) for h in start]


def flow_share(t: float) -> float:
    """How much of the way to equilibrium the levels are at ``t`` (share of the flow's time, 0–1): Torricelli's
    law makes the gap shrink as (1 − t)²."""
    t = min(1.0, max(0.0, t))
    return 1.0 - (1.0 - t) ** 2


class VesselScene:
    """The vessels, pipe and labels of one instance; ``frame(heights, valves_open)`` fills the water in."""

    def __init__(self, params: Params):
        self.params = p = params
        total = sum(p.widths) + p.gap * (p.vessels - 1) + 2 * WALL * p.vessels
        x = 256.0 - total / 2 + WALL
        self.lefts = []
        for w in p.widths:
            self.lefts.append(round(x, 1))
            x += w + 2 * WALL + p.gap
        self.fits = self.lefts[0] - WALL >= MARGIN and self.lefts[-1] + p.widths[-1] + WALL <= 512 - MARGIN
        self._empty: dict[bool, object] = {}

    def frame(self, heights, valves_open: bool) -> np.ndarray:
        """The scene with the water ``heights`` px deep in each vessel (the water is drawn over the cached empty
        scene: nothing else overlaps a vessel's inside)."""
        if valves_open not in self._empty:
            self._empty[valves_open] = self._scene(valves_open)
        canvas = self._empty[valves_open].copy()
        draw = ImageDraw.Draw(canvas)
        for left, w, h in zip(self.lefts, self.params.widths, heights, strict=True):
            if h > 0.25:
                draw.rectangle([left, BOTTOM - h, left + w - 1, BOTTOM], fill=WATER)
        return to_frame(canvas)

    def _scene(self, valves_open: bool):
        """The vessels, pipe, valves and labels without water in the vessels."""
        p = self.params
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        first, last = self.lefts[0], self.lefts[-1] + p.widths[-1]
        # the pipe, always full, and its walls
        draw.rectangle([first, BOTTOM, last, BOTTOM + PIPE], fill=WATER)
        draw.rectangle([first - WALL, BOTTOM + PIPE, last + WALL, BOTTOM + PIPE + WALL], fill=WALL_COLOR)
        draw.rectangle([first - WALL, BOTTOM, first, BOTTOM + PIPE], fill=WALL_COLOR)
        draw.rectangle([last, BOTTOM, last + WALL, BOTTOM + PIPE], fill=WALL_COLOR)
        for k, (left, w) in enumerate(zip(self.lefts, p.widths, strict=True)):
            right = left + w
            draw.rectangle([left - WALL, TOP - 8, left - 1, BOTTOM], fill=WALL_COLOR)
            draw.rectangle([right, TOP - 8, right + WALL - 1, BOTTOM], fill=WALL_COLOR)
            if k + 1 < len(self.lefts):  # the pipe's top wall between this vessel and the next, and the valve
                nxt = self.lefts[k + 1]
                draw.rectangle([right, BOTTOM - WALL, nxt - 1, BOTTOM - 1], fill=WALL_COLOR)
                mid = (right + WALL + nxt - WALL) / 2
                if valves_open:
                    draw.rectangle([mid - 9, BOTTOM - WALL - 7, mid + 9, BOTTOM - WALL - 2], fill=VALVE_COLOR)
                else:
                    draw.rectangle([mid - 3, BOTTOM - WALL - 16, mid + 3, BOTTOM + PIPE], fill=VALVE_COLOR)
            draw_text(draw, ((left + right) / 2, BOTTOM + PIPE + 26), "ABCD"[k], 18, fill=TEXT_COLOR, anchor="mm")
        draw_text(draw, (256, 40), "valves closed" if not valves_open else "valves open", 18, fill=TEXT_COLOR,
                  anchor="mm")
        return canvas


def flow(scene: VesselScene, heights, target: float, stop: float = 1.0):
    """A frame source: the valves closed at the start ``heights``, then open, the levels going ``stop`` of the way
    to ``target`` over FLOW_FRAMES frames."""
    def frames():
        yield scene.frame(heights, valves_open=False)
        for k in range(1, FLOW_FRAMES + 1):
            yield scene.frame(levels_at(heights, target, stop * flow_share(k / FLOW_FRAMES)), valves_open=True)
    return frames


class CommunicatingVesselsGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the vessels and lets the water settle at the common level."""

    def generate(self) -> Sample:
        """Solve the common level (rejecting trivial or width-blind instances) and render the flow."""
        p = self.params
        scene = VesselScene(p)
        if not scene.fits:
            raise Reject("the vessels do not fit on the picture")
        level = equilibrium(p.widths, p.heights)
        if max(abs(h - level) for h in p.heights) < MIN_CHANGE:
            raise Reject("the water is nearly level already")
        if not p.equal_widths and abs(level - float(np.mean(p.heights))) < MIN_MEAN_GAP:
            raise Reject("the common level is close to the plain mean: the widths would not matter")
        solution = Solution(lefts=scene.lefts, widths=list(p.widths), bottom=BOTTOM, top=TOP,
                            start_heights=list(p.heights), level=round(level, 3), water_color=WATER)
        names = ", ".join("ABCD"[: p.vessels - 1]) + " and " + "ABCD"[p.vessels - 1]
        prompt = (
            f"Vessels {names} stand on one pipe full of water, with closed valves between them; the vessels are "
            "open at the top and their widths are as drawn. Open the valves and show the water flowing until it "
            "comes to rest, following the law of communicating vessels: at rest the water stands at one common "
            "level in every vessel, and no water is lost or gained."
        )
        return Sample(first_frame=scene.frame(p.heights, valves_open=False),
                      final_frame=scene.frame([level] * p.vessels, valves_open=True), prompt=prompt,
                      trajectory=flow(scene, p.heights, level), solution=solution, params=p)

    def near_misses(self, sample: Sample):
        """The water settling at the plain mean of the heights (widths ignored, water gained or lost; only where
        that differs from the law by 12 px or more), and the flow stopped two thirds of the way."""
        p = self.params
        scene = VesselScene(p)
        level = sample.solution.level
        misses = {"stopped_two_thirds": flow(scene, p.heights, level, 2 / 3)}
        mean = float(np.mean(p.heights))
        if abs(mean - level) >= MIN_MEAN_GAP:
            misses["plain_mean"] = flow(scene, p.heights, mean)
        return misses
