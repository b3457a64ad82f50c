"""G-18 scorer: track the agent cell by cell and judge its walk (see vbvr_core.families.gridwalk.judge).

Checks: starts on the start cell, ends (and stays) on the goal, moves only between 4-neighbours,
and takes no more steps than the grid distance. Any shortest route counts. A video that holds the
first frame never reaches the goal and scores 0; a cut straight to the goal skips every step and
scores 0.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import track_agent_cells
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-18 against the sample's grid, start and goal."""
    solution = sample.solution
    track = track_agent_cells(video.clip(), GridLayout(**solution["layout"]), solution["agent_color"])
    return judge_walk(
        track,
        start=tuple(solution["start"]),
        goal=tuple(solution["goal"]),
        forbidden=set(),
        optimal_steps=solution["optimal_steps"],
    )
