"""Scoring a walk on a grid: track an agent's cell through a video, then judge the walk.

Used by every grid navigation task. The walk is judged on: starting at the start, reaching the goal
and staying there, moving only between 4-neighbours (jumps are counted as missing steps), never
entering a forbidden cell, and its length against the optimum.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from vbvr_core.contract import Score
from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.track import track_walk
from vbvr_core.judge.credit import efficiency
from vbvr_core.judge.track import collapse
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import JUDGE_FPS, VideoReader

OBSTACLE_PENALTY = 0.3
#: how long the agent must be seen on the goal at the end of the video
TAIL_SECONDS = 1 / 12  # one tracked frame at 12 fps: G-47 holds its end only 1/6 s (official convention), and an 8 fps or 1.5x-faster copy keeps less of it


def judge_walk(track: Sequence[Cell | None], start: Cell, goal: Cell, forbidden: set[Cell],
               optimal_steps: int, fps: float = JUDGE_FPS) -> Score:
    """Score a per-frame cell track (``fps`` frames a second) of an agent that should walk from ``start``
    to ``goal`` optimally; see :func:`walk_verdict`."""
    verdict = walk_verdict(track, start, goal, forbidden, optimal_steps, fps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    return verdict.score(ok=f"optimal walk of {optimal_steps} steps")


def score_walk(video: VideoReader, layout: dict[str, int], agent_color: Sequence[int], start: Cell, goal: Cell,
               optimal_steps: int, blocked: Iterable[Cell] = (), forbidden: Iterable[Cell] | None = None,
               parts: Callable[[Verdict, list[Cell]], str] | None = None) -> Score:
    """What a grid-walk scorer returns: the agent of ``agent_color`` tracked through ``video`` on the grid of
    ``layout`` (:func:`~vbvr_core.families.gridwalk.track.track_walk`, never bridging a hop over ``blocked``
    cells), its walk judged by :func:`walk_verdict` (``forbidden`` cells: ``blocked`` when None); 0 when the
    agent is never seen. ``parts(verdict, walk)`` adds the task's own parts from the walked cells (the track
    collapsed: :func:`vbvr_core.judge.track.collapse`) and returns the reason given for full marks. A two-cell
    hop round a corner is bridged through the corner cell nearer the midpoint of the agent's two sightings (the
    corner it turned round).
    """
    blocked = {tuple(cell) for cell in blocked}
    track = track_walk(video, GridLayout(**layout), agent_color, blocked)
    verdict = walk_verdict(track, start, goal, blocked if forbidden is None else set(forbidden), optimal_steps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    return verdict.score(ok=parts(verdict, collapse(track)) if parts else f"optimal walk of {optimal_steps} steps")


def before_goal(walk: Sequence[Cell], goal: Cell) -> list[Cell]:
    """The cells of ``walk`` before it first reaches ``goal`` (all of them when it never does)."""
    cells = [tuple(cell) for cell in walk]
    return cells[: cells.index(tuple(goal))] if tuple(goal) in cells else cells


def first_passes(walk: Sequence[Cell], targets: Sequence[Cell], goal: Cell) -> list[Cell]:
    """The ``targets`` ``walk`` passes before it first reaches ``goal``, in the order first passed."""
    wanted = {tuple(cell) for cell in targets}
    return list(dict.fromkeys(cell for cell in before_goal(walk, goal) if cell in wanted))


def walk_verdict(track: Sequence[Cell | None], start: Cell, goal: Cell, forbidden: set[Cell],
                 optimal_steps: int, fps: float = JUDGE_FPS) -> Verdict | None:
    """The parts of a walk's score, for tasks that add their own (keys collected first); None when the
    agent is never seen.

    value = start · goal · continuity · efficiency · (0.3 if a forbidden cell is entered else 1), where
    goal = the walk ends on the goal and the last :data:`TAIL_SECONDS` of the track show it there,
    continuity = single steps / grid distance covered (a cut straight to the goal gives 0) and
    efficiency = optimal steps / steps taken.
    """
    seen = [cell for cell in track if cell is not None]
    visible = len(seen) / max(1, len(track))
    if not seen:
        return None
    walk = [tuple(cell) for cell in collapse(track)]
    tail = [cell for cell in track[-max(1, round(TAIL_SECONDS * fps)):] if cell is not None]
    distances = [abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(walk, walk[1:], strict=False)]
    covered = sum(distances)
    single_steps = sum(1 for d in distances if d == 1)
    entered = sorted({cell for cell in walk if cell in forbidden})
    verdict = Verdict()
    verdict.part("start", walk[0] == tuple(start), unless=f"starts on {walk[0]}, not the start {tuple(start)}")
    verdict.part("goal", walk[-1] == tuple(goal) and all(tuple(c) == tuple(goal) for c in tail),
                 unless=f"ends on {walk[-1]}, not the goal {tuple(goal)}" if walk[-1] != tuple(goal)
                 else f"reaches the goal {tuple(goal)} but does not stay there")
    verdict.part("continuity", single_steps / covered if covered else 0.0,
                 unless=f"{covered - single_steps} of {covered} cells skipped by jumps" if covered
                 else "the agent never moves")
    verdict.part("efficiency", efficiency(optimal_steps, covered),
                 unless=f"{covered} steps where {optimal_steps} suffice" if covered else None)
    verdict.note("obstacle_free", 0.0 if entered else 1.0)
    verdict.factor(OBSTACLE_PENALTY, when=bool(entered), reason=f"enters forbidden cells {entered}")
    verdict.note("visible", visible)
    return verdict
