"""judge.order: when each change happens, and whether several happen one at a time."""

from __future__ import annotations

import numpy as np
from vbvr_core.judge.order import change_span, longest_run, one_after_another


def ramp(start: int, end: int, frames: int = 20) -> np.ndarray:
    """A change going 0 → 1 linearly from frame ``start`` to frame ``end``, held before and after."""
    return np.clip((np.arange(frames) - start) / (end - start), 0.0, 1.0)


def test_a_span_runs_from_a_quarter_to_three_quarters_of_the_way():
    assert change_span(ramp(4, 8)) == (5, 7)
    assert change_span(np.zeros(10)) == (10, None)  # never leaves, never arrives
    assert change_span(np.r_[np.zeros(5), np.ones(3), np.zeros(2)])[1] is None  # goes back: has not arrived


def test_an_unreadable_frame_counts_as_left_but_not_as_arrived():
    share = np.array([0.0, np.nan, 0.5, 1.0, np.nan])
    assert change_span(share) == (1, None)
    assert change_span(share[:4]) == (1, 3)


def test_changes_one_after_another_are_counted_and_a_cut_or_cross_fade_is_not():
    sequential = [change_span(ramp(2 + 5 * k, 5 + 5 * k)) for k in range(3)]
    assert one_after_another(sequential) == 2
    together = [change_span(ramp(4, 12)) for _ in range(3)]  # a cross-fade: every change at once
    assert one_after_another(together) == 0
    overlapping = [change_span(ramp(2, 10)), change_span(ramp(4, 14))]  # the second leaves before the first arrived
    assert one_after_another(overlapping) == 0


def test_longest_run():
    assert longest_run([False, True, True, False, True]) == 2
    assert longest_run([]) == 0
