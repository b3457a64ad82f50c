"""G-3 stable_sort: move a row of shapes into a new row sorted by a key, equal keys keeping their order.

Parameters → draw → solve → render → prompt:

- ``num_objects`` shapes, each its own colour, in a row near the top; the ``sort_key`` is either the
  shape kind (``num_groups`` kinds, in an order the prompt states) or the size (``num_groups`` clearly
  different size classes of one kind, smallest or largest first); with more shapes than key values,
  some key is always shared, so stability shows;
- the solver is a stable sort (Python's ``sorted``): shapes with equal keys keep their left-to-right order;
  a row that is already sorted is rejected;
- the video moves the shapes one after another in the sorted order — down to a free lane, along it,
  and down into their place in the new row — never letting two shapes overlap (else rejected).
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, Sprite, new_canvas, to_frame
from vbvr_core.draw.shapes import SHAPE_REACH
from vbvr_core.families.arrangement.draw import Mover, plan_moves, render_moves, row_places, row_slots
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g3_stable_sort.plugin import TASK

# Gray and brown are left out: blends of a black outline with a light background or with orange pass for them.
OBJECT_COLORS = ("red", "green", "blue", "yellow", "orange", "purple", "cyan", "pink")
KINDS = ("circle", "square", "triangle", "star", "hexagon")
SIZE_KINDS = ("circle", "square", "triangle", "hexagon")  # never the thin-armed star for sizes
SIZE_CLASSES = {2: (18, 31), 3: (16, 24, 34)}  # neighbouring classes differ by ≥ 40 %
SIZE_NAMES = {2: ("small", "large"), 3: ("small", "medium", "large")}
ROW_WIDTH = 496


class Params(TaskParams):
    """G-3's parameter space: the row grows and gets more key values with the difficulty stratum."""

    num_objects: Annotated[int, Strata((5, 6), (6, 7), (7, 8))] = Field(
        6, ge=4, le=8, description="number of shapes in the row")
    num_groups: Annotated[int, Strata((2, 2), (2, 3), (3, 3))] = Field(
        2, ge=2, le=3, description="number of distinct key values (shape kinds or size classes)")
    sort_key: Annotated[Literal["shape", "size"], Uniform()] = Field("shape", description="what the row is sorted by")
    descending: Annotated[bool, Uniform()] = Field(
        False, description="for the size key: largest first instead of smallest first")
    top_y: Annotated[int, Uniform(120, 180)] = Field(
        150, ge=110, le=190, description="height of the starting row's centre line, pixels")
    bottom_y: Annotated[int, Uniform(340, 400)] = Field(
        370, ge=330, le=410, description="height of the sorted row's centre line, pixels")
    spacing: Annotated[int, Uniform(10, 20)] = Field(
        14, ge=8, le=24, description="gap between neighbouring shapes in a row, pixels")
    outline_width: Annotated[int, Uniform(1, 3)] = Field(2, ge=1, le=3, description="black outline width, pixels")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    frames_per_move: Annotated[int, Uniform(10, 13)] = Field(
        12, ge=9, le=16, description="video frames one shape takes to reach its place")
    stagger: Annotated[int, Uniform(5, 8)] = Field(
        6, ge=3, le=10, description="frames between the starts of consecutive moves")


class Solution(TaskSolution):
    """Each shape's colour, start and place in the sorted row, and the row's left-to-right order."""

    colors: list[tuple[int, int, int]]
    starts: list[Point]
    ends: list[Point]
    order: list[int]


def stable_order(keys: list[int]) -> list[int]:
    """Indices of ``keys`` sorted by key, equal keys in their original order (the stable sort)."""
    return sorted(range(len(keys)), key=lambda index: keys[index])


def unstable_order(keys: list[int]) -> list[int]:
    """The sorted order with the members of the largest key group in reverse: sorted by key, but not stable."""
    order = stable_order(keys)
    group = max(set(keys), key=keys.count)
    reversed_members = iter([k for k in order if keys[k] == group][::-1])
    return [next(reversed_members) if keys[k] == group else k for k in order]


