"""O-39 scorer: track the green marker cell by cell and judge its walk (the gridwalk family's judge).

Checks: starts on the start cell, ends (and stays) on the flag, moves only between 4-neighbours, never
enters a wall cell, and takes no more steps than the unique route (a dead-end excursion costs
efficiency). The marker is placed by the centre of its densest colour patch in a video read at the
family's own frame rate, and two-cell hops over open floor are bridged, so a fast, slow or
low-frame-rate walk is judged in seconds, not frames. Doing nothing never reaches the flag (0); a cut to
the final frame skips every cell (0).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.media.video import VideoReader

from vbvr_o39_maze.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-39 against the sample's maze, start and flag."""
    solution = Solution.model_validate(sample.solution)
    walls = set(solution.walls)
    track = track_walk(video, GridLayout(**solution.layout), solution.agent_color, walls)
    return judge_walk(track, solution.start, solution.goal, walls, solution.optimal_steps)
