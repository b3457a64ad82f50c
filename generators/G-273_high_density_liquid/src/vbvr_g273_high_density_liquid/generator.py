"""G-273 high_density_liquid: two identical blocks float in two liquids; mark the one in the denser liquid.

Parameters → draw → solve → render → prompt:

- two open containers side by side, each filled with a liquid (light blue or light green; which one is denser
  is drawn, so the colour says nothing); an identical yellow block floats in each;
- a floating block sinks until it displaces its own weight: the share of it under the surface is
  ρ_block / ρ_liquid. The block in the lighter liquid is ``submerged`` under; in the denser one, ``ratio``
  times less. In hard samples the liquid surfaces stand at different heights (``level_shift``), so only
  how deep each block sinks — not how high it sits on the picture — tells the liquids apart;
- the solution marks the block that sinks less (the denser liquid) with a red rectangle, drawn side by side
  in ``mark_frames`` frames; nothing else changes;
- blocks sinking to depths less than 9 px apart (illegible), or a layout where a block would touch its container's
  wall or bottom, is rejected.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Annotated, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, new_canvas, to_frame
from vbvr_core.families.marking.draw import outline_sweep, ring_sweep
from vbvr_core.families.outline.draw import square_polygon
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g273_high_density_liquid.plugin import TASK

LIQUIDS = {"blue": (120, 175, 235), "green": (125, 205, 140)}
BLOCK = (245, 200, 30)
BLOCK_EDGE = (150, 110, 20)
WALL = (70, 70, 80)
WALL_WIDTH = 6
MARK_PADDING = 10
MARK_WIDTH = 6
MIN_DEPTH_GAP = 9  # px: blocks sinking to closer depths than this are too hard to tell apart
LIQUID_ALPHA = 0.3  # how much of the liquid's colour shows over a block's submerged part


class Params(TaskParams):
    """G-273's parameter space: closer densities and uneven liquid levels as the difficulty grows."""

    ratio: Annotated[float, Strata((1.8, 2.4), (1.4, 1.8), (1.25, 1.45), digits=2)] = Field(
        1.6, ge=1.2, le=2.6, description="density of the denser liquid over the lighter one")
    submerged: Annotated[float, Uniform(0.6, 0.85, digits=2)] = Field(
        0.75, ge=0.5, le=0.9, description="share of the block under the surface in the lighter liquid")
    dense_left: Annotated[bool, Uniform()] = Field(True, description="the denser liquid is in the left container")
    dense_color: Annotated[Literal["blue", "green"], Uniform()] = Field(
        "blue", description="colour of the denser liquid (the other one gets the other colour)")
    block: Annotated[int, Uniform(60, 80)] = Field(70, ge=44, le=90, description="side of the blocks (px)")
    width: Annotated[int, Uniform(150, 185)] = Field(170, ge=140, le=190, description="inner width of the containers (px)")
    depth: Annotated[int, Uniform(150, 200)] = Field(
        170, ge=130, le=210, description="depth of liquid in the left container (px)")
    level_shift: Annotated[int, Strata((0, 0), (0, 0), (-40, 40))] = Field(
        0, ge=-50, le=50, description="how much deeper the right container's liquid is than the left's (px)")
    background: BackgroundIndex = 0
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the rectangle is drawn")


class Solution(TaskSolution):
    """The blocks' centres (left, right), which one floats in the denser liquid, and the mark's radius. The marking
    family's ``score_ringed`` judges it with the two centres as the candidates: the mark (a rectangle, a ring, an
    outline, a dot or a fill) must sit on the block in the denser liquid and take in the other block nowhere."""

    centers: list[Point]
    target: int
    mark_radius: float
    submerged: list[float]


def submerged_share(block_density: float, liquid_density: float) -> float:
    """Share of a floating block under the surface: it sinks until it displaces its own weight (Archimedes)."""
    return block_density / liquid_density


class HighDensityLiquidGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the two containers with their floating blocks and marks the block in the denser liquid."""

    def generate(self) -> Sample:
        """Place the containers and blocks, solve by submerged share, and draw the rectangle around the answer."""
        p, rng = self.params, self.rng
        light_density = 1.0
        block_density = p.submerged * light_density
        dense_density = p.ratio * light_density
        shares = [submerged_share(block_density, dense_density if (k == 0) == p.dense_left else light_density)
                  for k in range(2)]
        if abs(shares[0] - shares[1]) * p.block < MIN_DEPTH_GAP:
            raise Reject(f"illegible: the blocks sink to depths less than {MIN_DEPTH_GAP} px apart")
        bottom = float(rng.uniform(440, 470))
        gap = float(rng.uniform(40, 512 - 2 * p.width - 2 * WALL_WIDTH - 40))
        left = (512 - 2 * p.width - gap) / 2
        containers = [(left, left + p.width), (left + p.width + gap, left + 2 * p.width + gap)]
        levels = [bottom - p.depth, bottom - p.depth - p.level_shift]
        tops = [min(levels) - float(rng.uniform(50, 80))] * 2
        if tops[0] < 40:
            raise Reject("out of bounds: the containers reach above the picture")
        centers: list[Point] = []
        for (x0, x1), level, share in zip(containers, levels, shares, strict=True):
            room = (x1 - x0 - p.block) / 2 - 12
            if room < 0:
                raise Reject("occlusion: a block touches its container's wall")
            cx = (x0 + x1) / 2 + float(rng.uniform(-room, room))
            cy = level + share * p.block - p.block / 2
            if cy + p.block / 2 > bottom - 12:
                raise Reject("a block would touch the container's bottom")
            centers.append((round(cx, 1), round(cy, 1)))
        target = int(np.argmin(shares))
        colors = [p.dense_color if (k == 0) == p.dense_left else ("green" if p.dense_color == "blue" else "blue")
                  for k in range(2)]
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        half = p.block / 2
        for (x0, x1), level, color in zip(containers, levels, colors, strict=True):
            draw.rectangle([x0, level, x1, bottom], fill=LIQUIDS[color])
        for cx, cy in centers:
            draw.rectangle([cx - half, cy - half, cx + half, cy + half], fill=BLOCK, outline=BLOCK_EDGE, width=2)
        pixels = np.asarray(canvas, dtype=np.float32).copy()
        for (cx, cy), level, color in zip(centers, levels, colors, strict=True):
            # the liquid in front of the block's submerged part: seen through it, tinted by it
            y0, y1 = int(round(level)), int(round(cy + half)) + 1
            x0, x1 = int(round(cx - half)), int(round(cx + half)) + 1
            pixels[y0:y1, x0:x1] = (1 - LIQUID_ALPHA) * pixels[y0:y1, x0:x1] + LIQUID_ALPHA * np.asarray(LIQUIDS[color])
        canvas = Image.fromarray(np.rint(pixels).astype(np.uint8))
        draw = ImageDraw.Draw(canvas)
        for (x0, x1), level, top, color in zip(containers, levels, tops, colors, strict=True):
            draw.line([(x0, level), (x1, level)], fill=tuple(int(v * 0.7) for v in LIQUIDS[color]), width=2)
            w = WALL_WIDTH
            draw.line([(x0 - w / 2, top), (x0 - w / 2, bottom + w / 2), (x1 + w / 2, bottom + w / 2), (x1 + w / 2, top)],
                      fill=WALL, width=w, joint="curve")
        first = to_frame(canvas)
        mark_radius = round(float(np.hypot(half + MARK_PADDING, half + MARK_PADDING)), 1)
        self._first, self._centers, self._half = first, centers, half + MARK_PADDING
        final = list(self._rectangle_frames(target))[-1]
        prompt = (
            "Two identical yellow blocks float in two containers holding different liquids. Find the container "
            "whose liquid has the higher density and mark the block floating in it by drawing a red rectangle "
            "around the block. Mark only that block and do not change anything else in the image."
        )
        solution = Solution(centers=centers, target=target, mark_radius=mark_radius,
                            submerged=[round(s, 3) for s in shares])
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._rectangle_frames(target), solution=solution, params=p)

    def _rectangle_frames(self, index: int) -> Iterator[np.ndarray]:
        """The first frame, then a red rectangle traced around block ``index`` side by side."""
        corners = square_polygon(self._centers[index], self._half)
        return chain([self._first], outline_sweep(self._first, corners, self.params.mark_frames, width=MARK_WIDTH))

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct mark: a red ring around the block instead of a rectangle."""
        solution = Solution.model_validate(sample.solution)
        center = solution.centers[solution.target]
        return {"ring": lambda: chain([self._first], ring_sweep(self._first, center, solution.mark_radius,
                                                                 self.params.mark_frames, width=MARK_WIDTH))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The wrong answer marked exactly like the right one: the block in the lighter liquid."""
        solution = Solution.model_validate(sample.solution)
        return {"lighter_liquid_marked": lambda: self._rectangle_frames(1 - solution.target)}
