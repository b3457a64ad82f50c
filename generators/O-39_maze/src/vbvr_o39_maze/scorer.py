"""O-39 scorer: track the green marker cell by cell and judge its walk (see vbvr_core.gridpath).

Checks: starts on the start cell, ends (and stays) on the flag, moves only between 4-neighbours, never
enters a wall cell, and takes no more steps than the unique route (a dead-end excursion costs
efficiency). Doing nothing never reaches the flag (0); a cut to the final frame skips every cell (0).
"""

from __future__ import annotations

from vbvr_core import SampleRef, Score, VideoReader
from vbvr_core.gridpath import judge_walk, track_agent_cells
from vbvr_core.render import GridLayout


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-39 against the sample's maze, start and flag."""
    solution = sample.solution
    track = track_agent_cells(video.clip(), GridLayout(**solution["layout"]), solution["agent_color"])
    return judge_walk(track, start=tuple(solution["start"]), goal=tuple(solution["goal"]),
                      forbidden={tuple(cell) for cell in solution["walls"]}, optimal_steps=solution["optimal_steps"])
