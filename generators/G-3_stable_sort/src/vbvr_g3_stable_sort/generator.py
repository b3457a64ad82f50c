"""G-3 stable_sort: move a row of shapes into a new row grouped by kind, equal kinds keeping their order.

Parameters → draw → solve → render → prompt:

- ``num_objects`` shapes of ``num_groups`` kinds (circles, squares, triangles) in a row near the top; every
  shape of a kind has the kind's colour, and the shapes of one kind all differ in size (neighbouring sizes
  ≥ 15 % apart in radius), standing smallest to largest from left to right; the prompt states the order
  of the kinds;
- the solver is a stable sort by kind (Python's ``sorted``): shapes of the same kind keep their
  left-to-right order, so each kind's group in the new row again runs from smallest to largest; a row
  that is already sorted is rejected;
- the video moves the shapes one after another in the sorted order — down to a free lane, along it,
  and down into their place in the new row — never letting two shapes overlap (else rejected).
"""

from __future__ import annotations

from itertools import combinations
from typing import Annotated

import cv2
import numpy as np
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, BackgroundIndex, Sprite
from vbvr_core.families.arrangement.draw import (
    KIND_REACH,
    OBJECT_COLORS,
    Mover,
    RowSolution,
    rounded,
    row_places,
    row_slots,
)
from vbvr_core.families.arrangement.task import MovesGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g3_stable_sort.plugin import TASK

# The kinds, each with the smallest nominal radius it is drawn at: every shape's filled area stays ≥ ≈ 650
# px (triangles fill less of their radius than circles and squares do).
KINDS = {"circle": 16.5, "square": 17.5, "triangle": 21.5}
# Smallest gap (pixels) between any two drawn shapes in any frame.
MIN_GAP = 4
# Neighbouring sizes of one kind differ by this factor in radius (≈ 32 % in area).
SIZE_STEP = 1.15
ROW_WIDTH = 496


class Params(TaskParams):
    """G-3's parameter space: the row grows and gets more kinds with the difficulty stratum."""

    num_objects: Annotated[int, Strata((6, 6), (6, 7), (7, 8))] = Field(
        6, ge=6, le=8, description="number of shapes in the row")
    num_groups: Annotated[int, Strata((2, 2), (2, 3), (3, 3))] = Field(
        2, ge=2, le=3, description="number of shape kinds (each its own colour)")
    top_y: Annotated[int, Uniform(120, 180)] = Field(
        150, ge=110, le=190, description="height of the starting row's centre line, pixels")
    bottom_y: Annotated[int, Uniform(340, 400)] = Field(
        370, ge=330, le=410, description="height of the sorted row's centre line, pixels")
    spacing: Annotated[int, Uniform(8, 14)] = Field(
        12, ge=8, le=24, description="gap between neighbouring shapes in a row, pixels")
    outline_width: Annotated[int, Uniform(1, 2)] = Field(2, ge=1, le=2, description="black outline width, pixels")
    background: BackgroundIndex = 0
    frames_per_move: Annotated[int, Uniform(10, 13)] = Field(
        12, ge=9, le=16, description="video frames one shape takes to reach its place")
    stagger: Annotated[int, Uniform(5, 8)] = Field(
        6, ge=3, le=10, description="frames between the starts of consecutive moves")


class Solution(RowSolution):
    """The family's row solution (each shape's colour, one per kind, start and place in the sorted row, and the
    row's left-to-right order) and each shape's nominal radius."""

    radii: list[float]


def stable_order(keys: list[int]) -> list[int]:
    """Indices of ``keys`` sorted by key, equal keys in their original order (the stable sort)."""
    return sorted(range(len(keys)), key=lambda index: keys[index])


def unstable_order(keys: list[int]) -> list[int]:
    """The sorted order with the members of the largest key group in reverse: sorted by key, but not stable."""
    order = stable_order(keys)
    group = max(set(keys), key=keys.count)
    reversed_members = iter([k for k in order if keys[k] == group][::-1])
    return [next(reversed_members) if keys[k] == group else k for k in order]


def half_width(sprite: Sprite) -> float:
    """Half the width of what ``sprite`` draws (its opaque pixels), measured from the sprite's centre."""
    columns = np.nonzero(sprite.rgba[..., 3].any(axis=0))[0]
    middle = sprite.rgba.shape[1] / 2
    return float(max(middle - columns[0], columns[-1] + 1 - middle))


def pixels_clear(sprites: list[Sprite], positions: list[list[Point]], gap: int = MIN_GAP) -> bool:
    """True when, in every frame, the drawn pixels of any two sprites (pasted centred at ``positions``, one
    list per frame) stay at least ``gap`` pixels apart: the exact check behind the planner's round footprints."""
    masks = [(sprite.rgba[..., 3] > 0).astype(np.uint8) for sprite in sprites]
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * gap + 1, 2 * gap + 1))
    grown = [cv2.dilate(np.pad(mask, gap), kernel) for mask in masks]
    sizes = np.array([mask.shape[::-1] for mask in masks], dtype=np.float64)  # width, height
    points = np.asarray(positions, dtype=np.float64)  # frames × sprites × 2
    corners = np.round(points - sizes / 2).astype(int)  # top-left corner where paste puts each sprite
    for a, b in combinations(range(len(sprites)), 2):
        (ha, wa), (hb, wb) = grown[a].shape, masks[b].shape
        # b's top-left corner in a's grown mask, per frame: each offset where the two boxes meet is compared once.
        offsets = corners[:, b] - corners[:, a] + gap
        meet = (offsets > (-wb, -hb)).all(axis=1) & (offsets < (wa, ha)).all(axis=1)
        for dx, dy in {(int(x), int(y)) for x, y in offsets[meet]}:
            window = grown[a][max(0, dy) : dy + hb, max(0, dx) : dx + wb]
            if (window & masks[b][max(0, -dy) : ha - dy, max(0, -dx) : wa - dx]).any():
                return False
    return True


