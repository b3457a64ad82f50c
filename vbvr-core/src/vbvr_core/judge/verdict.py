"""The score builder every scorer uses: named parts in [0, 1], multiplied, with a reason for each shortfall.

::

    verdict = Verdict()
    verdict.part("start", starts, unless=f"starts on {walk[0]}, not the start {start}")
    verdict.part("efficiency", efficiency, unless=f"{taken} steps where {optimal} suffice")
    verdict.factor(0.3, when=entered, reason=f"enters forbidden cells {entered}")   # a penalty, not a part
    verdict.note("visible", visible)                                                  # reported, not scored
    return verdict.score(ok="optimal walk")

The value is the product of the parts (and of the factors that applied); the reason lists what fell short,
in the order the checks were made, or ``ok`` when nothing did.
"""

from __future__ import annotations

import math

from vbvr_core.contract import Score


class Verdict:
    """Collects a scorer's parts and reasons; :meth:`score` assembles the :class:`Score`."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self.factors: list[float] = []
        self.reasons: list[str] = []
        self.noted: set[str] = set()

    def part(self, name: str, value: float, unless: str | None = None, full: float = 1.0) -> float:
        """Record part ``name`` (clamped to [0, 1]); below ``full`` its reason ``unless`` is given. Returns it."""
        value = min(1.0, max(0.0, float(value)))
        self.parts[name] = value
        if value < full and unless:
            self.reasons.append(unless)
        return value

    def factor(self, value: float, when: bool, reason: str) -> None:
        """Multiply the score by ``value`` when ``when`` holds (a penalty), giving ``reason``."""
        if when:
            self.factors.append(value)
            self.reasons.append(reason)

    def note(self, name: str, value: float) -> None:
        """Report ``name`` among the parts without scoring it (how visible something was, a measurement)."""
        self.parts[name] = float(value)
        self.noted.add(name)

    def fail(self, reason: str) -> None:
        """Record a reason that is not tied to one part (the part carrying it is recorded separately)."""
        self.reasons.append(reason)

    def score(self, ok: str) -> Score:
        """The product of the parts recorded with :meth:`part` and of the applied factors, with the shortfalls
        as the reason, or ``ok`` when there were none."""
        scored = [value for name, value in self.parts.items() if name not in self.noted]
        value = math.prod(scored) * math.prod(self.factors)
        return Score(value=min(1.0, max(0.0, value)), parts=dict(self.parts), reason="; ".join(self.reasons) or ok)
