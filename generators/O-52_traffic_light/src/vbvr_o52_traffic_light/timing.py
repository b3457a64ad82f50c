"""The timing rule of two opposite traffic lights, second by second.

Light A starts red with countdown ``a`` (≥ 1); light B starts green with countdown ``b`` (0 = none shown).
Each second every running countdown goes down by one. When one reaches 0, both lights switch (A green,
B red) and both countdowns go dark; nothing changes after that.
"""

from __future__ import annotations

from typing import NamedTuple


class LightsState(NamedTuple):
    """What the scene shows: each light's colour and countdown (None = dark display)."""

    a_color: str
    b_color: str
    a_count: int | None
    b_count: int | None


def switch_time(a: int, b: int) -> int:
    """Seconds until the first running countdown reaches zero."""
    return min(a, b) if b > 0 else a


def states(a: int, b: int, seconds: int) -> list[LightsState]:
    """The state at each whole second 0..``seconds``."""
    switch = switch_time(a, b)
    return [LightsState("red", "green", a - t, b - t if b > 0 else None) if t < switch
            else LightsState("green", "red", None, None) for t in range(seconds + 1)]
