"""G-25 seperate_object_spinning: turn each piece in place to its dashed outline's orientation, then slide it right.

Parameters → draw → solve → render → prompt:

- ``num_objects`` pieces of different kinds (square, rectangle, triangle, pentagon, hexagon, trapezoid,
  parallelogram: round pieces are left out, their turn cannot be seen) and colours, of nominal size ``size``
  (±15 % each), each tilted at its own start angle, in a cluster on the left whose turning discs stay
  ``DISC_GAP`` px apart (so no piece sweeps into a neighbour while it turns);
- each piece's dashed outline stands on its own row on the right, at the orientation the piece must take: a
  turn of 20° up to half the piece's symmetry period (at most 150°), either way; pieces whose rows overlap keep
  their left-to-right order, so no piece passes through another while sliding;
- the video turns all pieces in place together over ``turn_frames`` frames, then slides them together straight
  to the right into their outlines over ``move_frames`` frames; a layout that does not fit is rejected.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BackgroundIndex
from vbvr_core.families.placement.draw import SYMMETRY, Piece, Pose, laid_out, piece_colors, solution_poses
from vbvr_core.families.placement.task import PlacementGenerator
from vbvr_core.families.stacking.layout import HOLD_ENDS

from vbvr_g25_seperate_object_spinning.plugin import TASK

KINDS = tuple(kind for kind, symmetry in SYMMETRY.items() if symmetry)
DISC_GAP = 2.0  # the cluster's turning discs are this far apart, plus the layout's 4 px
MIN_TURN, MAX_TURN = 20.0, 150.0


class Params(TaskParams):
    """G-25's parameter space: more, smaller pieces as the difficulty grows."""

    num_objects: Annotated[int, Strata((2, 3), (3, 4), (4, 5))] = Field(
        3, ge=2, le=5, description="number of pieces in the cluster")
    size: Annotated[int, Strata((28, 36), (24, 30), (20, 26))] = Field(
        28, ge=16, le=40, description="nominal half-width of a piece in pixels (each varies by ±15 %)")
    turn_frames: Annotated[int, Uniform(18, 20)] = Field(19, ge=16, le=60, description="video frames of the turn")
    move_frames: Annotated[int, Uniform(16, 20)] = Field(18, ge=12, le=60, description="video frames of the slide")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """The pieces: kind, colour, outline at the start orientation, start and target centres, the signed turn."""

    pieces: list[Piece]


PROMPT = ("The scene shows {count} objects on the left side and dashed target outlines on the right side. The dashed "
          "target outlines remain completely stationary. For each object, first rotate it in place to match the "
          "orientation of its corresponding dashed target outline, then move it horizontally to the right so that it "
          "aligns exactly with and fits within its corresponding dashed target outline.")


class SeperateObjectSpinningGenerator(PlacementGenerator, task=TASK, params=Params, solution=Solution):
    """Draws tilted pieces and their turned dashed outlines; turns every piece in place, then slides it in."""

    def _turn(self, kind: str) -> float:
        """A signed turn of ``MIN_TURN`` up to half the kind's period (at most ``MAX_TURN``), rounded to 1°."""
        largest = min(MAX_TURN, 180.0 / SYMMETRY[kind] - 2)
        sign = 1 if self.rng.random() < 0.5 else -1
        return float(sign * round(self.rng.uniform(MIN_TURN, largest)))

    def generate(self) -> Sample:
        """Pick kinds, colours, start angles and turns, lay the cluster and the outlines out, turn then slide."""
        p = self.params
        kinds = [KINDS[int(k)] for k in self.rng.choice(len(KINDS), p.num_objects, replace=False)]
        colors = piece_colors(self.rng, p.num_objects)
        turns = [self._turn(kind) for kind in kinds]
        angles = [float(round(self.rng.uniform(0, 360.0 / SYMMETRY[kind]))) for kind in kinds]
        pieces = laid_out(self.rng, kinds, colors, p.size, turns, DISC_GAP, angles=angles)
        return self.placed_sample(pieces, p.turn_frames, PROMPT.format(count=p.num_objects), Solution(pieces=pieces),
                                  hold_frames=HOLD_ENDS)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The slide first and the turn at the outlines (the wrong order), and a turn only half as far before the
        slide (pieces end off their outlines' orientation)."""
        pieces: list[Piece] = sample.solution.pieces
        p = self.params
        late: list[list[Pose]] = [[(centre, 0.0) for centre, _ in row] for row in solution_poses(pieces, 0, p.move_frames)]
        for k in range(1, p.turn_frames + 1):
            late.append([(piece.target, piece.turn * k / p.turn_frames) for piece in pieces])
        halved = [piece.model_copy(update={"turn": piece.turn / 2}) for piece in pieces]
        half = solution_poses(halved, p.turn_frames, p.move_frames)
        return self.posed(pieces, slid_then_turned=late, half_turn=half)
