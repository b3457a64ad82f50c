"""Credit functions: turning a measured error into credit in [0, 1]."""

from __future__ import annotations

import numpy as np


def ramp(value: float, full: float, zero: float) -> float:
    """1 up to ``full``, 0 from ``zero`` on, linear in between (for errors where smaller is better).

    It serves rising credits too: with ``full`` > ``zero`` it is 0 up to ``zero`` and 1 from ``full`` on (for
    measures where larger is better, such as a share covered)."""
    return float(np.clip((zero - value) / (zero - full), 0.0, 1.0))


def ramps(values, full: float, zero: float, dtype=np.float64) -> np.ndarray:
    """:func:`ramp` element by element over an array of ``values`` (same shape), computed in and returned as
    ``dtype``: float64 unless given; ``np.float32`` keeps an image-sized float32 measure in float32 (its precision
    and memory). ``full`` and ``zero`` are taken as Python floats, so they never widen the type."""
    zero = float(zero)
    return np.clip((zero - np.asarray(values, dtype)) / (zero - float(full)), 0.0, 1.0)


def efficiency(optimal: float, taken: float) -> float:
    """Credit for a route of ``taken`` moves (or steps) where ``optimal`` suffice: ``optimal / taken``, at most 1; 0
    when nothing was taken (a walk that never moves is not efficient)."""
    return min(1.0, optimal / taken) if taken else 0.0
