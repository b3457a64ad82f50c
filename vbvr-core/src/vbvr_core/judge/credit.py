"""Credit functions: turning a measured error into credit in [0, 1]."""

from __future__ import annotations

import numpy as np


def ramp(value: float, full: float, zero: float) -> float:
    """1 up to ``full``, 0 from ``zero`` on, linear in between (for errors where smaller is better)."""
    return float(np.clip((zero - value) / (zero - full), 0.0, 1.0))
