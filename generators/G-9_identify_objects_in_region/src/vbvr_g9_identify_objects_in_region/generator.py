"""G-9 identify_objects_in_region: box in green every shape of one kind that lies inside one region.

Parameters → draw → solve → render → prompt:

- grey lines split the canvas into regions (``regions``: two halves, left/right or top/bottom, or four quarters);
  the prompt names one region and one shape kind (circle, square, triangle, …);
- ``num_objects`` filled shapes of several kinds and colours are scattered, each wholly inside one region and
  ``MARGIN`` px clear of every dividing line; ``num_targets`` of them are of the asked kind in the asked region,
  and (from the medium stratum) there are always shapes of the asked kind elsewhere and other kinds in the asked
  region, so neither the kind nor the region alone gives the answer;
- shapes are placed so that the green box around any one of them stays clear of every other shape's box;
- the solver tests each shape's kind and the region its centre lies in and keeps those matching both; the video
  draws a green square border around each of them in turn, side by side (the official evaluator looks for green
  borders at the ground truth's places).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import partial
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_shape, new_canvas, to_frame
from vbvr_core.draw.shapes import SHAPE_REACH
from vbvr_core.families.geometry_marks.draw import dots_in_turn, in_turn
from vbvr_core.families.marking.draw import outline_sweep
from vbvr_core.families.marking.task import shuffle_together
from vbvr_core.families.outline.draw import square_polygon
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g9_identify_objects_in_region.plugin import TASK

MARK_GREEN = (0, 190, 0)  # a pure green: after 4:2:0 chroma subsampling a thin border keeps its hue
# Shape colours: never green (the mark is green); each reads on every background.
COLORS = ("red", "blue", "orange", "purple", "brown", "black", "cyan")
KIND_SETS = {"few": ("circle", "square", "triangle"),
             "more": ("circle", "square", "triangle", "star", "hexagon"),
             "all": ("circle", "square", "triangle", "star", "hexagon", "pentagon")}
KIND_NAMES = {"circle": "circles", "square": "squares", "triangle": "triangles", "star": "stars",
              "hexagon": "hexagons", "pentagon": "pentagons"}
LINE_COLOR = (128, 128, 128)
LINE_WIDTH = 3
MARGIN = 10  # px between a shape's box and a dividing line or the canvas edge
BOX_PAD = 7  # px between a shape's farthest point and its green border
MARK_WIDTH = 5
GAP = 6
HOLD_ENDS = 8
REGION_NAMES = {"halves_lr": ("left half", "right half"), "halves_tb": ("top half", "bottom half"),
                "quarters": ("top-left quarter", "top-right quarter", "bottom-left quarter", "bottom-right quarter")}


class Params(TaskParams):
    """G-9's parameter space: more shapes and kinds, four regions, smaller shapes as the difficulty grows."""

    regions: Annotated[Literal["halves", "quarters"], Strata(("halves",), ("halves", "quarters"), ("quarters",))] = Field(
        "quarters", description="how the canvas is split: two halves (left/right or top/bottom) or four quarters")
    kinds: Annotated[Literal["few", "more", "all"], Strata(("few",), ("more",), ("more", "all"))] = Field(
        "more", description="which shape kinds appear: 3, 5 or 6 kinds")
    num_objects: Annotated[int, Strata((6, 8), (8, 10), (9, 12))] = Field(
        9, ge=4, le=14, description="how many shapes are shown")
    num_targets: Annotated[int, Strata((1, 2), (1, 3), (2, 3))] = Field(
        2, ge=1, le=4, description="how many of them are of the asked kind in the asked region")
    radius: Annotated[int, Strata((18, 21), (16, 19), (14, 17))] = Field(
        18, ge=12, le=24, description="nominal radius of every shape, px")
    background: BackgroundIndex = 0
    mark_frames: Annotated[int, Uniform(6, 8)] = Field(
        7, ge=4, le=20, description="video frames over which one green border is drawn")

    @model_validator(mode="after")
    def _room_for_distractors(self) -> Params:
        if self.num_targets > self.num_objects - 3:
            raise ValueError(f"{self.num_targets} targets of {self.num_objects} shapes: at least three must be "
                             "distractors")
        return self


