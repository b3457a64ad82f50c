"""O-36 scorer: do the blocks end in the shifted cells, and did they get there by sliding together?

The video is read at :data:`JUDGE_FPS` frames a second at 256², whatever its own rate and size.

- final cells: which cells the block colour fills (≥ half of a cell's interior) in the last frame,
  against the expected cells: Jaccard², so a wrong direction or step count keeps little;
- process: in every frame the block-colour mask is matched against the starting layout moved
  ``k`` cells along the asked direction, ``k`` in quarter steps from 0 to ``steps`` + 1; a frame whose best
  match has IoU < 0.5 is *unmatched* (blocks deformed, vanished, moved apart or the wrong way). The
  process score is the share of half-step waypoints (0.5, 1, …, steps − 0.5) some matched frame passes
  within a quarter cell (``vbvr_core.judge.motion.progress_coverage`` of the matched offsets), times the share of
  matched frames: a cut straight to the end passes none.

value = final · (0.1 + 0.9 · process): the right end state without the slide keeps 0.1.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.judge.masks import box_coverage, color_mask, mask_iou
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.judge.track import argmax_track
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_o36_grid_shift.generator import BLOCK_PADDING, Solution, overlap, shifted

MIN_IOU = 0.5
END_STATE_WEIGHT = 0.1


def block_interior(layout: GridLayout, cell: tuple[float, float]) -> tuple[int, int, int, int]:
    """Pixel box (left, top, right, bottom) of the inside of a block standing at (possibly fractional) ``cell``:
    the cell's box less ``BLOCK_PADDING`` of a cell and a tenth of a cell (at least 1 px) on each side, rounded."""
    x0, y0, x1, y1 = layout.cell_box(cell, layout.cell * BLOCK_PADDING + max(1, layout.cell // 10))
    return round(x0), round(y0), round(x1), round(y1)


def layout_masks(layout: GridLayout, cells, direction: str, offsets, shape) -> np.ndarray:
    """Boolean masks (len(offsets), H, W) of block interiors with the layout moved by each offset."""
    masks = np.zeros((len(offsets),) + shape, dtype=bool)
    for k, offset in enumerate(offsets):
        for cell in shifted(cells, direction, offset):
            x0, y0, x1, y1 = block_interior(layout, cell)
            masks[k, max(0, y0) : y1, max(0, x0) : x1] = True
    return masks


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-36 against the sample's blocks, direction and steps."""
    solution = Solution.model_validate(sample.solution)
    frames = video.clip(fps=JUDGE_FPS).frames
    layout = GridLayout(**solution.layout).scaled(frames.shape[2] / 512)
    masks = color_mask(frames, solution.block_color, 60.0)

    grid_cells = [(r, c) for r in range(layout.rows) for c in range(layout.cols)]
    coverage = box_coverage(masks[-1:], [block_interior(layout, cell) for cell in grid_cells])[0]
    end_cells = {cell for cell, share in zip(grid_cells, coverage, strict=True) if share >= 0.5}
    jaccard = overlap(end_cells, solution.targets)

    offsets = np.arange(0, 4 * (solution.steps + 1) + 1) / 4
    ideal = layout_masks(layout, solution.cells, solution.direction, offsets, masks.shape[1:])
    best = argmax_track(np.array([[mask_iou(shift, mask) for shift in ideal] for mask in masks]), MIN_IOU)
    matched = [float(offsets[k]) for k in best if k is not None]  # each matched frame's offset
    rigid = len(matched) / len(masks)
    waypoints = 2 * solution.steps - 1  # every half step between the start and the end
    shown = progress_coverage(matched, 0.0, solution.steps, checkpoints=waypoints, resolution=0.25)

    verdict = Verdict()
    verdict.part("final_cells", jaccard**2, unless=f"end cells match the shifted layout at Jaccard {jaccard:.2f}")
    verdict.part("process", END_STATE_WEIGHT + (1 - END_STATE_WEIGHT) * shown * rigid)
    if shown < 1:
        verdict.fail(f"{round(waypoints * (1 - shown))} of {waypoints} intermediate positions never shown")
    if rigid < 0.9:
        verdict.fail(f"{1 - rigid:.0%} of frames do not show the block layout rigidly shifted")
    verdict.note("waypoints", shown)
    verdict.note("rigid_frames", rigid)
    return verdict.score(ok=f"all blocks slid {solution.steps} cell(s) {solution.direction} together")
