"""G-47 scorer: track the green agent cell by cell, judge its walk, and check the keys came first.

The walk is judged as every grid walk (``vbvr_core.families.gridwalk.judge.judge_walk``: start, ends and stays on the
door, single steps, no wall, steps against the optimal key-collecting route), then multiplied by
(keys visited before the agent first reaches the door / keys)². A walk straight to the door that skips
one of two keys keeps a quarter of its score; doing nothing or cutting to the end scores 0.

The agent's cell is the one under the centre of its densest colour patch in each frame, and two-cell
hops over open floor are bridged (``vbvr_core.families.gridwalk.track``), so fast or low-frame-rate videos of a
correct walk are not misread as jumps.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import agent_cells_by_centre, bridge_short_jumps
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-47 against the sample's maze, keys and door."""
    solution = sample.solution
    walls = {tuple(cell) for cell in solution["walls"]}
    # Fast or low-frame-rate videos may show the agent two cells on: bridge two-cell hops over open floor.
    track = bridge_short_jumps(
        agent_cells_by_centre(video.clip(), GridLayout(**solution["layout"]), solution["agent_color"]), walls
    )
    door = tuple(solution["door"])
    walk = judge_walk(
        track, start=tuple(solution["start"]), goal=door, forbidden=walls, optimal_steps=solution["optimal_steps"]
    )
    cells = [tuple(cell) for cell in collapse(track)]
    before_door = cells[: cells.index(door)] if door in cells else cells
    keys = [tuple(cell) for cell in solution["keys"]]
    collected = sum(1 for cell in keys if cell in before_door)
    key_share = collected / len(keys)
    reason = walk.reason
    if collected < len(keys):
        reason = f"{len(keys) - collected} of {len(keys)} keys not collected before the door; {reason}"
    return Score(value=walk.value * key_share**2, parts={**walk.parts, "keys": key_share}, reason=reason)