class Solution(TaskSolution):
    """The split, the asked region and kind, every shape (centre, kind, region) and the boxed ones in order."""

    split: Literal["halves_lr", "halves_tb", "quarters"]
    region: int
    kind: str
    centers: list[Point]
    kinds: list[str]
    regions: list[int]
    box_half: float
    targets: list[int]


def region_boxes(split: str) -> list[tuple[float, float, float, float]]:
    """The regions (left, top, right, bottom) of a split, in the order REGION_NAMES names them."""
    if split == "halves_lr":
        return [(0, 0, 256, 512), (256, 0, 512, 512)]
    if split == "halves_tb":
        return [(0, 0, 512, 256), (0, 256, 512, 512)]
    return [(0, 0, 256, 256), (256, 0, 512, 256), (0, 256, 256, 512), (256, 256, 512, 512)]


def region_of(split: str, point: Point) -> int:
    """The region a point lies in."""
    x, y = point
    if split == "halves_lr":
        return int(x >= 256)
    if split == "halves_tb":
        return int(y >= 256)
    return int(x >= 256) + 2 * int(y >= 256)


def matching(kinds: list[str], regions: list[int], kind: str, region: int) -> list[int]:
    """The shapes of ``kind`` in ``region``."""
    return [k for k, (a, r) in enumerate(zip(kinds, regions, strict=True)) if a == kind and r == region]


class RegionObjectsGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Splits the canvas into regions, scatters shapes, and boxes in green those of the asked kind and region."""

    def _plan(self, split: str, kinds_pool: tuple[str, ...]) -> tuple[int, str, list[tuple[str, int]]]:
        """The asked region and kind, and each shape's (kind, region): targets, then the distractors that make
        neither the kind nor the region alone enough, then the rest at random."""
        p, rng = self.params, self.rng
        count = len(region_boxes(split))
        region = int(rng.integers(0, count))
        kind = str(rng.choice(kinds_pool))
        others = [k for k in kinds_pool if k != kind]
        elsewhere = [r for r in range(count) if r != region]
        plan = [(kind, region)] * p.num_targets
        plan.append((kind, int(rng.choice(elsewhere))))  # the asked kind elsewhere
        plan.append((str(rng.choice(others)), region))  # another kind in the asked region
        while len(plan) < p.num_objects:
            r = int(rng.integers(0, count))
            a = str(rng.choice(others)) if r == region else str(rng.choice(kinds_pool))
            plan.append((a, r))
        return region, kind, plan

    def generate(self) -> Sample:
        """Split the canvas, plan and place the shapes, find the matching ones, and box them in green."""
        p, rng = self.params, self.rng
        split = p.regions if p.regions == "quarters" else ("halves_lr" if rng.random() < 0.5 else "halves_tb")
        region, kind, plan = self._plan(split, KIND_SETS[p.kinds])
        box_half = round(p.radius * SHAPE_REACH + BOX_PAD, 1)
        reach = box_half + MARK_WIDTH
        boxes = region_boxes(split)
        centers: list[Point] = []
        for _, r in plan:
            left, top, right, bottom = boxes[r]
            for _ in range(80):  # the box stays inside its region; boxes keep GAP apart on one axis at least
                x = float(rng.uniform(left + MARGIN + reach, right - MARGIN - reach))
                y = float(rng.uniform(top + MARGIN + reach, bottom - MARGIN - reach))
                if all(max(abs(x - cx), abs(y - cy)) >= 2 * reach + GAP for cx, cy in centers):
                    centers.append((round(x, 1), round(y, 1)))
                    break
            else:
                raise Reject("cluttered: the shapes do not fit with their boxes apart")
        centers, plan = shuffle_together(rng, centers, plan)
        kinds = [a for a, _ in plan]
        regions = [region_of(split, c) for c in centers]
        if regions != [r for _, r in plan]:
            raise Reject("ambiguous: a shape does not lie in the region it was placed in")
        targets = sorted(matching(kinds, regions, kind, region), key=lambda k: (centers[k][1], centers[k][0]))
        if len(targets) != p.num_targets:
            raise Reject(f"{len(targets)} shapes match, asked {p.num_targets}")
        colors = [PALETTE[COLORS[int(rng.integers(0, len(COLORS)))]] for _ in centers]
        turns = [math.radians(float(rng.uniform(-12, 12))) if a in ("square", "pentagon", "hexagon") else 0.0
                 for a in kinds]  # a slight turn; never enough for a square to read as a diamond

        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        if split in ("halves_lr", "quarters"):
            draw.line([(256, 0), (256, 511)], fill=LINE_COLOR, width=LINE_WIDTH)
        if split in ("halves_tb", "quarters"):
            draw.line([(0, 256), (511, 256)], fill=LINE_COLOR, width=LINE_WIDTH)
        for center, a, color, turn in zip(centers, kinds, colors, turns, strict=True):
            draw_shape(draw, a, center, p.radius, fill=color, rotation=turn)
        first = to_frame(canvas)
        solution = Solution(split=split, region=region, kind=kind, centers=centers, kinds=kinds, regions=regions,
                            box_half=box_half, targets=targets)
        frames = list(self._box_frames(first, solution, targets))
        final = frames[-1]
        name = REGION_NAMES[split][region]
        lines = "a grey line into two halves" if split != "quarters" else "grey lines into four quarters"
        prompt = (f"The image is divided by {lines}, with coloured shapes in each part. Find every one of the "
                  f"{KIND_NAMES[kind]} in the {name} and mark each of them by drawing a green square border around "
                  f"it. Do not mark {KIND_NAMES[kind]} in other parts or other shapes, and do not change anything "
                  "else in the image.")
        return Sample(first_frame=first, final_frame=final, prompt=prompt, trajectory=lambda: iter(frames),
                      solution=solution, params=p, hold_frames=HOLD_ENDS)

    def _box_frames(self, first: np.ndarray, solution: Solution, indices: list[int]) -> Iterator[np.ndarray]:
        """The scene, then a green square border drawn around each shape of ``indices`` in turn, side by side."""
        border = partial(outline_sweep, frames=self.params.mark_frames, color=MARK_GREEN, width=MARK_WIDTH)
        return in_turn(first, [partial(border, points=square_polygon(solution.centers[k], solution.box_half))
                               for k in indices])

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct style: each matching shape covered by a green disc grown over it."""
        s = Solution.model_validate(sample.solution)
        return {"green_discs": lambda: dots_in_turn(sample.first_frame, [s.centers[k] for k in s.targets],
                                                    s.box_half - 4, self.params.mark_frames, color=MARK_GREEN)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong sets boxed like the right one: the asked kind in another region boxed too, another kind in the
        asked region boxed too, and one matching shape left out (with two or more)."""
        s = Solution.model_validate(sample.solution)
        first = sample.first_frame
        elsewhere = next(k for k in range(len(s.kinds)) if s.kinds[k] == s.kind and s.regions[k] != s.region)
        other = next(k for k in range(len(s.kinds)) if s.kinds[k] != s.kind and s.regions[k] == s.region)
        misses: dict[str, FrameSource] = {
            "same_kind_other_region_too": lambda: self._box_frames(first, s, [*s.targets, elsewhere]),
            "other_kind_same_region_too": lambda: self._box_frames(first, s, [*s.targets, other]),
        }
        if len(s.targets) >= 2:
            misses["one_target_missed"] = lambda: self._box_frames(first, s, s.targets[:-1])
        return misses
