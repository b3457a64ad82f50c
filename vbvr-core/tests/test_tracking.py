"""tracking.judge: one_at_a_time_part (changes one after another earn the part in full, changes all at once none)
and arrivals_in_turn_part (the same over the changes that arrived)."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.tracking.judge import arrivals_in_turn_part, one_at_a_time_part
from vbvr_core.judge.verdict import Verdict


def _ramp(start: int, end: int, length: int = 12) -> np.ndarray:
    return np.clip((np.arange(length) - start) / max(1, end - start), 0.0, 1.0)


def test_one_after_another_scores_full() -> None:
    verdict = Verdict()
    one_at_a_time_part(verdict, [_ramp(1, 3), _ramp(4, 6), _ramp(7, 9)], "switches")
    score = verdict.score(ok="ok")
    assert score.parts["one_at_a_time"] == 1.0 and score.reason == "ok"


def test_all_at_once_scores_zero_with_reason() -> None:
    verdict = Verdict()
    one_at_a_time_part(verdict, [_ramp(2, 4), _ramp(2, 4), _ramp(2, 4)], "operations")
    score = verdict.score(ok="ok")
    assert score.parts["one_at_a_time"] == 0.0
    assert "only 0 of 2 consecutive operations run one after the other" in score.reason


def test_a_change_that_never_arrives_is_left_out() -> None:
    verdict = Verdict()
    one_at_a_time_part(verdict, [_ramp(1, 3), np.zeros(12), _ramp(6, 8)], "switches")
    assert verdict.score(ok="ok").parts["one_at_a_time"] == 0.5


def test_arrivals_in_turn_part_counts_the_arrived_changes_only() -> None:
    verdict = Verdict()
    arrivals_in_turn_part(verdict, [(1, 3), (4, 6), (7, 9)], "books go into the gaps")
    assert verdict.score(ok="ok").parts["one_at_a_time"] == 1.0
    together = Verdict()
    arrivals_in_turn_part(together, [(2, 5), (2, 5), (6, 8)], "books go into the gaps")
    score = together.score(ok="ok")
    assert score.parts["one_at_a_time"] == 0.5
    assert "books go into the gaps at the same time, not one after another" in score.reason
    single = Verdict()
    arrivals_in_turn_part(single, [(3, 6)], "clusters are absorbed")
    assert single.score(ok="ok").parts["one_at_a_time"] == 1.0
