"""Which tasks a scaling study trains and tests on.

A task spec is a task key, optionally restricted to difficulty strata: ``G-15_grid_avoid_obstacles``
(all strata), ``G-15_grid_avoid_obstacles@d2`` (only hard) or ``…@d0-1`` (easy and medium). Strata
let one task stand in for an out-of-domain split when no second task is installed: train on
``@d0-1``, test out-of-domain on the unseen, larger ``@d2`` instances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vbvr_core.contract.keys import validate_key
from vbvr_core.discovery import get_task, known_keys

SPEC_PATTERN = re.compile(r"^(?P<key>[^@]+?)(?:@d(?P<low>[0-2])(?:-(?P<high>[0-2]))?)?$")
PREFERRED_IN_DOMAIN = "G-15_grid_avoid_obstacles"
# The study's chosen design (see the trainer README): in-domain tasks whose *process* is a rigid,
# straight-line slide of objects -- local and translation-equivariant, what a small convolutional
# network can represent -- and whose true keyframes at the model's 64 px still score high
# (O-36 1.00, O-62 0.61); out-of-domain tasks never trained on that reuse those motions
# (G-18: an agent moves cell by cell on a grid, 0.93; O-59: symbols slide apart and into a gap, 0.28).
DESIGN_IN_DOMAIN = ("O-36_grid_shift", "O-62_gravity_physics")
DESIGN_OUT_OF_DOMAIN = ("G-18_grid_shortest_path", "O-59_symbol_insert")


@dataclass(frozen=True)
class TaskSpec:
    """A task key and the difficulty strata drawn from (None: the generator's own mix)."""

    key: str
    difficulties: tuple[int, ...] | None = None

    @property
    def label(self) -> str:
        """The spec as written (``KEY`` or ``KEY@d0-1``); used in folder names and reports."""
        if self.difficulties is None:
            return self.key
        low, high = self.difficulties[0], self.difficulties[-1]
        return f"{self.key}@d{low}" if low == high else f"{self.key}@d{low}-{high}"

    def params(self, index: int) -> dict[str, int] | None:
        """Parameter overrides of sample ``index``: its difficulty, cycling through the strata."""
        if self.difficulties is None:
            return None
        return {"difficulty": self.difficulties[index % len(self.difficulties)]}


def parse_spec(text: str) -> TaskSpec:
    """Parse ``KEY`` or ``KEY@dN`` or ``KEY@dN-M``; raises ValueError naming the bad spec."""
    match = SPEC_PATTERN.fullmatch(text.strip())
    if not match:
        raise ValueError(f"bad task spec {text!r}: expected KEY, KEY@dN or KEY@dN-M with N, M in 0..2")
    key = validate_key(match["key"])
    if match["low"] is None:
        return TaskSpec(key)
    low, high = int(match["low"]), int(match["high"] if match["high"] is not None else match["low"])
    if high < low:
        raise ValueError(f"bad task spec {text!r}: difficulty range {low}-{high} is reversed")
    return TaskSpec(key, tuple(range(low, high + 1)))


def parse_specs(text: str) -> list[TaskSpec]:
    """Parse a comma-separated list of specs (``G-15_grid_avoid_obstacles@d0-1,O-39_maze``)."""
    specs = [parse_spec(part) for part in text.split(",") if part.strip()]
    if not specs:
        raise ValueError(f"no task specs in {text!r}")
    return specs


def _loads(key: str) -> bool:
    """Whether task ``key``'s plugin loads (a broken install must not stop a study of other tasks)."""
    try:
        get_task(key)
    except Exception:  # noqa: BLE001 - any failure of a third-party plugin means "not usable"
        return False
    return True


def default_specs() -> tuple[list[TaskSpec], list[TaskSpec], str]:
    """In-domain and out-of-domain specs from the installed tasks, and a sentence saying what was chosen.

    Only tasks whose plugin loads count. When the study's design tasks (:data:`DESIGN_IN_DOMAIN`,
    :data:`DESIGN_OUT_OF_DOMAIN`) are installed, they are used. Otherwise in-domain is G-15 if
    installed (else the first installed task) and out-of-domain the first other installed task of
    the same category (near transfer), else any other task; with none, the in-domain task's hard
    stratum, unseen in training.
    """
    keys = [key for key in known_keys() if _loads(key)]
    if not keys:
        raise LookupError("no VBVR task is installed: install one, e.g. `pip install -e generators/G-15_grid_avoid_obstacles`")
    if all(key in keys for key in DESIGN_IN_DOMAIN + DESIGN_OUT_OF_DOMAIN):
        return ([TaskSpec(key) for key in DESIGN_IN_DOMAIN], [TaskSpec(key) for key in DESIGN_OUT_OF_DOMAIN],
                f"in-domain {', '.join(DESIGN_IN_DOMAIN)} (objects slide rigidly in straight lines: learnable by a "
                f"small conv net); out-of-domain {', '.join(DESIGN_OUT_OF_DOMAIN)} (unseen tasks reusing those motions)")
    in_key = PREFERRED_IN_DOMAIN if PREFERRED_IN_DOMAIN in keys else keys[0]
    others = [key for key in keys if key != in_key]
    category = get_task(in_key).info.category
    same_category = [key for key in others if get_task(key).info.category == category]
    if same_category or others:
        out_key = (same_category or others)[0]
        return ([TaskSpec(in_key)], [TaskSpec(out_key)],
                f"in-domain {in_key}; out-of-domain {out_key} (another installed task"
                f"{' of the same category' if same_category else ''})")
    return ([TaskSpec(in_key, (0, 1))], [TaskSpec(in_key, (2,))],
            f"only {in_key} is installed: in-domain its easy and medium strata, out-of-domain its unseen hard stratum")
