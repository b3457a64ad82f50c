"""O-47 scorer: follow the empty space through the video and replay its moves on the scrambled board.

The video is read at the gridwalk family's rate (12 frames a second, whatever its own), and the empty
space is found per frame as the centre of the densest patch of the board colour
(``vbvr_core.families.gridwalk.track``). Its walk fixes every move (the tile that slides is the one it
swaps with), so the scorer replays the walk on the start board and judges it as a grid walk
(:func:`vbvr_core.families.gridwalk.judge.walk_verdict`, the goal the bottom right): a jump of the empty space
over two or more cells is an illegal move, is never bridged (two tiles moving in one frame are not two
slides) and is not replayed. Then: the replayed moves solve the puzzle (if not, at most 0.2 for the share
of misplaced tiles they put right) and the last frames show the goal board, tile by tile. A cut to the
solved board makes no legal sequence of slides that solves it and scores ≤ 0.1.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.fill_in.judge import box_mismatch, drawn_share, scale_box, soften, working_clip
from vbvr_core.families.gridwalk.judge import walk_verdict
from vbvr_core.families.gridwalk.track import agent_cells_by_centre
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.track import collapse
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_o47_sliding_puzzle.generator import Solution, replay

UNSOLVED_CREDIT = 0.2
CELL_MATCH = 0.14  # largest share of a cell's drawn pixels that may differ clearly for it to show the right tile


def cells_matching_goal(video: VideoReader, final_frame: np.ndarray, solution: Solution) -> float:
    """Share of board cells whose content over the last frames matches the goal board.

    A cell matches when its clearly differing pixels are a small share of what is drawn there (the tile,
    against the board colour), so resampling at another resolution or a colour drift (mapped onto ours by
    a bounded per-channel gain and offset) does not count as a wrong tile.
    """
    layout = GridLayout(**solution.layout)
    clip = working_clip(video)
    size = clip.frames.shape[1]
    boxes = [scale_box(layout.cell_box(cell, inset=2), size / FRAME_SIZE)
             for cell in np.ndindex(layout.rows, layout.cols)]
    # Colours mapped onto ours first (a darker or tinted video shows the same board), then blurred twice as
    # much as figures (tiles are small and edged), so a resampled board still matches.
    reference = resize_frame(final_frame, size)
    last = match_colours(clip.frames[-3:], *colour_fit(clip.frames[-1], reference))
    goal = soften(reference, strength=2.0)
    mismatch = box_mismatch(soften(last, strength=2.0), goal, boxes).mean(axis=0)
    board = np.asarray(solution.blank_color, dtype=np.int16)
    drawn = np.array([max(0.05, drawn_share(goal[top:bottom, left:right], board)) for left, top, right, bottom in boxes])
    return float((mismatch / drawn <= CELL_MATCH).mean())


def placed(state: tuple[int, ...], goal: tuple[int, ...]) -> int:
    """How many tiles of ``state`` stand where the goal has them."""
    return sum(a == b for a, b in zip(state, goal, strict=True) if b)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-47 against the sample's start board, goal and optimal move count."""
    solution = Solution.model_validate(sample.solution)
    layout = GridLayout(**solution.layout)
    start_cell, goal_cell = solution.blank_path[0], solution.blank_path[-1]
    clip = video.clip(fps=JUDGE_FPS)
    track = agent_cells_by_centre(clip, layout, solution.blank_color, tolerance=60.0) if clip.ok else []
    verdict = walk_verdict(track, start_cell, goal_cell, set(), solution.optimal_moves)
    if verdict is None:
        return Score.zero("the empty space is never seen", visible=0.0)
    cells = [tuple(cell) for cell in collapse(track)]
    start_state, goal = tuple(solution.start_state), tuple(solution.goal_state)
    reached = replay(start_state, layout.rows, cells) if cells[0] == start_cell else start_state
    solved = reached == goal
    placed_at_start = placed(start_state, goal)
    progress = max(0.0, (placed(reached, goal) - placed_at_start) / max(1, len(goal) - 1 - placed_at_start))
    verdict.note("solved", float(solved))
    verdict.note("progress", progress)
    if solved:
        matches = cells_matching_goal(video, sample.final_frame, solution)
        verdict.part("board_matches_goal", matches,
                     unless=f"{1 - matches:.0%} of the cells do not show the goal board at the end")
    else:
        verdict.part("board_matches_goal", UNSOLVED_CREDIT * progress,
                     unless=f"the legal slides shown do not solve the puzzle ({progress:.0%} of the misplaced "
                            "tiles put right)")
    return verdict.score(ok=f"solved in {solution.optimal_moves} legal slides")
