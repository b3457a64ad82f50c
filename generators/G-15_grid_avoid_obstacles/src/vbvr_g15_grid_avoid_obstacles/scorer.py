"""G-15 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``) with the
obstacles as forbidden cells that a two-cell hop is never bridged over; steps against the optimum.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.gridwalk.judge import score_walk
from vbvr_core.media.video import VideoReader

from vbvr_g15_grid_avoid_obstacles.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-15 against the sample's grid, start, goal and obstacles."""
    s = Solution.model_validate(sample.solution)
    return score_walk(video, s.layout, s.agent_color, s.start, s.goal, s.optimal_steps, blocked=s.obstacles)
