"""When each of several changes happens in a video, and whether they happen one at a time.

A *change* (a lamp switching, an object removed, a control set) is read per judged frame as its ``share`` of the
way from its start (0) to its goal (1); NaN where it cannot be read (a slider's knob lost), which counts as having
left the start but not as having arrived.

- :func:`change_span`: the frame where a change leaves its start (``leaves`` of the way) and the one from which it
  stays arrived (``arrives`` of the way) to the end;
- :func:`one_after_another`: how many consecutive changes, ordered by when they arrive, run one after the other —
  a cut or a cross-fade to the answer makes them all happen together;
- :func:`longest_run`: the longest run of frames a condition holds (a flicker of one frame is forgiven by callers).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LEAVES, ARRIVES = 0.25, 0.75


def change_span(share: np.ndarray, leaves: float = LEAVES, arrives: float = ARRIVES) -> tuple[int, int | None]:
    """(first frame at or past ``leaves`` of the way or unreadable, first frame from which it stays at or past
    ``arrives``); the second is None when the change has not arrived by the last frame."""
    share = np.asarray(share, dtype=np.float64)
    left = np.nonzero(np.isnan(share) | (np.nan_to_num(share) >= leaves))[0]
    start = int(left[0]) if len(left) else len(share)
    away = np.nonzero(~(np.nan_to_num(share, nan=-1.0) >= arrives))[0]
    end = 0 if len(away) == 0 else int(away[-1]) + 1
    return start, (end if end < len(share) else None)


def one_after_another(spans: Sequence[tuple[int, int]], apart: float = 1.0) -> int:
    """How many consecutive changes (``(start, end)`` spans ordered by end) run one after the other: the later one
    leaves its start no earlier than the earlier one arrived, and arrives at least ``apart`` frames later."""
    ordered = sorted(spans, key=lambda span: span[1])
    return sum(1 for (_, end_a), (start_b, end_b) in zip(ordered, ordered[1:], strict=False)
               if start_b >= end_a and end_b - end_a >= apart)


def longest_run(mask: Sequence[bool]) -> int:
    """The longest run of True in ``mask``."""
    best = run = 0
    for value in mask:
        run = run + 1 if value else 0
        best = max(best, run)
    return best
