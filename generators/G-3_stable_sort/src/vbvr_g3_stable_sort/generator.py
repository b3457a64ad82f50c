"""G-3 stable_sort: move a row of shapes into a new row sorted by a key, equal keys keeping their order.

Parameters → draw → solve → render → prompt:

- ``num_objects`` shapes, each its own colour, in a row near the top; the ``sort_key`` is either the
  shape kind (``num_groups`` kinds, in an order the prompt states) or the size (``num_groups`` clearly
  different size classes of one kind, smallest or largest first);
- the solver is a stable sort (Python's ``sorted``): shapes with equal keys keep their left-to-right order;
- the video moves the shapes one after another in the sorted order — down to a free lane, along it,
  and down into their place in the new row — never letting two shapes overlap.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, Literal

import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import PALETTE, Sprite, new_canvas, to_frame
from vbvr_core.draw.shapes import SHAPE_REACH
from vbvr_core.families.arrangement.draw import Mover, plan_moves, render_moves, row_slots
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_g3_stable_sort.plugin import INFO

BACKGROUNDS = [(255, 255, 255), (246, 246, 246), (250, 248, 240), (238, 242, 248)]
# Gray and brown are left out: blends of a black outline with a light background or with orange pass for them.
OBJECT_COLORS = ("red", "green", "blue", "yellow", "orange", "purple", "cyan", "pink")
KINDS = ("circle", "square", "triangle", "star", "hexagon")
SIZE_KINDS = ("circle", "square", "triangle", "hexagon")
PLURALS = {"circle": "circles", "square": "squares", "triangle": "triangles", "star": "stars", "hexagon": "hexagons"}
SIZE_CLASSES = {2: (18, 31), 3: (16, 24, 34)}
SIZE_NAMES = {2: ("small", "large"), 3: ("small", "medium", "large")}
# How far a shape of nominal radius r reaches (stars and squares stick out the most), plus the outline.
REACH = SHAPE_REACH
ROW_WIDTH = 496
# Difficulty strata: (object count range, group count range).
STRATA = {0: ((5, 6), (2, 2)), 1: ((6, 7), (2, 3)), 2: ((7, 8), (3, 3))}


class Params(TaskParams):
    """G-3's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    num_objects: int = Field(6, ge=4, le=8, description="number of shapes in the row")
    num_groups: int = Field(2, ge=2, le=3, description="number of distinct key values (shape kinds or size classes)")
    sort_key: Literal["shape", "size"] = Field("shape", description="what the row is sorted by")
    descending: bool = Field(False, description="for the size key: largest first instead of smallest first")
    top_y: int = Field(150, ge=110, le=190, description="height of the starting row's centre line, pixels")
    bottom_y: int = Field(370, ge=330, le=410, description="height of the sorted row's centre line, pixels")
    spacing: int = Field(14, ge=8, le=24, description="gap between neighbouring shapes in a row, pixels")
    outline_width: int = Field(2, ge=1, le=3, description="black outline width, pixels")
    background: int = Field(0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    frames_per_move: int = Field(12, ge=9, le=16, description="video frames one shape takes to reach its place")
    stagger: int = Field(6, ge=3, le=10, description="frames between the starts of consecutive moves")


def stable_order(keys: list[int]) -> list[int]:
    """Indices of ``keys`` sorted by key, equal keys in their original order (the stable sort)."""
    return sorted(range(len(keys)), key=lambda index: keys[index])


class StableSortGenerator(BaseGenerator):
    """Draws a row of shapes with repeated keys and stable-sorts it into a new row below."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Row length and group count from the stratum; key, layout, style and pace uniformly."""
        (count_lo, count_hi), (group_lo, group_hi) = STRATA[difficulty]
        return {
            "num_objects": int(rng.integers(count_lo, count_hi + 1)),
            "num_groups": int(rng.integers(group_lo, group_hi + 1)),
            "sort_key": ["shape", "size"][int(rng.integers(0, 2))],
            "descending": bool(rng.random() < 0.5),
            "top_y": int(rng.integers(120, 181)),
            "bottom_y": int(rng.integers(340, 401)),
            "spacing": int(rng.integers(10, 21)),
            "outline_width": int(rng.integers(1, 4)),
            "background": int(rng.integers(0, len(BACKGROUNDS))),
            "frames_per_move": int(rng.integers(10, 14)),
            "stagger": int(rng.integers(5, 9)),
        }

    def _objects(self) -> tuple[list[str], list[float], list[int], list[str]]:
        """Kinds, radii, sort keys (0 sorts first) and the key names in sort order."""
        p, rng = self.params, self.rng
        groups = [int(g) for g in rng.permutation(np.arange(p.num_objects) % p.num_groups)]
        if p.sort_key == "shape":
            names = [KINDS[int(k)] for k in rng.choice(len(KINDS), p.num_groups, replace=False)]
            kinds = [names[g] for g in groups]
            radii = [float(rng.integers(18, 29)) for _ in groups]
            return kinds, radii, groups, [PLURALS[name] for name in names]
        classes = SIZE_CLASSES[p.num_groups]
        # One kind for the whole row (sizes of different kinds are hard to compare by eye), never the
        # thin-armed star.
        kinds = [SIZE_KINDS[int(rng.integers(0, len(SIZE_KINDS)))]] * p.num_objects
        radii = [float(classes[g]) for g in groups]
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

    def generate(self) -> Sample:
        """Draw the row, stable-sort it, and move the shapes into the sorted row."""
        p = self.params
        kinds, radii, keys, key_names = self._objects()
        # Shrink every shape by one factor when the row would not fit (equal sizes stay equal).
        room = ROW_WIDTH - (p.num_objects - 1) * p.spacing - 2 * p.num_objects * p.outline_width
        scale = min(1.0, room / sum(2 * REACH * r for r in radii))
        radii = [round(r * scale, 1) for r in radii]
        names = [OBJECT_COLORS[int(k)] for k in self.rng.choice(len(OBJECT_COLORS), p.num_objects, replace=False)]
        colors = [PALETTE[name] for name in names]
        reach = [REACH * r + p.outline_width for r in radii]
        starts = row_slots([2 * r for r in reach], p.top_y, p.spacing)
        order = stable_order(keys)
        ends: list[tuple[float, float]] = [(0.0, 0.0)] * p.num_objects
        for index, slot in zip(order, row_slots([2 * reach[k] for k in order], p.bottom_y, p.spacing), strict=True):
            ends[index] = slot
        lane = (p.top_y + p.bottom_y) / 2
        sprites = [Sprite.of_shape(k, r, c, outline_width=p.outline_width) for k, r, c in zip(kinds, radii, colors, strict=True)]
        movers = [Mover(sprites[k], (starts[k], (starts[k][0], lane), (ends[k][0], lane), ends[k]), reach[k])
                  for k in order]
        plan = plan_moves(movers, p.frames_per_move, p.stagger)
        positions = plan[1] if plan else [[m.waypoints[0] for m in movers], [m.waypoints[-1] for m in movers]]
        background = to_frame(new_canvas(BACKGROUNDS[p.background]))
        first = next(render_moves(background, movers, positions[:1]))
        final = next(render_moves(background, movers, positions[-1:]))
        solution = {
            "sort_key": p.sort_key,
            "kinds": kinds,
            "radii": radii,
            "keys": keys,
            "key_names": key_names,
            "colors": [list(c) for c in colors],
            "color_names": names,
            "starts": [[round(x, 2), round(y, 2)] for x, y in starts],
            "ends": [[round(x, 2), round(y, 2)] for x, y in ends],
            "order": order,
            "collision_free": plan is not None,
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=self._prompt(key_names),
            trajectory=lambda: render_moves(background, movers, positions),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject rows already sorted, rows where stability cannot show, overlaps and rows off the canvas."""
        problems = super().validate(sample)
        solution = sample.solution
        keys, order = solution["keys"], solution["order"]
        if order == sorted(order):
            problems.append("trivial: the row is already sorted")
        if max(keys.count(k) for k in set(keys)) < 2:
            problems.append("stability cannot show: no two shapes share a key")
        if len(set(keys)) < 2:
            problems.append("trivial: every shape has the same key")
        if not solution["collision_free"]:
            problems.append("occlusion: the shapes would overlap while moving")
        reach = [REACH * r for r in solution["radii"]]
        for row in ("starts", "ends"):
            left = min(x - r for (x, _), r in zip(solution[row], reach, strict=True))
            right = max(x + r for (x, _), r in zip(solution[row], reach, strict=True))
            if left < 6 or right > 506:
                problems.append(f"the {row[:-1]} row spans x {left:.0f}..{right:.0f}, off the canvas")
        if solution["sort_key"] == "size":
            sizes = sorted(set(solution["radii"]))
            if any(b / a < 1.3 for a, b in pairwise(sizes)):
                problems.append("ambiguous: two size classes are too close to tell apart")
        return problems
