"""G-15 scorer: track the yellow agent cell by cell and judge its walk (the gridwalk family's judge).

Checks: starts on the start cell, ends (and stays) on the goal, moves only between 4-neighbours,
never enters an obstacle, and takes no more steps than the optimum. The agent is placed by the centre
of its densest colour patch, and a two-cell hop that can only have crossed one free cell is bridged,
so a fast or low-frame-rate walk is not misread as a jump. A video that holds the first frame never
reaches the goal and scores 0; a cut straight to the goal skips every step and scores 0.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.media.video import VideoReader

from vbvr_g15_grid_avoid_obstacles.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-15 against the sample's grid, start, goal and obstacles."""
    solution = Solution.model_validate(sample.solution)
    obstacles = set(solution.obstacles)
    track = track_walk(video, GridLayout(**solution.layout), solution.agent_color, obstacles)
    return judge_walk(track, solution.start, solution.goal, obstacles, solution.optimal_steps)
