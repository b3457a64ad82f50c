"""O-47 scorer: follow the empty space through the video and replay its moves on the scrambled board.

The empty space is found per frame as the cell covered by the board colour. Its walk fixes every move
(the tile that slides is the one it swaps with), so the scorer replays the walk on the start board and
judges: the video opens on the start board; every move is a single-tile slide (a jump of the empty
space over two or more cells is an illegal move, counts as missing slides and is not replayed); the
replayed moves solve the puzzle (if not, at most 0.2 for the share of misplaced tiles they put right);
their number against the optimum; and the last frames show the goal board, tile by tile. A cut to the
solved board makes no legal sequence of slides that solves it and scores ≤ 0.1.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.fill_in.judge import PIXEL_TOLERANCE, box_mismatch, scale_box, soften, working_clip
from vbvr_core.families.gridwalk.judge import judge_walk
from vbvr_core.families.gridwalk.track import agent_cells_by_centre
from vbvr_core.judge.track import collapse
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o47_sliding_puzzle.puzzle import replay

UNSOLVED_CREDIT = 0.2
CELL_MATCH = 0.14  # largest share of a cell's drawn pixels that may differ clearly for it to show the right tile


def _cells_matching_goal(video: VideoReader, sample: SampleRef, layout: GridLayout) -> float:
    """Share of board cells whose content over the last frames matches the goal board.

    A cell matches when its clearly differing pixels are a small share of what is drawn there (the tile,
    against the board colour), so resampling at another resolution does not count as a wrong tile.
    """
    clip = working_clip(video)
    size = clip.frames.shape[1]
    boxes = [scale_box(layout.cell_box((row, col), inset=2), size / FRAME_SIZE)
             for row in range(layout.rows) for col in range(layout.cols)]
    # Tiles are small and edged: blur twice as much as figures, so a resampled board still matches.
    goal = soften(resize_frame(sample.final_frame, size), strength=2.0)
    mismatch = box_mismatch(soften(clip.frames[-3:], strength=2.0), goal, boxes).mean(axis=0)
    board = np.asarray(sample.solution["blank_color"], dtype=np.int16)
    drawn = np.array([max(0.05, float((np.abs(goal[top:bottom, left:right].astype(np.int16) - board).max(axis=-1)
                                       > PIXEL_TOLERANCE).mean())) for left, top, right, bottom in boxes])
    return float((mismatch / drawn <= CELL_MATCH).mean())


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-47 against the sample's start board, goal and optimal move count."""
    solution = sample.solution
    layout = GridLayout(**solution["layout"])
    side = layout.rows
    start_cell, goal_cell = tuple(solution["blank_path"][0]), tuple(solution["blank_path"][-1])
    track = agent_cells_by_centre(video.clip(), layout, solution["blank_color"], tolerance=60.0)
    walk = judge_walk(track, start_cell, goal_cell, set(), solution["optimal_moves"])
    if not walk.parts.get("visible"):
        return Score.zero("the empty space is never seen", **walk.parts)
    cells = [tuple(cell) for cell in collapse(track)]
    legal = [cells[0]]
    for cell in cells[1:]:  # replay only single-cell slides; a jump is skipped (and already costs continuity)
        if abs(cell[0] - legal[-1][0]) + abs(cell[1] - legal[-1][1]) == 1:
            legal.append(cell)
    start_state = tuple(solution["start_state"])
    reached = replay(start_state, side, legal) if cells[0] == start_cell else start_state
    goal = tuple(solution["goal_state"])
    solved = 1.0 if reached == goal else 0.0
    misplaced_at_start = sum(a != b for a, b in zip(start_state, goal, strict=False) if b)
    fixed = sum(a == b for a, b in zip(reached, goal, strict=False) if b) - sum(a == b for a, b in zip(start_state, goal, strict=False) if b)
    progress = max(0.0, fixed / max(1, misplaced_at_start))
    board_matches = _cells_matching_goal(video, sample, layout)
    # Unsolved: a little credit for the share of misplaced tiles the legal slides put right (at most 0.2).
    goal_factor = board_matches if solved else UNSOLVED_CREDIT * progress
    parts = {**walk.parts, "solved": solved, "progress": progress, "board_matches_goal": board_matches}
    value = walk.parts["start"] * walk.parts["continuity"] * walk.parts["efficiency"] * goal_factor
    reasons = [walk.reason] if walk.reason and not walk.reason.startswith("optimal") else []
    if not solved:
        reasons.append(f"the legal slides shown do not solve the puzzle ({progress:.0%} of the misplaced tiles put right)")
    if board_matches < 1:
        reasons.append(f"{1 - board_matches:.0%} of the cells do not show the goal board at the end")
    return Score(value=value, parts=parts, reason="; ".join(reasons) or f"solved in {len(legal) - 1} legal slides")
