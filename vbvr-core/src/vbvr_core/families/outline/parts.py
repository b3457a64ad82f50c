"""The score parts of a line drawn along an answer's boundary (an outline, a border, a constructed segment):
how much of the line follows the boundary, and how much of the boundary it traces."""

from __future__ import annotations

from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict

# Share of the line's pixels near the answer's boundary: full credit from FOLLOW_FULL, none below FOLLOW_ZERO.
FOLLOW_FULL, FOLLOW_ZERO = 0.85, 0.6
# Share of the answer's boundary the line runs along: full credit from TRACED_FULL, none below TRACED_ZERO
# (every legitimate rendering of a whole outline runs along all of it; one stopped at 85 % is not an outline).
TRACED_FULL, TRACED_ZERO = 0.95, 0.85


def follows_and_traced(verdict: Verdict, follows: float, traced: float, astray: str, short: str) -> None:
    """Add to ``verdict`` the notes ``follows_share`` and ``traced_share`` and the parts ``follows`` (the share of
    the drawn line along the answer's boundary, e.g. from :func:`~vbvr_core.families.outline.judge.outline_shares`,
    ramped from :data:`FOLLOW_ZERO` to :data:`FOLLOW_FULL`; reason ``astray``) and ``traced`` (the share of the
    boundary the line runs along, ramped from :data:`TRACED_ZERO` to :data:`TRACED_FULL`; reason ``short``)."""
    verdict.note("follows_share", follows)
    verdict.note("traced_share", traced)
    verdict.part("follows", ramp(-follows, -FOLLOW_FULL, -FOLLOW_ZERO), unless=astray)
    verdict.part("traced", ramp(-traced, -TRACED_FULL, -TRACED_ZERO), unless=short)
