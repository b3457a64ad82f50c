"""The base class of every task's parameter space."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TaskParams(BaseModel):
    """Base class of a task's parameter space.

    Every field declares its bounds (``Field(ge=…, le=…)``) and its meaning (``description``).
    ``difficulty`` selects a stratum; generators draw the other fields from it with the seed.
    Unknown fields are refused, so a typo in a registry override is an error, not a silent no-op.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    difficulty: int = Field(1, ge=0, le=2, description="difficulty stratum: 0 easy, 1 medium, 2 hard")
