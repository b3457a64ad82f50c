"""G-138 spot_unique_non_repeated_color: ring the one shape whose colour no other shape shares.

Parameters → draw → solve → render → prompt:

- ``num_repeated`` colours each worn by two or more shapes (``copies`` at most), and one more colour worn
  by exactly one shape; ``num_shapes`` shapes in all (circles and regular polygons, kinds drawn
  independently of the colours so the kind is no clue);
- shapes are scattered so that a ring around any one of them touches no other; crowded layouts are rejected;
- the solver counts the shapes of each drawn colour and takes the shape whose colour occurs once (an
  instance with no such colour or with two is rejected); the video draws a black ring around it (the official
  convention), stroke by
  stroke.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal

from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, color_distance
from vbvr_core.families.marking.draw import MARK_BLACK, MARK_RED, shapes_image
from vbvr_core.families.marking.task import RingMarkGenerator, shape_reach, varied_shapes
from vbvr_core.pipeline.generator import Reject

from vbvr_g138_spot_unique_non_repeated_color.plugin import TASK

# Fill colours far from the black of the mark and from the red a model may draw instead (no red, orange, pink
# or black), each distinct from the others.
COLORS: tuple[str, ...] = ("green", "blue", "yellow", "purple", "cyan", "brown", "gray")
RING_PADDING = 7
GAP = 6


class Params(TaskParams):
    """G-138's parameter space: more shapes and more colours as the difficulty grows."""

    num_repeated: Annotated[int, Strata((2, 2), (2, 3), (3, 5))] = Field(
        2, ge=1, le=6, description="how many colours occur more than once")
    copies: Annotated[int, Strata((2, 3), (2, 3), (2, 4))] = Field(
        3, ge=2, le=4, description="most shapes a repeated colour may have (each has at least two)")
    mixed_kinds: Annotated[bool, Strata(0.4, 0.7, 1.0)] = Field(
        True, description="shapes of different kinds instead of one kind")
    kind: Annotated[Literal["circle", "square", "triangle", "diamond", "pentagon", "hexagon"], Uniform()] = Field(
        "circle", description="the shape kind when the kinds are not mixed")
    radius: Annotated[int, Strata((28, 34), (24, 30), (20, 26))] = Field(
        28, ge=16, le=40, description="nominal radius of every shape, pixels")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(5, 6)] = Field(5, ge=4, le=8, description="stroke width of the black ring, pixels")
    mark_frames: Annotated[int, Uniform(10, 14)] = Field(
        12, ge=8, le=30, description="video frames over which the ring is drawn")

    @model_validator(mode="after")
    def _enough_colours(self) -> Params:
        if self.num_repeated + 1 > len(COLORS):
            raise ValueError(f"{self.num_repeated} repeated colours and a unique one need more than {len(COLORS)}")
        return self


class Solution(TaskSolution):
    """The shapes (kind, centre, nominal radius, rotation, colour name), the ring radius around each, the target."""

    kinds: list[str]
    centers: list[Point]
    radii: list[float]
    rotations: list[float]
    colors: list[str]
    ring_radii: list[float]
    target: int


def unique_colour_shape(colors: list[str]) -> int:
    """The index of the one shape whose colour no other shape has; ``Reject`` unless exactly one colour is unique."""
    counts = Counter(colors)
    single = [name for name, count in counts.items() if count == 1]
    if len(single) != 1:
        raise Reject(f"ambiguous: {len(single)} colours occur once ({single})")
    return colors.index(single[0])


class UniqueColorGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters shapes whose colours all repeat but one, and rings the shape of the unrepeated colour in black."""

    mark_color = MARK_BLACK

    def generate(self) -> Sample:
        """Draw the colours, kinds and layout, paint the shapes, and ring the one of the unique colour."""
        p, rng = self.params, self.rng
        names = [COLORS[int(i)] for i in rng.choice(len(COLORS), size=p.num_repeated + 1, replace=False)]
        colors = [names[0]]
        for name in names[1:]:
            colors += [name] * int(rng.integers(2, p.copies + 1))
        colors = [colors[int(k)] for k in rng.permutation(len(colors))]
        count = len(colors)
        kinds, radii, rotations = varied_shapes(rng, count, p.mixed_kinds, p.kind, p.radius)
        ring_radii = [round(shape_reach(kind, r) + RING_PADDING, 1) for kind, r in zip(kinds, radii, strict=True)]
        centers = self.rings_apart(ring_radii, GAP, 6)
        target = unique_colour_shape(colors)
        first = shapes_image(BACKGROUNDS[p.background], kinds, centers, radii, rotations, [PALETTE[c] for c in colors])
        prompt = (
            "Several coloured shapes are shown. Every colour appears on two or more shapes except one colour, which "
            "appears on exactly one shape. Find that shape with the unique, non-repeated colour and mark it by "
            "drawing a black circle around it. Mark only that shape and do not change anything else in the image."
        )
        solution = Solution(kinds=kinds, centers=centers, radii=radii, rotations=rotations, colors=colors,
                            ring_radii=ring_radii, target=target)
        return self.ringed_sample(first, prompt, solution)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The right shape ringed in red, the mark colour of this toolkit's other marking tasks."""
        solution = Solution.model_validate(sample.solution)
        return {"red_ring": lambda: self.ring_frames(sample.first_frame, solution.target, solution, MARK_RED)}

    def decoys(self, solution: Solution) -> dict[str, int]:
        """A shape of a repeated colour: the one whose colour is nearest the unique colour."""
        unique = PALETTE[solution.colors[solution.target]]
        others = [k for k in range(len(solution.colors)) if k != solution.target]
        return {"nearest_repeated_colour_ringed": min(
            others, key=lambda k: color_distance(PALETTE[solution.colors[k]], unique))}
