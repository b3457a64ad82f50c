"""G-41 scorer: track the agent cell by cell and judge its walk (the gridwalk family's judge), then its route.

Checks (:func:`vbvr_core.families.gridwalk.judge.walk_verdict`): starts on the start cell, ends (and stays)
on the goal, moves only between 4-neighbours, and takes no more steps than the grid distance (a shortest
route). Added here: ``highest_cost`` — the cells the walk passes through are those of the dearest shortest
route (unique by construction): any other route, however close its total, earns 0. The agent is placed by
the centre of its densest yellow patch in a video read at the family's own frame rate, so a slow, fast or
low-frame-rate walk is judged in seconds, not frames.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import walk_verdict
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader

from vbvr_g41_grid_highest_cost.generator import AGENT_COLOR, Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-41 against the sample's grid, costs and dearest shortest route."""
    solution = Solution.model_validate(sample.solution)
    track = track_walk(video, GridLayout(**solution.layout), AGENT_COLOR, set())
    verdict = walk_verdict(track, solution.start, solution.goal, set(), solution.optimal_steps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    walked = {tuple(cell) for cell in collapse(track) if cell is not None}
    best = {tuple(cell) for cell in solution.path}
    total = sum(solution.costs[r][c] for r, c in walked if 0 <= r < len(solution.costs))
    verdict.note("walked_total", float(total))
    verdict.part("highest_cost", float(walked == best),
                 unless=f"the walk passes cells worth {total}, not the dearest route's {solution.best_total}")
    return verdict.score(ok=f"the dearest shortest route (total {solution.best_total}) walked step by step")
