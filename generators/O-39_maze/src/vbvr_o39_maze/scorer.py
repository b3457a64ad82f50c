"""O-39 scorer: track the green marker cell by cell and judge its walk (see vbvr_core.families.gridwalk.judge).

The marker's cell is the one under the centre of its densest colour patch in each frame
(``vbvr_core.families.gridwalk.track``), and two-cell hops over open floor are bridged, so fast or low-frame-rate
videos of a correct walk are not misread as jumps.

Checks: starts on the start cell, ends (and stays) on the flag, moves only between 4-neighbours, never
enters a wall cell, and takes no more steps than the unique route (a dead-end excursion costs
efficiency). Doing nothing never reaches the flag (0); a cut to the final frame skips every cell (0).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import agent_cells_by_centre, bridge_short_jumps
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-39 against the sample's maze, start and flag."""
    solution = sample.solution
    walls = {tuple(cell) for cell in solution["walls"]}
    # Fast or low-frame-rate videos may show the agent two cells on: bridge two-cell hops over open floor.
    track = bridge_short_jumps(
        agent_cells_by_centre(video.clip(), GridLayout(**solution["layout"]), solution["agent_color"]), walls
    )
    return judge_walk(
        track,
        start=tuple(solution["start"]),
        goal=tuple(solution["goal"]),
        forbidden=walls,
        optimal_steps=solution["optimal_steps"],
    )
