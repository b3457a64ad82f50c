"""G-16 scorer: the gridwalk family's walk judge (``vbvr_core.families.gridwalk.judge.walk_verdict``: steps against
the optimal walk through the blocks) times (blocks passed before the agent first reaches the goal / blocks)².
Any equally short walk through the blocks keeps full marks; a walk that skips the only block scores 0, one that
skips one of two keeps at most a quarter.

The agent is tracked as the family tracks it (its densest patch per frame at ``TRACK_FPS``, two-cell hops bridged),
except for which cell a hop round a corner crossed: a fast or eased walk can be seen on one side of a block and
then on the other, and the family's bridge takes the first open corner cell, whichever the agent went through.
Here the crossed corner is the one nearer the midpoint of the two sightings (the agent's centres, not their
cells): a walk that leaves a cell sideways and enters the next from below is seen, before and after, on the side
of the corner it turned round.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from vbvr_core.contract import Cell, Point, SampleRef, Score
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import first_passes, walk_verdict
from vbvr_core.families.gridwalk.track import TRACK_FPS, densest_points
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoClip, VideoReader

from vbvr_g16_grid_go_through_block.generator import Solution

WINDOW = 0.4  # the patch the agent is looked for in, in cells (the family tracker's)


def sightings(clip: VideoClip, grid: GridLayout, color: Sequence[int]) -> list[tuple[Cell, Point] | None]:
    """Per frame, the agent's cell and centre (clip pixels), None where it is not seen: the family's
    ``agent_cells_by_centre`` keeping the centre it finds (``grid``: the layout scaled to the clip)."""
    left, top, right, bottom = grid.box
    inside = clip.frames[:, max(0, top):bottom, max(0, left):right]
    found: list[tuple[Cell, Point] | None] = []
    for point in densest_points(inside, color, round(grid.cell * WINDOW)):
        centre = None if point is None else (point[0] + max(0, left), point[1] + max(0, top))
        cell = None if centre is None else grid.cell_at(*centre)
        found.append(None if cell is None else (cell, centre))
    return found


def bridged(seen: Sequence[tuple[Cell, Point] | None], grid: GridLayout) -> list[Cell | None]:
    """The cell track with the crossed cell written in before every two-cell hop (the grid is open): straight,
    the middle; round a corner, the corner cell whose centre is nearer the midpoint of the two sightings (the
    family's choice, row first, on a tie)."""
    out: list[Cell | None] = []
    previous: tuple[Cell, Point] | None = None
    for sighting in seen:
        if sighting is not None and previous is not None:
            (row, col), point = sighting
            (last_row, last_col), last_point = previous
            d_row, d_col = row - last_row, col - last_col
            if abs(d_row) + abs(d_col) == 2:
                if d_row == 0 or d_col == 0:
                    out.append((last_row + d_row // 2, last_col + d_col // 2))
                else:
                    middle = ((point[0] + last_point[0]) / 2, (point[1] + last_point[1]) / 2)
                    corners = [(last_row + d_row, last_col), (last_row, last_col + d_col)]
                    out.append(min(corners, key=lambda corner: math.dist(grid.cell_center(corner), middle)))
        out.append(None if sighting is None else sighting[0])
        if sighting is not None:
            previous = ((int(sighting[0][0]), int(sighting[0][1])), sighting[1])
    return out


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-16 against the sample's grid, start, blocks and goal."""
    s = Solution.model_validate(sample.solution)
    clip = video.clip(fps=TRACK_FPS)
    grid = GridLayout(**s.layout).scaled(clip.frames.shape[2] / 512) if clip.ok else None
    track = bridged(sightings(clip, grid, s.agent_color), grid) if grid else []
    verdict = walk_verdict(track, s.start, s.goal, set(), s.optimal_steps)
    if verdict is None:
        return Score.zero("the agent is never visible", visible=0.0)
    passed, total = len(first_passes(collapse(track), s.blocks, s.goal)), len(s.blocks)
    verdict.part("blocks", (passed / total) ** 2, unless=f"{total - passed} of {total} blocks not passed before the goal")
    return verdict.score(ok=f"through every block to the goal in {s.optimal_steps} steps")
