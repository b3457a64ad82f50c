"""Tracking a grid agent in fast or low-frame-rate videos without misreading them as jumps.

One tracker: :func:`densest_points` finds, per frame, the centre of the densest patch of a colour (a box
filter about the object's size; noise never forms a dense patch), so the agent is seen in every frame,
even half-way between two cells. :func:`agent_cells_by_centre` puts that centre in a grid cell.

A model that walks a long corridor quickly, or a video resampled to few frames, can show the agent
two cells further on in the next frame. When the two-cell jump is straight and the cell jumped over
is passable, or is a turn round a corner with a passable corner cell, the agent must have crossed
that cell: :func:`bridge_short_jumps` writes it into the track. Longer jumps and jumps that could only
have crossed blocked cells stay jumps (and cost continuity in :func:`vbvr_core.families.gridwalk.judge.judge_walk`).
Which corner a hop round a corner crossed is read, when the agent's centres are given
(:func:`agent_sightings`), from where the agent was seen: the corner cell nearer the midpoint of the two
sightings (a walk that leaves a cell sideways and enters the next from below is seen on that side of the corner).

:func:`track_walk` is what a grid-walk scorer calls: the video read once at :data:`JUDGE_FPS` (whatever its
own frame rate), the agent's cell per frame, short jumps bridged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import cv2
import numpy as np

from vbvr_core.contract.geometry import Cell, Point
from vbvr_core.draw import GridLayout
from vbvr_core.judge.masks import color_mask
from vbvr_core.media.video import JUDGE_FPS, VideoClip, VideoReader

#: frames a second a walk is judged at: every cell of a walk at any sensible pace is seen (two-cell hops bridged)


def densest_points(frames: np.ndarray, color: Sequence[int], side: int, tolerance: float = 80.0,
                   min_density: float = 0.5) -> list[Point | None]:
    """Per frame, the (x, y) centre of the densest ``side``-pixel-wide window of pixels near ``color``.

    None where no window is at least ``min_density`` full (the object is absent, or the frame is noise).
    """
    side = max(2, int(side))
    points: list[Point | None] = []
    for mask in color_mask(frames, color, tolerance):
        density = cv2.blur(mask.astype(np.float32), (side, side))
        y, x = np.unravel_index(int(density.argmax()), density.shape)
        points.append((float(x) + 0.5, float(y) + 0.5) if density[y, x] >= min_density else None)
    return points


def agent_sightings(clip: VideoClip, layout: GridLayout, color: Sequence[int], tolerance: float = 80.0,
                    window: float = 0.4, min_density: float = 0.5) -> list[tuple[Cell, Point] | None]:
    """Per frame, the agent's cell and the centre it was found at (clip pixels): the centre of the densest
    ``window``-cell-wide patch of ``color`` inside the grid (what lies around the grid is never the agent, even
    where it has the agent's colour), and the cell under it.

    None where no patch reaches ``min_density``. ``layout`` is the grid on the 512² canvas; it is scaled to
    the clip (``layout.scaled(width / 512)`` is the grid the centres lie on).
    """
    scaled = layout.scaled(clip.frames.shape[2] / 512)
    left, top, right, bottom = scaled.box
    inside = clip.frames[:, max(0, top):bottom, max(0, left):right]
    found: list[tuple[Cell, Point] | None] = []
    for point in densest_points(inside, color, round(scaled.cell * window), tolerance, min_density):
        centre = None if point is None else (point[0] + max(0, left), point[1] + max(0, top))
        cell = None if centre is None else scaled.cell_at(*centre)
        found.append(None if cell is None else (cell, centre))
    return found


def agent_cells_by_centre(clip: VideoClip, layout: GridLayout, color: Sequence[int], tolerance: float = 80.0,
                          window: float = 0.4, min_density: float = 0.5) -> list[Cell | None]:
    """Per frame, the cell of :func:`agent_sightings` (None where the agent is not seen)."""
    return [None if seen is None else seen[0]
            for seen in agent_sightings(clip, layout, color, tolerance, window, min_density)]


def bridge_short_jumps(track: Sequence[Cell | None], blocked: set[Cell], centres: Sequence[Point | None] | None = None,
                       grid: GridLayout | None = None) -> list[Cell | None]:
    """``track`` with the crossed cell written in before every two-cell jump that could only have passed
    through one unblocked cell (straight: the middle; round a corner: an unblocked corner cell). Frames without
    a sighting stay None.

    Round a corner the crossed cell is the first unblocked corner cell (the row first), unless ``centres`` (the
    agent's centre per frame of ``track``, on ``grid``: what :func:`agent_sightings` gives) are given: then it is
    the unblocked corner cell whose centre is nearer the midpoint of the two sightings (the row first on a tie).
    """
    out: list[Cell | None] = []
    previous: Cell | None = None
    last_centre: Point | None = None
    for index, cell in enumerate(track):
        if cell is not None and previous is not None:
            d_row, d_col = int(cell[0]) - previous[0], int(cell[1]) - previous[1]
            if abs(d_row) + abs(d_col) == 2:
                if d_row == 0 or d_col == 0:
                    options = [(previous[0] + d_row // 2, previous[1] + d_col // 2)]
                else:
                    options = [(previous[0] + d_row, previous[1]), (previous[0], previous[1] + d_col)]
                options = [option for option in options if option not in blocked]
                if len(options) == 2 and centres is not None and grid is not None:
                    centre = centres[index]
                    middle = ((centre[0] + last_centre[0]) / 2, (centre[1] + last_centre[1]) / 2)
                    options = [min(options, key=lambda option: math.dist(grid.cell_center(option), middle))]
                if options:
                    out.append(options[0])
        out.append(cell)
        if cell is not None:
            previous = (int(cell[0]), int(cell[1]))
            last_centre = None if centres is None else centres[index]
    return out


def track_walk(video: VideoReader, layout: GridLayout, color: Sequence[int], blocked: set[Cell],
               tolerance: float = 80.0) -> list[Cell | None]:
    """The agent's cell per frame of ``video`` read at :data:`JUDGE_FPS`, with short jumps over passable
    cells bridged (``blocked`` cells are never crossed; a hop round a corner goes through the corner nearer the
    midpoint of the agent's two sightings, the corner it turned round: :func:`bridge_short_jumps`). An unreadable
    video gives an empty track."""
    clip = video.clip(fps=JUDGE_FPS)
    if not clip.ok:
        return []
    seen = agent_sightings(clip, layout, color, tolerance)
    return bridge_short_jumps([None if s is None else s[0] for s in seen], blocked,
                              [None if s is None else s[1] for s in seen], layout.scaled(clip.frames.shape[2] / 512))
