"""O-22 scorer: the stacking family's judge (``judge_carried``) — each block, followed by its colour, carried to its
level of the copy, one block at a time, from the bottom up, rather than jumping. The pale target tower is never
tracked: its tints are ≥ 70 from every block colour.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import judge_solution
from vbvr_core.media.video import VideoReader

from vbvr_o22_construction_stack.generator import Solution

INCOMPLETE = 0.25


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-22 against the sample's blocks and target tower."""
    solution = Solution.model_validate(sample.solution)
    return judge_solution(sample, video, solution, [f"{name} block" for name in solution.names], INCOMPLETE)
