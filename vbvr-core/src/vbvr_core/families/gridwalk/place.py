"""Where a grid walk's pieces stand: candidate cells by placement, a start–goal pair far enough apart, cells
spread apart from each other, and cells drawn at random."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np

from vbvr_core.contract.geometry import Cell
from vbvr_core.pipeline.generator import Reject

Placement = Literal["corners", "edges", "anywhere"]


def endpoint_candidates(rows: int, cols: int, placement: Placement) -> list[Cell]:
    """The cells of a ``rows``×``cols`` grid where start and goal may stand for ``placement``, row-major."""
    if placement == "corners":
        return [(0, 0), (0, cols - 1), (rows - 1, 0), (rows - 1, cols - 1)]
    if placement == "edges":
        return [(r, c) for r in range(rows) for c in range(cols) if r in (0, rows - 1) or c in (0, cols - 1)]
    return [(r, c) for r in range(rows) for c in range(cols)]


def pick_endpoints(rng: np.random.Generator, rows: int, cols: int, placement: Placement,
                   min_distance: int) -> tuple[Cell, Cell]:
    """A (start, goal) pair of ``placement`` cells at grid (Manhattan) distance ≥ ``min_distance``, drawn
    uniformly from all such ordered pairs; :class:`Reject` when the grid has none."""
    candidates = endpoint_candidates(rows, cols, placement)
    pairs = [(a, b) for a in candidates for b in candidates
             if abs(a[0] - b[0]) + abs(a[1] - b[1]) >= min_distance]
    if not pairs:
        raise Reject(f"no {placement} start and goal are {min_distance} steps apart on a {rows}×{cols} grid")
    return pairs[int(rng.integers(0, len(pairs)))]


def pick_cells(rng: np.random.Generator, cells: Sequence[Cell], count: int) -> list[Cell]:
    """``count`` distinct cells of ``cells``, drawn by one ``rng.choice(len(cells), count, replace=False)``,
    sorted (row-major for (row, col) cells)."""
    return sorted(cells[int(k)] for k in rng.choice(len(cells), size=count, replace=False))


def spread_cells(rng: np.random.Generator, cells: Sequence[Cell], count: int, min_distance: int,
                 taken: Iterable[Cell] = (), fill: bool = False) -> list[Cell]:
    """Up to ``count`` of ``cells``, none in ``taken``, each at grid (Manhattan) distance ≥ ``min_distance`` from
    the others: the first fitting cells in the order of one ``rng.permutation(len(cells))``, in that order.

    Fewer when they do not fit, unless ``fill``: then the first other cells of the same order (not in ``taken``)
    make up the count, nearer than ``min_distance``.
    """
    taken = set(taken)
    order = [cells[int(index)] for index in rng.permutation(len(cells))]
    chosen: list[Cell] = []
    for cell in order:
        if cell not in taken and all(abs(cell[0] - c[0]) + abs(cell[1] - c[1]) >= min_distance for c in chosen):
            chosen.append(cell)
            if len(chosen) == count:
                return chosen
    if fill:
        chosen += [cell for cell in order if cell not in chosen and cell not in taken][: count - len(chosen)]
    return chosen
