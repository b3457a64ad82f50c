"""O-46 scorer: the stacking family's judge (``judge_carried``) — each card, followed by its colour, carried into its
own outline, one card at a time, in the order the prompt names, sliding rather than jumping.

The closest two card colours (red and orange) are 62 apart in RGB; the family's colour reach, 38, keeps each
card's pixels apart from the other's.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import judge_solution
from vbvr_core.media.video import VideoReader

from vbvr_o46_shape_sorter.generator import Solution

# The factor left when not every card is placed (the family's default, 0.5, let a clip frozen after the first of two
# cards score 0.13, above a shortcut's 0.1).
INCOMPLETE = 0.2


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-46 against the sample's cards and outlines."""
    solution = Solution.model_validate(sample.solution)
    labels = [f"{name} {kind} card" for name, kind in zip(solution.names, solution.kinds, strict=True)]
    return judge_solution(sample, video, solution, labels, INCOMPLETE)
