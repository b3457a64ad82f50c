"""O-39 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``) ending on the
flag, with the walls as forbidden cells that a two-cell hop is never bridged over; steps against the unique
route, so a dead-end excursion costs efficiency.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.gridwalk.judge import score_walk
from vbvr_core.media.video import VideoReader

from vbvr_o39_maze.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-39 against the sample's maze, start and flag."""
    s = Solution.model_validate(sample.solution)
    return score_walk(video, s.layout, s.agent_color, s.start, s.goal, s.optimal_steps, blocked=s.walls)
