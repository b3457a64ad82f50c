"""O-22 scorer: the stacking family's judge — each block, followed by its colour, carried to its level of the copy.

value (``judge_carried``) = start · placed · complete · whole · one_at_a_time · order · (0.05 + 0.95 · continuity):
each block's centre ends within 8 px of its place in the copy (none from 24 px), at its size (``complete`` 0.25
unless every block is placed), every block whole through the clip, one block moving at a time, from the bottom up
(0.7 otherwise), each carried rather than jumping (a cut keeps ≤ 0.05). The pale target tower is never tracked:
its tints are ≥ 70 from every block colour.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import judge_carried
from vbvr_core.media.video import VideoReader

from vbvr_o22_construction_stack.generator import Solution

SIZE = 256
INCOMPLETE = 0.25


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-22 against the sample's blocks and target tower."""
    solution = Solution.model_validate(sample.solution)
    return judge_carried(video.clip(size=SIZE), sample.first_frame, sample.final_frame, solution.colors,
                         solution.starts, solution.targets, solution.order,
                         [f"{name} block" for name in solution.names], incomplete=INCOMPLETE)
