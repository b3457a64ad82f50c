"""Size rules of a figure sequence, and the solver that picks the candidate that continues it.

A sequence shows ``length`` figures of one kind; their nominal radii follow a rule:

- ``increasing``: each figure is ``ratio`` times the one before (a geometric progression);
- ``large_small``: large, small, large, … (large = ``ratio`` × small);
- ``small_large``: small, large, small, … .

The solver infers the next radius from the shown radii alone (the rule names the pattern, the radii give
its values) and returns the one candidate of the sequence's kind whose radius matches it; an instance where
no candidate or more than one candidate could be read as the answer is rejected by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

SizeRule = Literal["increasing", "large_small", "small_large"]
RULES: tuple[str, ...] = ("increasing", "large_small", "small_large")
# A candidate of the right kind matches the predicted radius within this share; any other candidate of the
# right kind must differ from it by at least MIN_CONTRAST (as a radius ratio) to be told apart at a glance.
MATCH_TOLERANCE = 0.04
MIN_CONTRAST = 1.15


def sequence_radii(rule: str, length: int, small: float, ratio: float) -> list[float]:
    """``length + 1`` nominal radii of a sequence under ``rule``: the shown figures, then the answer's.

    ``small`` is the smallest radius, ``ratio`` (> 1) the growth per step (``increasing``) or the large-to-small
    ratio (alternating rules). Raises ``ValueError`` on an unknown rule, ``length`` < 2 or ``ratio`` ≤ 1.
    """
    if rule not in RULES:
        raise ValueError(f"unknown size rule {rule!r}; known: {', '.join(RULES)}")
    if length < 2 or ratio <= 1:
        raise ValueError(f"need length ≥ 2 and ratio > 1, got length={length}, ratio={ratio}")
    if rule == "increasing":
        return [small * ratio**k for k in range(length + 1)]
    first_large = rule == "large_small"
    return [small * ratio if (k % 2 == 0) == first_large else small for k in range(length + 1)]


def predict_next(rule: str, shown: Sequence[float]) -> float:
    """The radius that continues ``shown`` (at least two radii) under ``rule``.

    ``increasing``: the last radius times the last step's ratio; alternating rules: the radius two places back.
    """
    if rule not in RULES:
        raise ValueError(f"unknown size rule {rule!r}; known: {', '.join(RULES)}")
    if len(shown) < 2:
        raise ValueError(f"a sequence needs at least two figures to continue, got {len(shown)}")
    if rule == "increasing":
        return shown[-1] * shown[-1] / shown[-2]
    return shown[-2]


def choose(rule: str, kind: str, shown: Sequence[float], candidates: Sequence[tuple[str, float]]) -> int:
    """Index of the candidate (kind, radius) that continues the sequence of ``kind`` figures of radii ``shown``.

    Raises ``ValueError`` naming the problem when no candidate matches, when several do, or when another
    candidate of the right kind is within :data:`MIN_CONTRAST` of the predicted radius (too close to tell).
    """
    predicted = predict_next(rule, shown)
    same_kind = [k for k, (candidate_kind, _) in enumerate(candidates) if candidate_kind == kind]
    matches = [k for k in same_kind if abs(candidates[k][1] / predicted - 1) <= MATCH_TOLERANCE]
    if len(matches) != 1:
        raise ValueError(f"{len(matches)} candidates match the predicted {kind} of radius {predicted:.1f}; need one")
    close = [k for k in same_kind if k != matches[0]
             and max(candidates[k][1], predicted) / min(candidates[k][1], predicted) < MIN_CONTRAST]
    if close:
        raise ValueError(f"candidates {close} are too close in size to the answer (radius {predicted:.1f})")
    return matches[0]


def wrong_radii(rule: str, radii: Sequence[float]) -> list[float]:
    """Radii a careless reader of the sequence ``radii`` (shown figures then the answer) might pick instead,
    the most telling first (a scene always offers it, so "the largest" or "the other size" is never enough):
    ``increasing``: one step too far, the last shown size again, the first size; alternating: the last shown
    size again (the pattern not continued) and a size halfway between the two (geometric mean)."""
    shown, answer = radii[:-1], radii[-1]
    if rule == "increasing":
        return [answer * answer / shown[-1], shown[-1], shown[0]]
    return [shown[-1], (shown[-1] * answer) ** 0.5]
