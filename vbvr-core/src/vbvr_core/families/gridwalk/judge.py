"""Scoring a walk on a grid: track an agent's cell through a video, then judge the walk.

Used by every grid navigation task. The walk is judged on: starting at the start, reaching the goal
and staying there, moving only between 4-neighbours (jumps are counted as missing steps), never
entering a forbidden cell, and its length against the optimum.
"""

from __future__ import annotations

from collections.abc import Sequence

from vbvr_core.contract import Score
from vbvr_core.contract.geometry import Cell
from vbvr_core.judge.track import collapse

OBSTACLE_PENALTY = 0.3


def judge_walk(track: Sequence[Cell | None], start: Cell, goal: Cell, forbidden: set[Cell],
               optimal_steps: int, tail_frames: int = 3) -> Score:
    """Score a per-frame cell track of an agent that should walk from ``start`` to ``goal`` optimally.

    value = start · goal · continuity · efficiency · (0.3 if a forbidden cell is entered else 1), where
    continuity = single steps / grid distance covered (a cut straight to the goal gives 0) and
    efficiency = optimal steps / steps taken.
    """
    seen = [cell for cell in track if cell is not None]
    visible = len(seen) / max(1, len(track))
    if not seen:
        return Score.zero("the agent is never visible", visible=0.0)
    walk = [tuple(cell) for cell in collapse(track)]
    starts = 1.0 if walk[0] == tuple(start) else 0.0
    tail = [cell for cell in track[-max(1, tail_frames):] if cell is not None]
    ends = 1.0 if walk[-1] == tuple(goal) and (not tail or all(tuple(c) == tuple(goal) for c in tail)) else 0.0
    distances = [abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(walk, walk[1:], strict=False)]
    covered = sum(distances)
    single_steps = sum(1 for d in distances if d == 1)
    continuity = single_steps / covered if covered else 0.0
    efficiency = min(1.0, optimal_steps / covered) if covered else 0.0
    entered = sorted({cell for cell in walk if cell in forbidden})
    obstacle_free = 0.0 if entered else 1.0
    value = starts * ends * continuity * efficiency * (1.0 if not entered else OBSTACLE_PENALTY)
    reasons = []
    if not starts:
        reasons.append(f"starts on {walk[0]}, not the start {tuple(start)}")
    if not ends:
        reasons.append(f"ends on {walk[-1]}, not the goal {tuple(goal)}" if walk[-1] != tuple(goal)
                       else f"reaches the goal {tuple(goal)} but does not stay there")
    if covered and continuity < 1:
        reasons.append(f"{covered - single_steps} of {covered} cells skipped by jumps")
    if entered:
        reasons.append(f"enters forbidden cells {entered}")
    if covered > optimal_steps:
        reasons.append(f"{covered} steps where {optimal_steps} suffice")
    if not covered:
        reasons.append("the agent never moves")
    return Score(
        value=value,
        parts={"start": starts, "goal": ends, "continuity": continuity, "efficiency": efficiency,
               "obstacle_free": obstacle_free, "visible": visible},
        reason="; ".join(reasons) or f"optimal walk of {covered} steps",
    )
