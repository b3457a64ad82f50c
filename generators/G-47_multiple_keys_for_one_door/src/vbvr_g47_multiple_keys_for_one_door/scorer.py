"""G-47 scorer: track the green agent cell by cell, judge its walk, and check the keys came first.

The walk is judged as every grid walk (``vbvr_core.families.gridwalk.judge.walk_verdict``: start, ends and
stays on the door for the last 1/6 s, single steps, no wall, steps against the optimal key-collecting
route), then multiplied by (keys visited before the agent first reaches the door / keys)². A walk
straight to the door that skips one of two keys keeps a quarter of its score; doing nothing or cutting
to the end scores 0.

The video is read at the family's own frame rate, the agent's cell is the one under the centre of its
densest colour patch, and two-cell hops over open floor are bridged (``vbvr_core.families.gridwalk.track``),
so fast or low-frame-rate videos of a correct walk are judged in seconds and not misread as jumps.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import walk_verdict
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader

from vbvr_g47_multiple_keys_for_one_door.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-47 against the sample's maze, keys and door."""
    solution = Solution.model_validate(sample.solution)
    walls = set(solution.walls)
    track = track_walk(video, GridLayout(**solution.layout), solution.agent_color, walls)
    verdict = walk_verdict(track, solution.start, solution.door, walls, solution.optimal_steps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    cells = collapse(track)
    before_door = cells[: cells.index(solution.door)] if solution.door in cells else cells
    collected = sum(1 for cell in solution.keys if cell in before_door)
    missed = len(solution.keys) - collected
    verdict.part("keys", (collected / len(solution.keys)) ** 2,
                 unless=f"{missed} of {len(solution.keys)} keys not collected before the door")
    return verdict.score(ok=f"all keys, then the door, in {solution.optimal_steps} steps")
