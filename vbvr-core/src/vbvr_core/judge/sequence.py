"""Comparing a shown sequence with an expected one (states read frame by frame, runs collapsed)."""

from __future__ import annotations

from collections.abc import Sequence


def longest_common_subsequence(a: Sequence, b: Sequence) -> int:
    """Length of the longest common subsequence of ``a`` and ``b``: the most items (compared with ``==``) that
    appear in both in the same order, not necessarily next to each other (``abcde`` and ``ace`` → 3). Never raises;
    0 when either is empty. Takes ``len(a) · len(b)`` steps."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]
