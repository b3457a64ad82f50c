"""O-29_ballcolor specifications: the forced absorbing order, layouts, the scorer on near misses, the shared checks."""

from __future__ import annotations

import numpy as np
from vbvr_core.testing.contract import SampleContract
from vbvr_o29_ballcolor.generator import draw_counts, layout_problem, packing, unique_order

KEY = "O-29_ballcolor"


def test_the_absorbing_order_is_forced_or_refused():
    assert unique_order(5, [6, 2, 8]) == [1, 0, 2]  # 5 takes 2 → 7 takes 6 → 13 takes 8
    assert unique_order(5, [3, 4, 9]) is None  # two clusters smaller than A at the start
    assert unique_order(5, [5, 2, 9]) is None  # a tie with A
    assert unique_order(5, [2, 12]) is None  # 7 balls never absorb 12


def test_drawn_counts_always_force_their_order():
    rng = np.random.default_rng(3)
    for _ in range(200):
        start = int(rng.integers(3, 8))
        counts = draw_counts(rng, start, 4)
        assert unique_order(start, counts) == [0, 1, 2, 3]


def test_crowded_and_trivial_layouts_are_rejected():
    counts, order = [5, 2, 6], [1, 2]
    assert "crowd" in layout_problem([(100.0, 200.0), (110.0, 210.0), (400.0, 400.0)], counts, order, 6)
    assert "trivial" in layout_problem([(100.0, 200.0), (170.0, 200.0), (400.0, 400.0)], counts, order, 6)
    assert layout_problem([(80.0, 150.0), (260.0, 150.0), (300.0, 400.0)], counts, order, 6) is None


def test_packing_is_tight_and_centred():
    offsets = packing(19, 6)
    assert offsets.shape == (19, 2) and np.allclose(offsets.mean(axis=0), 0.0)
    gaps = np.hypot(*(offsets[:, None] - offsets[None]).transpose(2, 0, 1))
    assert gaps[~np.eye(19, dtype=bool)].min() >= 12.9


class TestContract(SampleContract):
    key = KEY
    params = {"clusters": 2, "move_frames": 8, "merge_frames": 4}
    near_misses = ("larger_first", "balls_lost")
    near_miss_max = 0.15