class StableSortGenerator(MovesGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a row of shapes of a few kinds and stable-sorts it by kind into a new row below."""

    def _objects(self) -> tuple[list[str], list[float], list[int], list[str], list[str]]:
        """Kinds, nominal radii, sort keys (0 sorts first), the kind names in sort order and their colours."""
        p, rng = self.params, self.rng
        keys = [int(g) for g in rng.permutation(np.arange(p.num_objects) % p.num_groups)]
        names = [list(KINDS)[int(k)] for k in rng.choice(len(KINDS), p.num_groups, replace=False)]
        colors = [OBJECT_COLORS[int(k)] for k in rng.choice(len(OBJECT_COLORS), p.num_groups, replace=False)]
        radii = [0.0] * p.num_objects
        for key, name in enumerate(names):
            members = [k for k in range(p.num_objects) if keys[k] == key]
            # Distinct sizes, one step of the ladder left out; smallest to largest from left to right.
            steps = sorted(int(s) for s in rng.choice(len(members) + 1, len(members), replace=False))
            for member, step in zip(members, steps, strict=True):
                radii[member] = round(KINDS[name] * SIZE_STEP ** step, 1)
        return [names[g] for g in keys], radii, keys, names, colors

    def _moves(self, order: list[int], ends: list[Point]) -> tuple[list[Mover], list[list[Point]]]:
        """The movers in ``order`` (down to the lane, along it, down into ``ends``) and their collision-free
        positions per frame; ``Reject`` when no plan keeps the shapes apart."""
        p = self.params
        lane = (p.top_y + p.bottom_y) / 2
        movers = [Mover(self.sprites[k], (self.starts[k], (self.starts[k][0], lane), (ends[k][0], lane), ends[k]),
                        self.reach[k]) for k in order]
        planned = self.planned(movers)
        if planned is None or not pixels_clear([mover.sprite for mover in movers], planned[1]):
            raise Reject("occlusion: the shapes would overlap while moving")
        return planned

    def _frames(self, order: list[int], y: float, spacing: float) -> FrameSource:
        """The shapes moved into the row of ``order`` on line ``y``, ``spacing`` apart."""
        return self.moved(*self._moves(order, row_places(order, self.widths, y, spacing)))

    def generate(self) -> Sample:
        """Draw the row, stable-sort it by kind, and move the shapes into the sorted row."""
        p = self.params
        kinds, radii, self.keys, kind_names, color_names = self._objects()
        colors = [PALETTE[color_names[key]] for key in self.keys]
        self.sprites = [Sprite.of_shape(k, r, c, outline_width=p.outline_width, reach=KIND_REACH[k])
                        for k, r, c in zip(kinds, radii, colors, strict=True)]
        # Rows are laid out by each shape's drawn width; the planner's footprint is a disc of half that width
        # (a triangle or square reaches further up or down), so every plan is also checked pixel by pixel.
        self.reach = [half_width(sprite) for sprite in self.sprites]
        self.widths = [2 * r for r in self.reach]
        if sum(self.widths) + (p.num_objects - 1) * p.spacing > ROW_WIDTH:
            raise Reject("too wide: the row does not fit on the canvas")
        self.starts = row_slots(self.widths, p.top_y, p.spacing)
        self.order = stable_order(self.keys)
        if self.order == sorted(self.order):
            raise Reject("trivial: the row is already sorted")
        ends = row_places(self.order, self.widths, p.bottom_y, p.spacing)
        movers, positions = self._moves(self.order, ends)
        solution = Solution(colors=colors, radii=radii, starts=rounded(self.starts), ends=rounded(ends),
                            order=self.order)
        rule = ", then ".join(f"all {name}s" for name in kind_names)
        prompt = (
            f"A row of {p.num_objects} colored shapes is shown near the top. Move the shapes into a "
            f"new row below it, centered horizontally, sorted by shape: {rule}. This is a stable sort: shapes "
            "of the same kind must keep the left-to-right order they have in the top row. Keep every shape's "
            "kind, size and color unchanged."
        )
        return self.moved_sample(movers, positions, prompt, solution)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The stable order in a row 24 px lower with wider gaps (up to twice): the prompt fixes neither."""
        p = self.params
        room = ROW_WIDTH - sum(self.widths)
        spacing = min(2 * p.spacing, room / (p.num_objects - 1))
        return {"lower_wider_row": self._frames(self.order, p.bottom_y + 24, spacing)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Sorted by kind but not stable (the largest group of one kind reversed: largest first), moved the same way."""
        return {"equal_keys_swapped": self._frames(unstable_order(self.keys), self.params.bottom_y, self.params.spacing)}
