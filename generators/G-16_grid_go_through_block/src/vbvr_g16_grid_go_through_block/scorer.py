"""G-16 scorer: track the orange agent cell by cell, judge its walk, and check it passed every block.

The walk is judged as every grid walk (``vbvr_core.families.gridwalk.judge.walk_verdict``: starts on the
start, ends and stays on the goal for the last 1/6 s, single steps, steps against the optimal walk
through the blocks), then multiplied by (blocks passed before the agent first reaches the goal /
blocks)². Any equally short walk through the blocks keeps full marks; a walk that skips the only block
scores 0, one that skips one of two keeps at most a quarter. The video is read at the family's own
frame rate and two-cell hops are bridged (``vbvr_core.families.gridwalk.track``), so playback at 8 or
30 fps, slowed or sped up, is judged in seconds, not frames.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import walk_verdict
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader

from vbvr_g16_grid_go_through_block.generator import Solution
from vbvr_g16_grid_go_through_block.solver import first_passes


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-16 against the sample's grid, start, blocks and goal."""
    solution = Solution.model_validate(sample.solution)
    track = track_walk(video, GridLayout(**solution.layout), solution.agent_color, set())
    verdict = walk_verdict(track, solution.start, solution.goal, set(), solution.optimal_steps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    passed = first_passes(collapse(track), solution.blocks, solution.goal)
    total = len(solution.blocks)
    verdict.part("blocks", (len(passed) / total) ** 2,
                 unless=f"{total - len(passed)} of {total} blocks not passed before the goal")
    return verdict.score(ok=f"through every block to the goal in {solution.optimal_steps} steps")
