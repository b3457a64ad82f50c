"""G-13 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``: steps against
the optimal ordered walk) times ``order`` = (numbers taken in turn from 1 before the first mistake / numbers)²,
counting only what the agent visits before it first reaches the goal. Stepping on 3 on the way to 2 is a
mistake; any equally short walk in the right order keeps full marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from vbvr_core.contract import Cell, SampleRef, Score
from vbvr_core.families.gridwalk.judge import first_passes, score_walk
from vbvr_core.media.video import VideoReader

from vbvr_g13_grid_number_sequence.generator import Solution


def visit_order(walk: Sequence[Cell], numbered: Sequence[Cell], goal: Cell) -> list[int]:
    """The numbers (1-based) ``walk`` first visits before it first reaches ``goal``, in visiting order."""
    rank = {tuple(cell): k for k, cell in enumerate(numbered, start=1)}
    return [rank[cell] for cell in first_passes(walk, numbered, goal)]


def correct_prefix(order: Sequence[int]) -> int:
    """How many numbers, from 1 on, a visiting ``order`` takes in turn before its first mistake."""
    count = 0
    for number in order:
        if number != count + 1:
            break
        count += 1
    return count


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-13 against the sample's grid, numbers and goal."""
    s = Solution.model_validate(sample.solution)

    def order(verdict, walk):
        visited = visit_order(walk, s.numbered, s.goal)
        in_turn, total = correct_prefix(visited), len(s.numbered)
        verdict.part("order", (in_turn / total) ** 2,
                     unless=f"numbers visited as {visited}: {in_turn} of {total} in turn before the goal")
        return f"numbers 1–{total} in order, then the goal, in {s.optimal_steps} steps"

    return score_walk(video, s.layout, s.agent_color, s.start, s.goal, s.optimal_steps, parts=order)
