"""G-45 scorer: track the green agent cell by cell, judge its walk, and check it took the matching key first.

The walk is judged as every grid walk (``vbvr_core.families.gridwalk.judge.walk_verdict``: starts on the
start, ends and stays in the door for the last 1/6 s, single steps, steps against the optimal walk); walls
and the keys of other colours are forbidden cells (entering one keeps 0.3 of the score), and the part
``key`` is 1 when the agent reached the key of the door's colour before it first reached the door, else 0.
Fetching a wrong key instead scores 0; doing nothing or cutting to the end scores 0. The video is read at
the family's own frame rate and two-cell hops over open floor are bridged
(``vbvr_core.families.gridwalk.track``), so fast or low-frame-rate playback is judged in seconds.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import walk_verdict
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader

from vbvr_g45_key_door_matching.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-45 against the sample's maze, keys and door."""
    solution = Solution.model_validate(sample.solution)
    walls = set(solution.walls)
    track = track_walk(video, GridLayout(**solution.layout), solution.agent_color, walls)
    forbidden = walls | set(solution.wrong_keys)
    verdict = walk_verdict(track, solution.start, solution.door, forbidden, solution.optimal_steps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    cells = collapse(track)
    before_door = cells[: cells.index(solution.door)] if solution.door in cells else cells
    verdict.part("key", solution.key in before_door,
                 unless=f"the {solution.door_color} key was not fetched before the door")
    return verdict.score(ok=f"the {solution.door_color} key, then the door, in {solution.optimal_steps} steps")
