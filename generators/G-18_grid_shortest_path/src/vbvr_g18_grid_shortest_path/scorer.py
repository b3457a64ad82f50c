"""G-18 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``) on the open
grid: any route of the grid distance's length counts.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.gridwalk.judge import score_walk
from vbvr_core.media.video import VideoReader

from vbvr_g18_grid_shortest_path.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-18 against the sample's grid, start and goal."""
    s = Solution.model_validate(sample.solution)
    return score_walk(video, s.layout, s.agent_color, s.start, s.goal, s.optimal_steps)
