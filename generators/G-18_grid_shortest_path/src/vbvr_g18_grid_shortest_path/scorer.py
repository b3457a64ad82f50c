"""G-18 scorer: track the agent cell by cell and judge its walk (the gridwalk family's judge).

Checks: starts on the start cell, ends (and stays) on the goal, moves only between 4-neighbours,
and takes no more steps than the grid distance. Any shortest route counts. The agent is placed by the
centre of its densest colour patch in a video read at the family's own frame rate, so a slow, fast or
low-frame-rate walk is judged in seconds, not frames. Holding the first frame never reaches the goal
(0); a cut straight to the goal skips every step (0).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.media.video import VideoReader

from vbvr_g18_grid_shortest_path.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-18 against the sample's grid, start and goal."""
    solution = Solution.model_validate(sample.solution)
    track = track_walk(video, GridLayout(**solution.layout), solution.agent_color, set())
    return judge_walk(track, solution.start, solution.goal, set(), solution.optimal_steps)
