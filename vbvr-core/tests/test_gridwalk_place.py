"""Issue 14, round 2: gridwalk.place.pick_cells (distinct cells drawn by one rng.choice, sorted) and
gridwalk.visits.require_route (no walk, or one too long, is rejected)."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.gridwalk.place import pick_cells
from vbvr_core.families.gridwalk.visits import require_route
from vbvr_core.pipeline.generator import Reject


def test_pick_cells_draws_distinct_cells_sorted_from_one_choice():
    cells = [(r, c) for r in range(4) for c in range(5) if (r, c) != (0, 0)]
    picked = pick_cells(np.random.default_rng(3), cells, 6)
    assert len(set(picked)) == 6 and set(picked) <= set(cells) and picked == sorted(picked)
    picks = np.random.default_rng(3).choice(len(cells), size=6, replace=False)
    assert picked == sorted(cells[int(k)] for k in picks)
    assert pick_cells(np.random.default_rng(3), cells, 0) == []


def test_require_route_rejects_no_walk_and_a_walk_longer_than_max_route():
    walk = [(0, 0), (0, 1), (0, 2), (1, 2)]
    require_route(walk, 3, "no walk")  # exactly max_route steps passes
    with pytest.raises(Reject, match="unsolvable: no walk"):
        require_route(None, 3, "no walk")
    with pytest.raises(Reject, match="walk of 3 cells exceeds max_route=2"):
        require_route(walk, 2, "no walk")
