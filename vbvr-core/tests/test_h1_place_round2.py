"""gridwalk.place.pick_cells (issue 14, round 2): distinct cells drawn by one rng.choice, sorted."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.gridwalk.place import pick_cells


def test_pick_cells_draws_distinct_cells_sorted_from_one_choice():
    cells = [(r, c) for r in range(4) for c in range(5) if (r, c) != (0, 0)]
    picked = pick_cells(np.random.default_rng(3), cells, 6)
    assert len(set(picked)) == 6 and set(picked) <= set(cells) and picked == sorted(picked)
    picks = np.random.default_rng(3).choice(len(cells), size=6, replace=False)
    assert picked == sorted(cells[int(k)] for k in picks)
    assert pick_cells(np.random.default_rng(3), cells, 0) == []
