"""Tracking a grid agent in fast or low-frame-rate videos without misreading them as jumps.

:func:`agent_cells_by_centre` puts the agent in the cell under the centre of its densest colour patch,
so it is seen in every frame, even half-way between two cells (``vbvr_core.families.gridwalk.judge.track_agent_cells``
asks for a fifth of a cell's interior and loses it there). Noise never forms a dense patch.

A model that walks a long corridor quickly, or a video resampled to few frames, can show the agent
two cells further on in the next frame. When the two-cell jump is straight and the cell jumped over
is passable, or is a turn round a corner with a passable corner cell, the agent must have crossed
that cell: :func:`bridge_short_jumps` writes it into the track. Longer jumps and jumps that could only
have crossed blocked cells stay jumps (and cost continuity in :func:`vbvr_core.families.gridwalk.judge.judge_walk`).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import GridLayout
from vbvr_core.judge.masks import box_coverage, color_mask
from vbvr_core.judge.track import argmax_track
from vbvr_core.media.video import VideoClip


def agent_cells_by_centre(
    clip: VideoClip,
    layout: GridLayout,
    color: Sequence[int],
    tolerance: float = 80.0,
    window: float = 0.4,
    min_density: float = 0.5,
) -> list[Cell | None]:
    """Per frame, the cell under the centre of the densest ``window``-cell-wide patch of ``color``.

    None where no patch reaches ``min_density`` (the agent is absent, or the frame is noise) or the
    centre lies outside the grid. ``layout`` is the grid on the 512² canvas; it is scaled to the clip.
    """
    scaled = layout.scaled(clip.frames.shape[2] / 512)
    side = max(2, int(round(scaled.cell * window)))
    cells: list[Cell | None] = []
    for mask in color_mask(clip.frames, color, tolerance):
        density = cv2.blur(mask.astype(np.float32), (side, side))
        y, x = np.unravel_index(int(density.argmax()), density.shape)
        cells.append(scaled.cell_at(x + 0.5, y + 0.5) if density[y, x] >= min_density else None)
    return cells


def bridge_short_jumps(track: Sequence[Cell | None], blocked: set[Cell]) -> list[Cell | None]:
    """``track`` with the crossed cell written in before every two-cell jump that could only have passed
    through one unblocked cell (straight: the middle; round a corner: the first unblocked corner cell).
    Frames without a sighting stay None.
    """
    out: list[Cell | None] = []
    previous: Cell | None = None
    for cell in track:
        if cell is not None and previous is not None:
            d_row, d_col = int(cell[0]) - previous[0], int(cell[1]) - previous[1]
            if abs(d_row) + abs(d_col) == 2:
                if d_row == 0 or d_col == 0:
                    options = [(previous[0] + d_row // 2, previous[1] + d_col // 2)]
                else:
                    options = [(previous[0] + d_row, previous[1]), (previous[0], previous[1] + d_col)]
                crossed = next((option for option in options if option not in blocked), None)
                if crossed is not None:
                    out.append(crossed)
        out.append(cell)
        if cell is not None:
            previous = (int(cell[0]), int(cell[1]))
    return out


def track_agent_cells(clip: VideoClip, layout: GridLayout, color: Sequence[int], tolerance: float = 80.0,
                      min_coverage: float = 0.2) -> list[Cell | None]:
    """Per frame, the cell whose interior the agent colour covers most (None where it is not seen).

    ``layout`` is the grid on the 512² canvas; it is scaled to the clip's size.
    """
    scaled = layout.scaled(clip.frames.shape[2] / 512)
    inset = max(1, scaled.cell // 6)
    cells = [(row, col) for row in range(scaled.rows) for col in range(scaled.cols)]
    coverage = box_coverage(color_mask(clip.frames, color, tolerance), [scaled.cell_box(cell, inset) for cell in cells])
    return [cells[k] if k is not None else None for k in argmax_track(coverage, min_coverage)]
