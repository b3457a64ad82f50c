"""O-64 animal_matching: slide each cartoon animal face into the grey outline of its own silhouette.

Parameters → draw → solve → render → prompt (the official evaluator's conventions: cartoon faces — cat with pointed
ears and whiskers, dog with floppy ears and tongue, rabbit with long ears and buck teeth, bear with round ears —
on the left half, their outlines on the right half; each face ends centred on its own outline):

- ``animals`` faces of distinct kinds (cat, dog, rabbit, bear: their silhouettes differ by their ears), each
  of its own size between ``min_size`` and ``min_size + SIZE_SPREAD``, scattered on the left half of a white board
  split by a pale divider; their outlines (the silhouette of the very same face, a 3-px slate line around it) are
  scattered on the right half in an unrelated order;
- the solution is each face's straight segment to its own outline, taken one face at a time in an order in which
  no face passes over another (``clear_order`` of the arrangement family), the order the prompt names; an instance
  with no such order, or whose faces or outlines find no room, is rejected;
- the video slides the faces one after another, eased, ``move_frames`` frames each with ``pause_frames`` between.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Stage, new_canvas, to_frame
from vbvr_core.families.stacking.faces import FUR, Face, silhouette
from vbvr_core.families.stacking.layout import draw_divider, match_listing, matched_board, one_at_a_time
from vbvr_core.families.stacking.task import OneAtATimeGenerator

from vbvr_o64_animal_matching.plugin import TASK

BOARD = (255, 255, 255)
DIVIDER = (222, 226, 232)
OUTLINE_COLOR = (100, 116, 139)
# The official evaluator's four animals (the fox's silhouette is the cat's, the frog's close to the bear's).
KINDS = ("cat", "dog", "rabbit", "bear")
SIZE_SPREAD = 10
SIDE_GAP = 18
PATH_GAP = 6


class Params(TaskParams):
    """O-64's parameter space: more, smaller faces as the difficulty grows."""

    animals: Annotated[int, Strata((2, 3), (3, 4), (4, 4))] = Field(
        3, ge=2, le=4, description="animal faces, each with its outline (distinct kinds)")
    min_size: Annotated[int, Strata((28, 32), (24, 28), (20, 24))] = Field(
        26, ge=18, le=34, description="least nominal face size (head half-width, pixels); each face adds 0–10")
    move_frames: Annotated[int, Uniform(10, 11)] = Field(
        11, ge=10, le=30, description="video frames of one face's slide")
    pause_frames: Annotated[int, Uniform(0, 1)] = Field(
        1, ge=0, le=8, description="still frames between two faces' slides")


class Solution(TaskSolution):
    """Per face: kind, nominal size, fur colour, where its fur's centroid starts and ends (its outline's); ``order``
    lists the face indices in the order they move (the prompt's)."""

    kinds: list[str]
    sizes: list[float]
    colors: list[tuple[int, int, int]]
    starts: list[Point]
    targets: list[Point]
    order: list[int]


def board(faces: list[Face], outlines: list[Point]) -> np.ndarray:
    """The static board: the divider and every face's silhouette outline at its target."""
    canvas = new_canvas(BOARD)
    draw_divider(ImageDraw.Draw(canvas), DIVIDER)
    for face, (x, y) in zip(faces, outlines, strict=True):
        ring = silhouette(face, OUTLINE_COLOR)
        canvas.paste(ring, (int(round(x - ring.width / 2)), int(round(y - ring.height / 2))), ring)
    return to_frame(canvas)


def replay(solution: Solution, ends: list[Point], moving: list[int], move_frames: int, pause_frames: int,
           ) -> FrameSource:
    """The frames of the faces in ``moving`` sliding one after another so that their fur centroids reach ``ends``."""
    faces = [Face(kind, size) for kind, size in zip(solution.kinds, solution.sizes, strict=True)]
    starts = [f.centre_for(p) for f, p in zip(faces, solution.starts, strict=True)]
    targets = [f.centre_for(p) for f, p in zip(faces, solution.targets, strict=True)]
    stops = [f.centre_for(p) for f, p in zip(faces, ends, strict=True)]
    stage = Stage(board(faces, targets))

    def frames():
        for row in one_at_a_time(starts, stops, moving, move_frames, pause_frames):
            yield stage.frame([(f.sprite, p) for f, p in zip(faces, row, strict=True)])
    return frames


class AnimalMatchingGenerator(OneAtATimeGenerator, task=TASK, params=Params, solution=Solution):
    """Draws faces on the left and their silhouettes on the right, and the faces' slides one at a time into them
    (near misses: the family's, the first two faces swapped and the last face left where it was)."""

    replay = staticmethod(replay)

    def generate(self) -> Sample:
        """Scatter faces and outlines, find a clear order, and render the slides."""
        p = self.params
        kinds = [KINDS[int(k)] for k in self.rng.permutation(len(KINDS))[:p.animals]]
        sizes = [float(p.min_size + int(self.rng.integers(0, SIZE_SPREAD + 1))) for _ in kinds]
        faces = [Face(kind, size) for kind, size in zip(kinds, sizes, strict=True)]
        # Footprints between the head's disc and the ears' reach: a face may pass within a few pixels of an ear tip.
        starts, targets, order = matched_board(self.rng, [face.reach for face in faces],
                                               [(face.reach + face.footprint) / 2 for face in faces], SIDE_GAP,
                                               PATH_GAP, "face")
        stage = Stage(board(faces, targets))
        prompt = ("Move each animal face from the left side into the outline of its own shape on the right. Keep the "
                  "camera fixed, move only one animal at a time and slide it smoothly until it sits exactly in its "
                  f"outline. {match_listing([kinds[k] for k in order])}")
        solution = Solution(kinds=kinds, sizes=sizes, colors=[FUR[k] for k in kinds],
                            starts=[f.fur_point(s) for f, s in zip(faces, starts, strict=True)],
                            targets=[f.fur_point(t) for f, t in zip(faces, targets, strict=True)], order=order)
        return self.carried_sample(stage, [face.sprite for face in faces], starts, targets, prompt, solution)
