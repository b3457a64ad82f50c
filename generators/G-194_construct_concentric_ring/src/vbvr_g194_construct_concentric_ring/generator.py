"""G-194 construct_concentric_ring: slide two rings to the image's centre so that they become concentric.

Parameters → draw → solve → render → prompt:

- an inner ring of outer radius ``inner_radius`` and an outer ring ``ratio`` times as large, both
  ``ring_width`` px thick, in two clearly different colours; each starts at least ``min_travel`` px from the
  canvas centre, fully on the canvas; with ``apart`` the two rings start clear of each other, otherwise their
  circles cross;
- the solution moves both ring centres to the canvas centre (256, 256), where the smaller ring lies inside
  the larger with a clear gap;
- the video slides both rings there at the same time along straight lines (eased), over ``move_frames``
  frames, the smaller ring drawn over the larger.
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
from vbvr_core.draw import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    Sprite,
    Stage,
    color_distance,
    interpolate_points,
    new_canvas,
)
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g194_construct_concentric_ring.plugin import TASK

CENTER: Point = (FRAME_SIZE / 2, FRAME_SIZE / 2)
# Ring colours: saturated and far apart from each other (each ring is followed by its colour).
COLORS: tuple[str, ...] = ("red", "green", "blue", "orange", "purple", "cyan", "pink")
MIN_COLOR_DISTANCE = 120.0
EDGE = 8.0  # every ring keeps this far from the canvas border
APART_GAP = 14.0  # px between two rings that start apart
CROSS_MARGIN = 16.0  # rings that start crossing do so clearly (not just touching, not one inside the other)
MIN_RING_GAP = 8.0  # px of background between the concentric rings at the end
HOLD_ENDS = 8  # frames the pipeline holds the start and the end (a third of a second each; the scorer reads 0.25 s)


class Params(TaskParams):
    """G-194's parameter space: closer radii, thinner rings and crossing starts as the difficulty grows."""

    inner_radius: Annotated[int, Uniform(50, 66)] = Field(
        56, ge=24, le=80, description="outer radius (px) of the smaller ring")
    ratio: Annotated[float, Strata((1.8, 2.2), (1.5, 1.8), (1.3, 1.5), digits=2)] = Field(
        1.7, ge=1.2, le=3.0, description="the larger ring's radius over the smaller one's")
    ring_width: Annotated[int, Strata((8, 10), (6, 8), (5, 7))] = Field(
        7, ge=4, le=12, description="stroke width (px) of both rings")
    apart: Annotated[bool, Strata(1.0, 0.5, 0.0)] = Field(
        True, description="the rings start clear of each other (otherwise their circles cross)")
    min_travel: Annotated[float, Uniform(60, 120, digits=1)] = Field(
        100.0, ge=40, le=180, description="least distance (px) from each ring's start to the canvas centre")
    background: BackgroundIndex = 0
    move_frames: Annotated[int, Uniform(16, 20)] = Field(
        18, ge=16, le=72, description="video frames of the rings' slide")


class Solution(TaskSolution):
    """Each ring (smaller first): its start, colour name and outer radius; the shared end (the canvas centre);
    the stroke width."""

    starts: list[Point]
    colors: list[str]
    radii: list[int]
    end: Point
    ring_width: int


def ring_sprite(radius: int, width: int, color) -> Sprite:
    """A ring of outer ``radius`` and stroke ``width`` on a transparent square of even side (so a whole-pixel
    centre pastes it exactly)."""
    side = 2 * radius + 4
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse([2, 2, side - 2, side - 2], outline=tuple(color) + (255,), width=width)
    return Sprite.from_image(image)


class ConstructConcentricRingGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws two rings apart and slides both to the canvas centre."""

    def _radii(self) -> list[int]:
        p = self.params
        outer = int(round(p.inner_radius * p.ratio))
        if outer > FRAME_SIZE / 2 - 2 * EDGE:
            raise Reject(f"layout: a ring of radius {outer} px does not fit")
        if outer - p.inner_radius - p.ring_width < MIN_RING_GAP:
            raise Reject("illegible: the concentric rings would touch")
        return [p.inner_radius, outer]

    def _starts(self, radii: list[int]) -> list[Point]:
        """Whole-pixel start centres, each ``min_travel`` from the centre, apart or crossing as asked."""
        p, rng = self.params, self.rng
        for _ in range(300):
            starts = [(float(rng.integers(EDGE + r, FRAME_SIZE - EDGE - r + 1)),
                       float(rng.integers(EDGE + r, FRAME_SIZE - EDGE - r + 1))) for r in radii]
            if any(math.dist(s, CENTER) < p.min_travel for s in starts):
                continue
            d = math.dist(*starts)
            if p.apart and d >= sum(radii) + APART_GAP:
                return starts
            if not p.apart and radii[1] - radii[0] + CROSS_MARGIN <= d <= sum(radii) - CROSS_MARGIN:
                return starts
        raise Reject("layout: no start positions for the rings")

    def _colors(self) -> list[str]:
        rng = self.rng
        first = COLORS[int(rng.integers(0, len(COLORS)))]
        others = [c for c in COLORS if color_distance(PALETTE[c], PALETTE[first]) >= MIN_COLOR_DISTANCE]
        return [first, others[int(rng.integers(0, len(others)))]]

    def generate(self) -> Sample:
        """Lay out the rings, and slide both to the canvas centre."""
        p = self.params
        radii = self._radii()
        starts = self._starts(radii)
        colors = self._colors()
        solution = Solution(starts=starts, colors=colors, radii=radii, end=CENTER, ring_width=p.ring_width)
        stage = self._stage()
        sprites = self._sprites(solution)
        first = stage.frame([(sprites[1], starts[1]), (sprites[0], starts[0])])
        final = stage.frame([(sprites[1], CENTER), (sprites[0], CENTER)])
        prompt = (
            "Two rings of different sizes and colours are shown. Slide both rings, at the same time and in "
            "straight lines, until their centres are both at the centre of the image, so that they form "
            "concentric rings. Keep each ring's size and colour unchanged."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._frames(stage, sprites, [[s, CENTER] for s in starts]),
                      solution=solution, params=p, hold_frames=HOLD_ENDS)

    def _sprites(self, s: Solution) -> list[Sprite]:
        return [ring_sprite(r, s.ring_width, PALETTE[c]) for r, c in zip(s.radii, s.colors, strict=True)]

    def _frames(self, stage: Stage, sprites: list[Sprite], paths: list[list[Point]],
                sequential: bool = False) -> Iterator[np.ndarray]:
        """The rings moved along ``paths`` (waypoints per ring, smaller first) at once, or one after the other."""
        p = self.params
        tracks = [interpolate_points(path, p.move_frames) for path in paths]
        if sequential:
            tracks = [tracks[0] + tracks[0][-1:] * p.move_frames, tracks[1][:1] * p.move_frames + tracks[1]]
        length = max(len(t) for t in tracks)
        for k in range(length):
            yield stage.frame([(sprites[index], tracks[index][min(k, len(tracks[index]) - 1)]) for index in (1, 0)])

    def _stage(self) -> Stage:
        return Stage(np.asarray(new_canvas(BACKGROUNDS[self.params.background]), dtype=np.uint8).copy())

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct solutions: the rings moved one after the other, and along a slight bend."""
        s = Solution.model_validate(sample.solution)
        stage, sprites = self._stage(), self._sprites(s)

        def bent(start: Point) -> list[Point]:
            mid = ((start[0] + CENTER[0]) / 2, (start[1] + CENTER[1]) / 2)
            dx, dy = CENTER[0] - start[0], CENTER[1] - start[1]
            return [start, (mid[0] - 0.1 * dy, mid[1] + 0.1 * dx), CENTER]

        return {"one_after_the_other": lambda: self._frames(stage, sprites, [[q, CENTER] for q in s.starts],
                                                            sequential=True),
                "slight_bend": lambda: self._frames(stage, sprites, [bent(q) for q in s.starts])}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong ends reached the right way: only the larger ring moved, both rings meeting at the larger ring's
        start instead of the centre, and the smaller ring stopping 30 px short of the centre."""
        s = Solution.model_validate(sample.solution)
        stage, sprites = self._stage(), self._sprites(s)
        small, large = s.starts
        length = math.dist(small, CENTER)
        short = (CENTER[0] + 30 * (small[0] - CENTER[0]) / length, CENTER[1] + 30 * (small[1] - CENTER[1]) / length)
        return {"only_larger_moved": lambda: self._frames(stage, sprites, [[small, small], [large, CENTER]]),
                "met_off_centre": lambda: self._frames(stage, sprites, [[small, large], [large, large]]),
                "smaller_stops_short": lambda: self._frames(stage, sprites, [[small, short], [large, CENTER]])}
