"""The gridwalk family's walks that visit chosen cells: the shared parameters, the cells to visit, the paced walk."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from pydantic import Field, ValidationError
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk import visits
from vbvr_core.families.gridwalk.draw import GridWorld


class _Params(visits.OpenGridParams):
    rows: visits.GridSide = Field(8, description="grid rows")
    cols: visits.GridSide = Field(8, description="grid columns")
    min_distance: visits.MinDistance = 4
    background: int = 0
    line_width: visits.LineWidth = 2
    frames_per_step: visits.FramesPerStep = 5


def test_open_grid_params_draw_in_declaration_order_and_grow_the_least_distance_with_the_grid():
    assert list(_Params.model_fields)[-6:] == ["rows", "cols", "min_distance", "background", "line_width", "frames_per_step"]
    for seed in range(12):
        params = _Params.draw(np.random.default_rng(seed), seed % 3)
        low, high = ((5, 6), (7, 8), (9, 10))[seed % 3]
        assert low <= params.rows <= high and low <= params.cols <= high
        assert params.min_distance == max(3, (params.rows + params.cols) // 3)
        assert 1 <= params.line_width <= 3 and 4 <= params.frames_per_step <= 6
    assert _Params.draw(np.random.default_rng(0), 0, {"min_distance": 7}).min_distance == 7
    assert _Params.model_fields["rows"].description == "grid rows"
    with pytest.raises(ValidationError):
        _Params(rows=11)
    with pytest.raises(ValidationError):
        _Params(frames_per_step=9)


def test_separate_cells_avoid_the_taken_cells_and_each_other():
    for seed in range(8):
        cells = visits.separate_cells(np.random.default_rng(seed), 6, 7, 5, [(0, 0), (5, 6)])
        assert cells is not None and len(cells) == 5
        assert all(0 <= r < 6 and 0 <= c < 7 for r, c in cells) and not {(0, 0), (5, 6)} & set(cells)
        assert all(visits.grid_distance(a, b) > 1 for a, b in itertools.combinations(cells, 2))
    # a 2×2 grid holds two cells that do not touch, never three
    assert visits.separate_cells(np.random.default_rng(0), 2, 2, 3, ()) is None
    assert visits.grid_distance((1, 2), (4, 0)) == 5
    assert sorted(visits.VERTICAL_FIRST) == sorted(visits.HORIZONTAL_FIRST) and visits.VERTICAL_FIRST != visits.HORIZONTAL_FIRST


def test_a_paced_walk_takes_fewer_frames_per_step_on_long_walks_but_never_under_the_least():
    world = GridWorld(GridLayout.fit(5, 5))
    short = [(0, 0), (0, 1), (0, 2)]
    first, final, walk = visits.paced_walk(world, (255, 140, 0), short, 6)
    frames = list(walk(short)())
    assert len(frames) == 2 * 6 + 1 and (frames[0] == first).all() and (frames[-1] == final).all()
    snake = [(r, c if r % 2 == 0 else 4 - c) for r in range(5) for c in range(5)][:21]  # 20 steps
    assert len(list(visits.paced_walk(world, (255, 140, 0), snake, 6)[2](snake)())) == 20 * 5 + 1  # 100 // 20 = 5
    assert len(list(visits.paced_walk(world, (255, 140, 0), snake, 6, budget=48)[2](snake)())) == 20 * 4 + 1  # not 2
    other = list(walk([(1, 1), (1, 2)])())
    assert len(other) == 6 + 1 and not (other[0] == first).all()
