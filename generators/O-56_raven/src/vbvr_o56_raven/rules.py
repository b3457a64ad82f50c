"""Row rules of a Raven matrix: build an attribute's 3×3 values, and infer the missing one from the rest.

An attribute (shape, colour, count, size) takes integer values in ``range(domain)``. Its rule is one of:

- ``fixed``: every panel of the matrix has one value (an attribute that follows no rule of its own);
- ``constant``: every panel of a row has the row's value;
- ``progression``: along a row the value grows by ``step`` (±1) per panel;
- ``distribute_three``: every row holds the same three values once each, shifted by one per row.

``predictions`` lists the value every rule that fits the eight known panels gives the missing ninth,
so an instance is unambiguous when all fitting rules agree.
"""

from __future__ import annotations

import numpy as np

RULES = ("constant", "progression", "distribute_three")


def build(rule: str, domain: int, rng: np.random.Generator) -> list[list[int]]:
    """A 3×3 table of values in ``range(domain)`` following ``rule`` (one of :data:`RULES` or ``fixed``)."""
    if rule == "fixed":
        value = int(rng.integers(0, domain))
        return [[value] * 3 for _ in range(3)]
    if rule == "constant":
        return [[int(rng.integers(0, domain))] * 3 for _ in range(3)]
    if rule == "progression":
        step = int(rng.choice([-1, 1]))
        starts = [int(rng.integers(0, domain - 2)) for _ in range(3)]
        if step < 0:
            starts = [start + 2 for start in starts]
        return [[start + step * col for col in range(3)] for start in starts]
    if rule == "distribute_three":
        values = [int(v) for v in rng.choice(domain, size=3, replace=False)]
        shift = int(rng.choice([1, 2]))
        return [[values[(col + shift * row) % 3] for col in range(3)] for row in range(3)]
    raise ValueError(f"unknown rule {rule!r}; known: {', '.join(RULES)}")


def predictions(table: list[list[int]], domain: int) -> dict[str, int]:
    """The missing value (row 2, column 2) predicted by each rule that fits the other eight values."""
    full, last = table[:2], table[2][:2]
    found: dict[str, int] = {}
    if all(len(set(row)) == 1 for row in full) and last[0] == last[1]:
        found["constant"] = last[0]
    for step in (-2, -1, 1, 2):
        if all(row[1] - row[0] == step and row[2] - row[1] == step for row in full) and last[1] - last[0] == step:
            if 0 <= last[1] + step < domain:
                found[f"progression{step:+d}"] = last[1] + step
    values = set(full[0])
    if len(values) == 3 and set(full[1]) == values and len(set(last)) == 2 and set(last) <= values:
        found["distribute_three"] = (values - set(last)).pop()
    return found
