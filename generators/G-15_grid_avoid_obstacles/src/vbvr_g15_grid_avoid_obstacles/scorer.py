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
from vbvr_core.families.gridwalk.track import agent_cells_by_centre, bridge_short_jumps
from vbvr_core.media.video import VideoReader

from vbvr_g15_grid_avoid_obstacles.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-15 against the sample's grid, start, goal and obstacles."""
    solution = Solution.model_validate(sample.solution)
    obstacles = set(solution.obstacles)
    # 12 frames a second see every cell of a walk at any sensible pace (hops of two cells are bridged).
    clip = video.clip(fps=12)
    track = agent_cells_by_centre(clip, GridLayout(**solution.layout), solution.agent_color)
    return judge_walk(
        bridge_short_jumps(track, obstacles),
        start=solution.start,
        goal=solution.goal,
        forbidden=obstacles,
        optimal_steps=solution.optimal_steps,
        tail_frames=2,  # the last 1/6 s on the goal
    )
