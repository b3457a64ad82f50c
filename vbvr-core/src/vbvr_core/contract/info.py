"""A task's identity: its key, title, category and description, and the video format every sample shares."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vbvr_core.contract.keys import validate_key

FRAME_SIZE = 512
FPS = 24


class Category(StrEnum):
    """The five cognitive categories of the VBVR suite."""

    PERCEPTION = "perception"
    TRANSFORMATION = "transformation"
    SPATIALITY = "spatiality"
    ABSTRACTION = "abstraction"
    KNOWLEDGE = "knowledge"


class TaskInfo(BaseModel):
    """What a task is: its key, title, category and description.

    ``process_required`` says whether the solution video must show a process (a path, moves, steps):
    for such tasks a video that cuts straight to the final frame must score low.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    title: str = Field(min_length=3)
    category: Category
    description: str = Field(min_length=10)
    process_required: bool = True
    goal_is_text: bool = False

    @field_validator("key")
    @classmethod
    def _key_is_valid(cls, key: str) -> str:
        return validate_key(key)


