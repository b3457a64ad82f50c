"""A scorer's verdict on one video."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Score(BaseModel):
    """A scorer's verdict on one video: ``value`` in [0, 1], per-criterion ``parts``, and why."""

    value: float = Field(ge=0.0, le=1.0)
    parts: dict[str, float] = Field(default_factory=dict)
    reason: str = ""

    @classmethod
    def zero(cls, reason: str, **parts: float) -> Score:
        """A score of 0 that says why (bad video, missing file, ...)."""
        return cls(value=0.0, parts=dict(parts), reason=reason)
