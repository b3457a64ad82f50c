"""G-24 separate_objects_no_spin: slide each piece of a cluster straight right into its dashed outline, unturned.

Parameters → draw → solve → render → prompt:

- ``num_objects`` pieces of different kinds (circle, square, rectangle, triangle, pentagon, hexagon, trapezoid,
  parallelogram) and colours, of nominal size ``size`` (±15 % each), packed into a cluster on the left, each
  ``contact_gap`` px from a neighbour (:func:`vbvr_core.families.placement.draw.layout`);
- each piece's dashed outline stands on its own row on the right, upright like the piece; pieces whose rows
  overlap keep their left-to-right order, so no piece passes through another on the way;
- the video slides all pieces together, straight to the right, into their outlines over ``move_frames``
  frames; a cluster or row of outlines that does not fit is rejected and redrawn.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BackgroundIndex
from vbvr_core.families.placement.draw import KINDS, Piece, Pose, laid_out, piece_colors, solution_poses
from vbvr_core.families.placement.task import PlacementGenerator

from vbvr_g24_separate_objects_no_spin.plugin import TASK

CONTACT_GAP = 2.0


class Params(TaskParams):
    """G-24's parameter space: more, smaller pieces as the difficulty grows."""

    num_objects: Annotated[int, Strata((2, 3), (3, 4), (4, 5))] = Field(
        3, ge=2, le=5, description="number of pieces in the cluster")
    size: Annotated[int, Strata((32, 40), (28, 36), (22, 30))] = Field(
        30, ge=16, le=44, description="nominal half-width of a piece in pixels (each varies by ±15 %)")
    move_frames: Annotated[int, Uniform(16, 20)] = Field(18, ge=12, le=60, description="video frames of the slide")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """The pieces: kind, colour, outline, start and target centres (turn 0: they must not turn)."""

    pieces: list[Piece]


def prompt_for(count: int) -> str:
    """The official task's sentences, with "without rotating it" made explicit (the task's name says so)."""
    return (f"The scene shows {count} objects on the left side and dashed target outlines on the right side. "
            "The dashed target outlines remain completely stationary. Move each object horizontally to the right, "
            "without rotating it, so that it aligns exactly with and fits within its corresponding dashed target "
            "outline.")


class SeparateObjectsNoSpinGenerator(PlacementGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a cluster of pieces and their dashed outlines, and the straight slide of every piece into its outline."""

    def generate(self) -> Sample:
        """Pick kinds and colours, lay the cluster and the outlines out, slide every piece right."""
        p = self.params
        kinds = [KINDS[int(k)] for k in self.rng.choice(len(KINDS), p.num_objects, replace=False)]
        colors = piece_colors(self.rng, p.num_objects)
        pieces = laid_out(self.rng, kinds, colors, p.size, [0.0] * p.num_objects, CONTACT_GAP)
        return self.placed_sample(pieces, 0, prompt_for(p.num_objects), Solution(pieces=pieces))

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Every piece turning on its way (by a visible angle), and one piece stopping 40 % short of its outline."""
        pieces = sample.solution.pieces
        poses = solution_poses(pieces, 0, self.params.move_frames)
        spun: list[list[Pose]] = []
        for k, row in enumerate(poses):
            share = k / (len(poses) - 1)
            spun.append([(centre, share * min(30.0, 180.0 / piece.symmetry) if piece.symmetry else 0.0)
                         for piece, (centre, _) in zip(pieces, row, strict=True)])
        short: list[list[Pose]] = []
        for row in poses:
            (x, y), turn = row[0]
            first = pieces[0]
            short.append([((first.start[0] + 0.6 * (x - first.start[0]), y), turn), *row[1:]])
        return self.posed(pieces, spun_on_the_way=spun, one_stops_short=short)
