"""G-41 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``: no more steps
than the grid distance, a shortest route), times ``highest_cost``: 1 when the cells the walk passes through are
those of the dearest shortest route (unique by construction); any other route, however close its total, earns 0.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.gridwalk.judge import score_walk
from vbvr_core.media.video import VideoReader

from vbvr_g41_grid_highest_cost.generator import AGENT_COLOR, Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-41 against the sample's grid, costs and dearest shortest route."""
    s = Solution.model_validate(sample.solution)

    def highest_cost(verdict, walk):
        walked, best = {tuple(cell) for cell in walk}, {tuple(cell) for cell in s.path}
        total = sum(s.costs[r][c] for r, c in walked if 0 <= r < len(s.costs))
        verdict.note("walked_total", float(total))
        verdict.part("highest_cost", float(walked == best),
                     unless=f"the walk passes cells worth {total}, not the dearest route's {s.best_total}")
        return f"the dearest shortest route (total {s.best_total}) walked step by step"

    return score_walk(video, s.layout, AGENT_COLOR, s.start, s.goal, s.optimal_steps, parts=highest_cost)
