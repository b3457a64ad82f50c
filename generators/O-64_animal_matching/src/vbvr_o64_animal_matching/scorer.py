"""O-64 scorer: the stacking family's judge — each face, followed by its fur colour, carried into its own outline.

value (``judge_carried``) = start · placed · complete · whole · one_at_a_time · order · (0.05 + 0.95 · continuity):
each face's fur centre ends within 8 px of its own outline's (none from 24 px), at its size (``complete``: 0.25
unless every face is placed), every face whole
through the clip, one face moving at a time (two moves sharing more than a third of the shorter cost down to
half), in the order the prompt names (0.7 otherwise), each sliding rather than jumping (a cut keeps ≤ 0.05).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import judge_carried
from vbvr_core.media.video import VideoReader

from vbvr_o64_animal_matching.generator import Solution

SIZE = 256
# With two faces, one left where it was still keeps half the placements: a video frozen half way would score 0.13.
INCOMPLETE = 0.25


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-64 against the sample's faces and outlines."""
    solution = Solution.model_validate(sample.solution)
    return judge_carried(video.clip(size=SIZE), sample.first_frame, sample.final_frame, solution.colors,
                         solution.starts, solution.targets, solution.order, [f"{kind} face" for kind in solution.kinds],
                         incomplete=INCOMPLETE)
