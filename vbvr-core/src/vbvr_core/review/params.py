"""A task's parameter space read from its ``Params`` model: each field's kind, bounds, choices, meaning.

Review uses it to check every field is bounded and to try values just outside the bounds; task
READMEs use :func:`parameter_table` so the documented table is the code's own.
"""

from __future__ import annotations

import enum
import typing
from dataclasses import dataclass
from typing import Any

import annotated_types
from pydantic.fields import FieldInfo

from vbvr_core.contract import TaskParams


@dataclass(frozen=True)
class FieldSpace:
    """One parameter: ``kind`` is int, float, choice, bool or other; bounds are inclusive unless ``*_open``."""

    name: str
    kind: str
    description: str
    default: Any
    lower: float | None = None
    upper: float | None = None
    lower_open: bool = False
    upper_open: bool = False
    choices: tuple[Any, ...] = ()

    @property
    def bounded(self) -> bool:
        """True when the field cannot take arbitrary values (both numeric bounds, or a finite set)."""
        if self.kind in ("int", "float"):
            return self.lower is not None and self.upper is not None
        return self.kind in ("choice", "bool")

    def bounds_text(self) -> str:
        """``5 – 10``, ``corners, edges``, ``≥ 0`` … for tables and messages."""
        if self.kind == "choice":
            return ", ".join(str(choice) for choice in self.choices)
        if self.kind == "bool":
            return "false, true"
        lower = f"{'>' if self.lower_open else ''}{self.lower:g}" if self.lower is not None else "−∞"
        upper = f"{'<' if self.upper_open else ''}{self.upper:g}" if self.upper is not None else "∞"
        return f"{lower} – {upper}"


def _space(name: str, info: FieldInfo) -> FieldSpace:
    annotation = info.annotation
    description = info.description or ""
    if typing.get_origin(annotation) is typing.Literal:
        return FieldSpace(name, "choice", description, info.default, choices=typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return FieldSpace(name, "choice", description, info.default, choices=tuple(m.value for m in annotation))
    if annotation is bool:
        return FieldSpace(name, "bool", description, info.default, choices=(False, True))
    if annotation in (int, float):
        bounds: dict[str, Any] = {}
        for constraint in info.metadata:
            if isinstance(constraint, annotated_types.Ge):
                bounds.update(lower=float(constraint.ge), lower_open=False)
            elif isinstance(constraint, annotated_types.Gt):
                bounds.update(lower=float(constraint.gt), lower_open=True)
            elif isinstance(constraint, annotated_types.Le):
                bounds.update(upper=float(constraint.le), upper_open=False)
            elif isinstance(constraint, annotated_types.Lt):
                bounds.update(upper=float(constraint.lt), upper_open=True)
        return FieldSpace(name, annotation.__name__, description, info.default, **bounds)
    return FieldSpace(name, "other", description, info.default)


def parameter_space(params: type[TaskParams]) -> list[FieldSpace]:
    """Every field of ``params`` in declaration order."""
    return [_space(name, info) for name, info in params.model_fields.items()]


def parameter_table(params: type[TaskParams]) -> str:
    """A Markdown table of the parameter space: name, bounds, default, meaning (for a task's README)."""
    rows = ["| parameter | range | default | meaning |", "|---|---|---|---|"]
    for space in parameter_space(params):
        rows.append(f"| `{space.name}` | {space.bounds_text()} | {space.default} | {space.description} |")
    return "\n".join(rows)
