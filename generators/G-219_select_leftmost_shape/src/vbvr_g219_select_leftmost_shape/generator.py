"""G-219 select_leftmost_shape: ring the shape that lies farthest to the left.

Parameters → draw → solve → render → prompt:

- ``num_shapes`` shapes of one form (``kind``, one orientation), each in its own colour, nominal radii spread
  by up to ``size_spread`` so that the biggest is not always the easiest to see;
- the leftmost shape is placed first; the runner-up is placed so that it trails the leftmost by ``margin`` px
  (both its left edge and its centre), every other shape trails by at least as much; shapes are scattered
  so that a ring around any one of them touches no other; crowded layouts are rejected;
- the solver measures every drawn outline's left edge and centre and takes the shape that leads on both by at
  least :data:`MIN_LEAD` px (else the instance is rejected as ambiguous); the video draws a red ring around
  it, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex
from vbvr_core.families.marking.draw import shapes_image
from vbvr_core.families.marking.task import RingMarkGenerator, shape_outline, shuffle_together
from vbvr_core.pipeline.generator import Reject

from vbvr_g219_select_leftmost_shape.plugin import TASK

Kind = Literal["circle", "square", "triangle", "diamond", "pentagon", "hexagon", "star"]
KINDS: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon", "star")
# Fill colours far from the red of the mark (no red, orange or pink), all darker than grey 200 (the official
# evaluator finds shapes as pixels darker than that, so no yellow).
FILL_COLORS = ("green", "blue", "purple", "cyan", "brown", "gray", "black")
RING_PADDING = 8
GAP = 6
EDGE = 8
# The leftmost shape must lead every other on its left edge and on its centre by this much (px) at least.
MIN_LEAD = 8.0


class Params(TaskParams):
    """G-219's parameter space: more shapes, a smaller lead and more varied sizes as the difficulty grows."""

    num_shapes: Annotated[int, Strata((3, 4), (4, 5), (5, 7))] = Field(
        4, ge=2, le=7, description="how many shapes are shown")
    margin: Annotated[float, Strata((70, 120), (30, 70), (12, 30), digits=1)] = Field(
        50.0, ge=MIN_LEAD, le=160, description="lead (px) of the leftmost shape over the runner-up, edge and centre")
    size_spread: Annotated[float, Strata((1.0, 1.15), (1.0, 1.4), (1.2, 1.7), digits=2)] = Field(
        1.2, ge=1.0, le=2.0, description="largest over smallest nominal radius among the shapes")
    kind: Annotated[Kind, Uniform()] = Field("circle", description="the form every shape shares")
    radius: Annotated[float, Uniform(24, 36, digits=1)] = Field(
        30.0, ge=16, le=44, description="nominal radius (px) of the largest shape")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The shapes (centre, nominal radius, left edge), their form and rotation, the rings, and the target."""

    kind: str
    rotation: float
    centers: list[Point]
    radii: list[float]
    lefts: list[float]
    ring_radii: list[float]
    target: int


def extent(kind: str, radius: float, rotation: float) -> tuple[float, float]:
    """How far a shape reaches from its centre: (to its left edge, in any direction), px."""
    points = shape_outline(kind, (0.0, 0.0), radius, rotation)
    return -min(x for x, _ in points), max(math.hypot(x, y) for x, y in points)


def leftmost(lefts: list[float], centers: list[Point], least_lead: float = MIN_LEAD) -> int:
    """The shape whose left edge and centre both lead every other by ``least_lead`` px; ``Reject`` otherwise."""
    first = min(range(len(lefts)), key=lambda k: lefts[k])
    others = [k for k in range(len(lefts)) if k != first]
    edge_lead = min(lefts[k] for k in others) - lefts[first]
    centre_lead = min(centers[k][0] for k in others) - centers[first][0]
    if min(edge_lead, centre_lead) < least_lead:
        raise Reject(f"ambiguous: the leftmost shape leads by {edge_lead:.0f} px (edge) and {centre_lead:.0f} px "
                     f"(centre), less than {least_lead:.0f}")
    return first


class SelectLeftmostShapeGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters shapes of one form in several colours and rings the one farthest to the left."""

    def _place(self, radii: list[float], lefts: list[float], rings: list[float]) -> list[Point] | None:
        """Centres: shape 0 leads, shape 1 trails it by ``margin``, the rest trail at least as much; rings apart."""
        p, rng = self.params, self.rng
        placed: list[tuple[float, float, float]] = []
        for k, (left, ring) in enumerate(zip(lefts, rings, strict=True)):
            disc = ring + p.ring_width
            if k == 0:
                low, high = EDGE + disc, 0.45 * 512
            else:
                x0, left0 = placed[0][0], placed[0][0] - lefts[0]
                low = max(x0 + p.margin, left0 + p.margin + left, EDGE + disc)
                high = low + 0.2 * p.margin if k == 1 else 512 - EDGE - disc
            if high < low:
                return None
            for _ in range(200):
                x = float(rng.uniform(low, high))
                y = float(rng.uniform(EDGE + disc, 512 - EDGE - disc))
                if all(math.hypot(x - u, y - v) >= disc + d + GAP for u, v, d in placed):
                    placed.append((x, y, disc))
                    break
            else:
                return None
        return [(round(x, 2), round(y, 2)) for x, y, _ in placed]

    def generate(self) -> Sample:
        """Draw the sizes and layout, paint the shapes, and ring the leftmost."""
        p, rng = self.params, self.rng
        count = p.num_shapes
        rotation = round(float(rng.uniform(0, 2 * math.pi)), 3) if p.kind != "circle" else 0.0
        radii = [round(p.radius / float(rng.uniform(1.0, p.size_spread)), 2) for _ in range(count)]
        radii[int(rng.integers(0, count))] = p.radius  # the largest has the drawn radius
        extents = [extent(p.kind, r, rotation) for r in radii]
        lefts_from_centre = [e[0] for e in extents]
        rings = [round(e[1] + RING_PADDING, 1) for e in extents]
        centers = next((c for c in (self._place(radii, lefts_from_centre, rings) for _ in range(6)) if c), None)
        if centers is None:
            raise Reject("cluttered: the shapes do not fit with their rings apart and the leftmost leading")
        colors = [PALETTE[FILL_COLORS[int(i)]] for i in rng.choice(len(FILL_COLORS), size=count, replace=False)]
        radii, rings, centers, colors = shuffle_together(rng, radii, rings, centers, colors)
        lefts = [round(min(x for x, _ in shape_outline(p.kind, c, r, rotation)), 2) for c, r in zip(centers, radii, strict=True)]
        target = leftmost(lefts, centers)

        first = shapes_image(BACKGROUNDS[p.background], [p.kind] * count, centers, radii, [rotation] * count, colors)
        prompt = (
            "Several shapes of the same form but in different colours are shown. Find the shape that lies farthest "
            "to the left and mark it by drawing a red circle around it. Mark only that shape and do not change "
            "anything else in the image."
        )
        solution = Solution(kind=p.kind, rotation=rotation, centers=centers, radii=radii, lefts=lefts,
                            ring_radii=rings, target=target)
        return self.ringed_sample(first, prompt, solution)

    def target_outline(self, solution: Solution) -> list[Point]:
        """The target's own outline, 3 px out, traced in red instead of a ring around it."""
        k = solution.target
        return shape_outline(solution.kind, solution.centers[k], solution.radii[k] + 3, solution.rotation)

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The runner-up (second from the left), and the rightmost shape."""
        order = sorted(range(len(solution.lefts)), key=lambda k: solution.lefts[k])
        return {"runner_up_ringed": order[1], "rightmost_ringed": order[-1]}
