"""Sequences that repeat a cycle: building one, and reading its cycle back from the elements shown.

Used by tasks whose answer continues a repeating row (colours, shapes, arrow directions): the row shows a cycle
repeated, and the element that comes next is the one a period back — provided the row shows its cycle repeating.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def repeat_cycle(cycle: Sequence[T], length: int) -> list[T]:
    """``length`` elements repeating ``cycle`` from its start."""
    return [cycle[k % len(cycle)] for k in range(length)]


def minimal_period(elements: Sequence[object]) -> int:
    """The smallest p such that every element equals the one p places before it (``len(elements)`` when nothing
    repeats, so a row shows its cycle repeating exactly when the result is below its length)."""
    for period in range(1, len(elements) + 1):
        if all(elements[k] == elements[k - period] for k in range(period, len(elements))):
            return period
    return len(elements)
