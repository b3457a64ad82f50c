"""G-15 scorer: track the yellow agent cell by cell and judge its walk (see vbvr_core.gridpath).

Checks: starts on the start cell, ends (and stays) on the goal, moves only between 4-neighbours,
never enters an obstacle, and takes no more steps than the optimum. A video that holds the first
frame never reaches the goal and scores 0; a cut straight to the goal skips every step and scores 0.
"""

from __future__ import annotations

from vbvr_core import SampleRef, Score, VideoReader
from vbvr_core.gridpath import judge_walk, track_agent_cells
from vbvr_core.render import GridLayout


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-15 against the sample's grid, start, goal and obstacles."""
    solution = sample.solution
    track = track_agent_cells(video.clip(), GridLayout(**solution["layout"]), solution["agent_color"])
    return judge_walk(
        track,
        start=tuple(solution["start"]),
        goal=tuple(solution["goal"]),
        forbidden={tuple(cell) for cell in solution["obstacles"]},
        optimal_steps=solution["optimal_steps"],
    )
