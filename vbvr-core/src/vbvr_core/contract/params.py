"""A task's parameter space: bounds on the fields, and how each field is drawn from a seed.

A task declares its parameters once, as a :class:`TaskParams` subclass. Each field states its bounds and
meaning with ``Field(default, ge=…, le=…, description=…)`` and, when it is drawn rather than fixed, how it
is drawn, as ``Annotated`` metadata:

- ``Uniform(lo, hi)`` — the same range at every difficulty (ints inclusive; floats rounded to ``digits``);
  without arguments on a ``Literal`` or ``bool`` field: one of its values, each equally likely;
- ``Strata(easy, medium, hard)`` — one draw per difficulty stratum: an inclusive range ``(lo, hi)``,
  a tuple of choices for a ``str`` field, or the probability of ``True`` for a ``bool`` field.

Bounds of a range may be callables of the values drawn so far (``Uniform(lambda v: v["min_font"] + 8, 56)``):
fields are drawn in declaration order. Fields without a draw keep their default, or are filled in by the
subclass's :meth:`TaskParams.complete` (values that depend on others). Values the caller fixes are taken as
they are, before anything that depends on them is drawn, and every value is validated against the bounds.

Pydantic only (the contract imports no numpy): ``rng`` is any object with numpy Generator's
``integers``, ``uniform`` and ``random``.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

Bound = float | int | Callable[[dict[str, Any]], float | int]


# The draw markers compare by identity (eq=False): typing caches ``Annotated[X, marker]`` by equal arguments, and
# two Literals of the same values in another order are equal, so with markers equal by value one task's
# ``Annotated[Literal["a", "b"], Uniform()]`` would be handed another module's ``Literal["b", "a"]`` and draw
# its choices in that order, whichever task was imported first.
@dataclass(frozen=True, eq=False)
class Uniform:
    """Draw the field uniformly from ``[lo, hi]`` (or from its ``Literal``/``bool`` values when both are None)."""

    lo: Bound | None = None
    hi: Bound | None = None
    digits: int = 3

    def stratum(self, difficulty: int) -> Any:
        """The draw of this field at ``difficulty``: the same range at every stratum."""
        return None if self.lo is None else (self.lo, self.hi)


@dataclass(frozen=True, eq=False)
class Strata:
    """Draw the field from one of three strata (easy, medium, hard), chosen by the sample's difficulty."""

    easy: Any
    medium: Any
    hard: Any
    digits: int = 3

    def stratum(self, difficulty: int) -> Any:
        """The easy, medium or hard draw."""
        return (self.easy, self.medium, self.hard)[difficulty]


Draw = Uniform | Strata


def _resolve(bound: Bound, values: dict[str, Any]) -> float | int:
    return bound(values) if callable(bound) else bound


def _draw_one(annotation: Any, spec: Draw, stratum: Any, rng: Any, values: dict[str, Any]) -> Any:
    """One value of a field whose type is ``annotation`` from ``stratum`` (a range, choices or a probability)."""
    if typing.get_origin(annotation) is typing.Literal and stratum is None:
        stratum = typing.get_args(annotation)
    if annotation is bool:
        probability = 0.5 if stratum is None else float(stratum)
        return bool(rng.random() < probability)
    if isinstance(stratum, (int, float)):  # one value for this stratum
        return stratum
    if annotation is int:
        lo, hi = (_resolve(bound, values) for bound in stratum)
        return int(rng.integers(int(lo), int(hi) + 1))
    if annotation is float:
        lo, hi = (_resolve(bound, values) for bound in stratum)
        return round(float(rng.uniform(lo, hi)), spec.digits)
    choices = list(stratum)
    return choices[int(rng.integers(0, len(choices)))]


class TaskParams(BaseModel):
    """Base class of a task's parameter space.

    Every field declares its bounds (``Field(ge=…, le=…)``), its meaning (``description``) and, if drawn,
    its draw (``Annotated[int, Strata(...)]``; see the module docstring). ``difficulty`` selects the stratum.
    Unknown fields are refused, so a typo in a registry override is an error, not a silent no-op.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    difficulty: int = Field(1, ge=0, le=2, description="difficulty stratum: 0 easy, 1 medium, 2 hard")

    #: the strata's names, for tables and docs
    STRATUM_NAMES: ClassVar[tuple[str, str, str]] = ("easy", "medium", "hard")

    @classmethod
    def draw_spec(cls, name: str) -> Draw | None:
        """How field ``name`` is drawn (its ``Uniform``/``Strata`` metadata), or None when it is not drawn."""
        for item in cls.model_fields[name].metadata:
            if isinstance(item, (Uniform, Strata)):
                return item
        return None

    @classmethod
    def draw(cls, rng: Any, difficulty: int, fixed: dict[str, Any] | None = None) -> TaskParams:
        """Draw a full parameter set for ``difficulty``; values in ``fixed`` win and are never redrawn.

        Fields are drawn in declaration order, then :meth:`complete` fills in dependent values, then the
        whole set is validated (``pydantic.ValidationError`` names a field out of its bounds).
        """
        fixed = dict(fixed or {})
        values: dict[str, Any] = {"difficulty": difficulty}
        for name, field in cls.model_fields.items():
            if name == "difficulty":
                continue
            spec = cls.draw_spec(name)
            if name in fixed:
                values[name] = fixed[name]
            elif spec is not None:
                values[name] = _draw_one(field.annotation, spec, spec.stratum(difficulty), rng, values)
        values = cls.complete(values, rng, fixed)
        return cls.model_validate({**values, **fixed, "difficulty": difficulty})

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """Fill in values that depend on others (a minimum distance from the grid size, a count capped by
        another); called after the declared draws. Keys in ``fixed`` were set by the caller: keep them.

        The default returns ``values`` unchanged.
        """
        return values
