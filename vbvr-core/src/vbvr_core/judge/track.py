"""Turning per-frame measurements into tracks: the best box per frame, runs collapsed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def argmax_track(coverage: np.ndarray, threshold: float) -> list[int | None]:
    """Per frame, the index of the box with the highest coverage, or None when none reaches ``threshold``."""
    best = coverage.argmax(axis=1)
    return [int(b) if coverage[t, b] >= threshold else None for t, b in enumerate(best)]


def collapse(track: Sequence[object]) -> list[object]:
    """Drop Nones and consecutive repeats: [a, a, None, b, b, a] → [a, b, a]."""
    out: list[object] = []
    for item in track:
        if item is not None and (not out or out[-1] != item):
            out.append(item)
    return out
