"""O-64 scorer: the stacking family's judge (``judge_carried``) — each face, followed by its fur colour, carried into
its own outline, one face at a time, in the order the prompt names, sliding rather than jumping.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import judge_solution
from vbvr_core.media.video import VideoReader

from vbvr_o64_animal_matching.generator import Solution

# With two faces, one left where it was still keeps half the placements: a video frozen half way would score 0.13.
INCOMPLETE = 0.25


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-64 against the sample's faces and outlines."""
    solution = Solution.model_validate(sample.solution)
    return judge_solution(sample, video, solution, [f"{kind} face" for kind in solution.kinds], INCOMPLETE)