class StableSortGenerator(BaseGenerator):
    """Draws a row of shapes with repeated keys and stable-sorts it into a new row below."""

    info = TASK.info
    Params = Params
    Solution = Solution

    def _objects(self) -> tuple[list[str], list[float], list[int], list[str]]:
        """Kinds, radii, sort keys (0 sorts first) and the key names in sort order."""
        p, rng = self.params, self.rng
        groups = [int(g) for g in rng.permutation(np.arange(p.num_objects) % p.num_groups)]
        if p.sort_key == "shape":
            names = [KINDS[int(k)] for k in rng.choice(len(KINDS), p.num_groups, replace=False)]
            radii = [float(rng.integers(18, 29)) for _ in groups]
            return [names[g] for g in groups], radii, groups, [f"{name}s" for name in names]
        kinds = [SIZE_KINDS[int(rng.integers(0, len(SIZE_KINDS)))]] * p.num_objects
        radii = [float(SIZE_CLASSES[p.num_groups][g]) for g in groups]
        keys = [p.num_groups - 1 - g if p.descending else g for g in groups]
        names = list(SIZE_NAMES[p.num_groups])
        return kinds, radii, keys, names[::-1] if p.descending else names

    def _prompt(self, key_names: list[str]) -> str:
        p = self.params
        if p.sort_key == "shape":
            rule = "by shape: " + ", then ".join(f"all {name}" for name in key_names)
        else:
            rule = "by size, from " + ("largest to smallest" if p.descending else "smallest to largest") + \
                f" ({', then '.join(key_names)})"
        return (
            f"A row of {p.num_objects} colored shapes is shown near the top. Move the shapes into a "
            f"new row below it, centered horizontally, sorted {rule}. This is a stable sort: shapes with the same "
            f"{'kind' if p.sort_key == 'shape' else 'size'} must keep the left-to-right order they have in the "
            "top row. Keep every shape's kind, size and color unchanged."
        )

    def _row(self, order: list[int], y: float, spacing: float) -> list[Point]:
        """Each shape's place when the shapes stand left to right in ``order`` on line ``y``, ``spacing`` apart."""
        return row_places(order, [2 * r for r in self.reach], y, spacing)

    def _moves(self, order: list[int], ends: list[Point]) -> tuple[list[Mover], list[list[Point]]]:
        """The movers in ``order`` (down to the lane, along it, down into ``ends``) and their collision-free
        positions per frame; ``Reject`` when no plan keeps the shapes apart."""
        p = self.params
        lane = (p.top_y + p.bottom_y) / 2
        movers = [Mover(self.sprites[k], (self.starts[k], (self.starts[k][0], lane), (ends[k][0], lane), ends[k]),
                        self.reach[k]) for k in order]
        plan = plan_moves(movers, p.frames_per_move, p.stagger)
        if plan is None:
            raise Reject("occlusion: the shapes would overlap while moving")
        return movers, plan[1]

    def _frames(self, order: list[int], ends: list[Point]) -> FrameSource:
        movers, positions = self._moves(order, ends)
        return lambda: render_moves(self.background, movers, positions)

    def generate(self) -> Sample:
        """Draw the row, stable-sort it, and move the shapes into the sorted row."""
        p = self.params
        kinds, radii, self.keys, key_names = self._objects()
        # Shrink every shape by one factor when the row would not fit (equal sizes stay equal).
        room = ROW_WIDTH - (p.num_objects - 1) * p.spacing - 2 * p.num_objects * p.outline_width
        scale = min(1.0, room / sum(2 * SHAPE_REACH * r for r in radii))
        radii = [round(r * scale, 1) for r in radii]
        names = [OBJECT_COLORS[int(k)] for k in self.rng.choice(len(OBJECT_COLORS), p.num_objects, replace=False)]
        colors = [PALETTE[name] for name in names]
        self.reach = [SHAPE_REACH * r + p.outline_width for r in radii]
        self.starts = row_slots([2 * r for r in self.reach], p.top_y, p.spacing)
        self.order = stable_order(self.keys)
        if self.order == sorted(self.order):
            raise Reject("trivial: the row is already sorted")
        ends = self._row(self.order, p.bottom_y, p.spacing)
        self.sprites = [Sprite.of_shape(k, r, c, outline_width=p.outline_width)
                        for k, r, c in zip(kinds, radii, colors, strict=True)]
        movers, positions = self._moves(self.order, ends)
        self.background = to_frame(new_canvas(BACKGROUNDS[p.background]))
        solution = Solution(colors=colors, starts=[(round(x, 2), round(y, 2)) for x, y in self.starts],
                            ends=[(round(x, 2), round(y, 2)) for x, y in ends], order=self.order)
        return Sample(
            first_frame=next(render_moves(self.background, movers, positions[:1])),
            final_frame=next(render_moves(self.background, movers, positions[-1:])),
            prompt=self._prompt(key_names),
            trajectory=lambda: render_moves(self.background, movers, positions),
            solution=solution,
            params=p,
        )

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The stable order in a row 24 px lower with wider gaps (up to twice): the prompt fixes neither."""
        p = self.params
        room = ROW_WIDTH - 2 * sum(self.reach)
        spacing = min(2 * p.spacing, room / (p.num_objects - 1))
        return {"lower_wider_row": self._frames(self.order, self._row(self.order, p.bottom_y + 24, spacing))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Sorted by key but not stable (the largest group of equal keys reversed), moved the same way."""
        unstable = unstable_order(self.keys)
        return {"equal_keys_swapped": self._frames(unstable, self._row(unstable, self.params.bottom_y,
                                                                        self.params.spacing))}
