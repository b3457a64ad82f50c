"""G-13 scorer: track the orange agent cell by cell, judge its walk, and check it took the numbers in order.

The walk is judged as every grid walk (``vbvr_core.families.gridwalk.judge.walk_verdict``: starts on the
start, ends and stays on the goal for the last 1/6 s, single steps, steps against the optimal ordered
walk), then multiplied by ``order`` = (numbers taken in turn from 1 before the first mistake / numbers)²,
counting only what the agent visits before it first reaches the goal. Stepping on 3 on the way to 2 is a
mistake; any equally short walk in the right order keeps full marks. The video is read at the family's
own frame rate and two-cell hops are bridged (``vbvr_core.families.gridwalk.track``), so playback at 8 or
30 fps, slowed or sped up, is judged in seconds, not frames.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import walk_verdict
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader

from vbvr_g13_grid_number_sequence.generator import Solution
from vbvr_g13_grid_number_sequence.solver import correct_prefix, visit_order


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-13 against the sample's grid, numbers and goal."""
    solution = Solution.model_validate(sample.solution)
    track = track_walk(video, GridLayout(**solution.layout), solution.agent_color, set())
    verdict = walk_verdict(track, solution.start, solution.goal, set(), solution.optimal_steps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    order = visit_order(collapse(track), solution.numbered, solution.goal)
    total = len(solution.numbered)
    in_turn = correct_prefix(order)
    verdict.part("order", (in_turn / total) ** 2,
                 unless=f"numbers visited as {order}: {in_turn} of {total} in turn before the goal")
    return verdict.score(ok=f"numbers 1–{total} in order, then the goal, in {solution.optimal_steps} steps")
