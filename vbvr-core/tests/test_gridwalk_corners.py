"""The gridwalk tracker's corner rule: a two-cell hop round a corner is bridged through the corner cell nearer the
midpoint of the agent's two sightings when its centres are given (``bridge_short_jumps`` with ``centres``,
``agent_sightings``); straight hops, longer jumps and blocked corners as without centres."""

from __future__ import annotations

import numpy as np
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.track import agent_cells_by_centre, agent_sightings, bridge_short_jumps
from vbvr_core.media.video import VideoClip

GRID = GridLayout(rows=6, cols=6, cell=64, left=64, top=64)


def at(cell, dx=0.0, dy=0.0):
    """The agent's centre in ``cell``, moved by (dx, dy) cells from the cell's centre."""
    x, y = GRID.cell_center(cell)
    return (x + dx * GRID.cell, y + dy * GRID.cell)


def bridge(sightings, blocked=frozenset()):
    cells = [None if s is None else s[0] for s in sightings]
    return bridge_short_jumps(cells, set(blocked), [None if s is None else s[1] for s in sightings], GRID)


def test_the_corner_nearer_the_midpoint_is_crossed():
    # leaving (3, 1) to the right and entering (2, 2) from below: through (3, 2), not the row-first (2, 1)
    right_then_up = [((3, 1), at((3, 1), dx=0.3)), ((2, 2), at((2, 2), dy=0.2))]
    assert bridge(right_then_up) == [(3, 1), (3, 2), (2, 2)]
    assert bridge_short_jumps([(3, 1), (2, 2)], set()) == [(3, 1), (2, 1), (2, 2)]  # without centres: row first
    # leaving upwards and entering from the left: through (2, 1)
    assert bridge([((3, 1), at((3, 1), dy=-0.3)), ((2, 2), at((2, 2), dx=-0.2))]) == [(3, 1), (2, 1), (2, 2)]
    # the same on the other diagonal, with unseen frames in between (they stay None)
    assert bridge([((1, 4), at((1, 4), dx=-0.3)), None, ((2, 3), at((2, 3), dy=-0.2))]) == \
        [(1, 4), None, (1, 3), (2, 3)]


def test_a_blocked_corner_is_never_crossed_and_a_tie_takes_the_row_first():
    right_then_up = [((3, 1), at((3, 1), dx=0.3)), ((2, 2), at((2, 2), dy=0.2))]
    assert bridge(right_then_up, blocked={(3, 2)}) == [(3, 1), (2, 1), (2, 2)]
    assert bridge(right_then_up, blocked={(3, 2), (2, 1)}) == [(3, 1), (2, 2)]
    assert bridge([((3, 1), at((3, 1))), ((2, 2), at((2, 2)))]) == [(3, 1), (2, 1), (2, 2)]


def test_straight_hops_and_longer_jumps_are_as_without_centres():
    for track in ([(2, 0), None, (4, 0)], [(2, 0), (2, 2)], [(2, 0), (2, 3)], [(0, 0), (2, 1)], [(1, 1), (1, 1)]):
        sightings = [None if cell is None else (cell, at(cell, dx=0.2, dy=-0.1)) for cell in track]
        for blocked in (set(), {(3, 0), (2, 1)}):
            assert bridge(sightings, blocked) == bridge_short_jumps(track, blocked)
    assert bridge([((2, 0), at((2, 0))), None, ((4, 0), at((4, 0)))]) == [(2, 0), None, (3, 0), (4, 0)]
    assert bridge([((2, 0), at((2, 0))), ((2, 3), at((2, 3)))]) == [(2, 0), (2, 3)]


def test_sightings_give_the_cells_of_agent_cells_by_centre_and_the_centre_on_the_scaled_grid():
    frames = np.zeros((3, 256, 256, 3), np.uint8)
    frames[0, 110:130, 60:80] = (255, 128, 0)  # centre (70, 120) on the grid scaled to 256: cell (2, 1)
    frames[2, 40:60, 150:170] = (255, 128, 0)
    clip = VideoClip(frames=frames, fps=12.0)
    seen = agent_sightings(clip, GRID, (255, 128, 0))
    assert [None if s is None else s[0] for s in seen] == agent_cells_by_centre(clip, GRID, (255, 128, 0))
    assert seen[1] is None and seen[0][0] == (2, 1) == GRID.scaled(0.5).cell_at(*seen[0][1])
    assert 60 <= seen[0][1][0] <= 80 and 110 <= seen[0][1][1] <= 130  # a point of the patch, in clip pixels
