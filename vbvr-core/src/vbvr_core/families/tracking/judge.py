"""Judging several changes a video should make one at a time (lamps switched, controls operated).

A task reads each change per judged frame as its share of the way from its start (0) to its goal (1) and leaves
the rest to :func:`one_at_a_time_part`, which times the changes with ``vbvr_core.judge.order``; a task that judges
only the changes that arrived (and judges the missing ones in a part of its own) gives their spans to
:func:`arrivals_in_turn_part`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vbvr_core.judge.order import change_span, one_after_another
from vbvr_core.judge.verdict import Verdict


def one_at_a_time_part(verdict: Verdict, shares: Sequence[np.ndarray], what: str, apart: float = 1.0) -> None:
    """Part ``one_at_a_time`` of ``verdict`` for the changes whose per-frame ``shares`` of the way (one series a
    change, NaN where unreadable) are given: the changes that arrive by the end (``change_span``), ordered by
    arrival, and how many consecutive ones run one after the other (``one_after_another`` with ``apart`` frames),
    noted as ``one_after_another``; the part is that count / (changes − 1), with the reason "only n of m
    consecutive ``what`` run one after the other" (``what``, e.g. "switches"). A cut or a cross-fade makes every
    change at once and scores 0."""
    spans = [change_span(share) for share in shares]
    apart_count = one_after_another([(a, b) for a, b in spans if b is not None], apart)
    verdict.note("one_after_another", float(apart_count))
    verdict.part("one_at_a_time", apart_count / max(1, len(shares) - 1),
                 unless=f"only {apart_count} of {len(shares) - 1} consecutive {what} run one after the other")


def arrivals_in_turn_part(verdict: Verdict, spans: Sequence[tuple[int, int]], what: str) -> None:
    """Part ``one_at_a_time`` of ``verdict`` over the changes that arrived, given as their ``(leaves, arrives)`` frame
    spans (``change_span``; ties in arrival keep the given order): how many consecutive ones run one after the other
    (``one_after_another``) / (arrived changes − 1), 1 with fewer than two; the reason "``what`` at the same time, not
    one after another" (``what``, e.g. "books go into the gaps")."""
    pairs = one_after_another(spans)
    verdict.part("one_at_a_time", 1.0 if len(spans) < 2 else pairs / (len(spans) - 1),
                 unless=f"{what} at the same time, not one after another")
