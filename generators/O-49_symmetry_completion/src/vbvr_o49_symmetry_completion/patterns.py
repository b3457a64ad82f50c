"""Half patterns and their mirror completion on an N×N grid (N even).

A pattern is an N×N integer array: 0 = empty cell, k ≥ 1 = filled with colour k. Patterns are built for
a vertical axis (left half given, right half mirrored); a horizontal axis is the transpose.
"""

from __future__ import annotations

import numpy as np

KINDS = ("random", "checkerboard", "diagonal", "increment", "blocks")


def half_pattern(kind: str, size: int, colors: int, rng: np.random.Generator) -> np.ndarray:
    """The left half (size × size/2) of a pattern of ``kind`` using colours 1..``colors``."""
    half = size // 2
    rows, cols = np.mgrid[0:size, 0:half]
    if kind == "random":
        filled = rng.random((size, half)) < rng.uniform(0.35, 0.65)
        return np.where(filled, rng.integers(1, colors + 1, (size, half)), 0)
    if kind == "checkerboard":
        filled = (rows + cols) % 2 == int(rng.integers(0, 2))
    elif kind == "diagonal":
        filled = (rows + cols) % 3 == int(rng.integers(0, 3))
    elif kind == "increment":
        filled = cols < np.minimum(rows % (half + 1) + 1, half)
    elif kind == "blocks":
        blocks = rng.random((size // 2 + 1, half // 2 + 1)) < 0.5
        filled = blocks[rows // 2, cols // 2]
    else:
        raise ValueError(f"unknown pattern kind {kind!r}; known: {', '.join(KINDS)}")
    return np.where(filled, 1 + rows % colors, 0)


def mirror_complete(left: np.ndarray) -> np.ndarray:
    """The full pattern: ``left`` and its mirror image across the vertical centre line."""
    return np.concatenate([left, left[:, ::-1]], axis=1)


def copy_complete(left: np.ndarray) -> np.ndarray:
    """The full pattern a copy (translation) of ``left`` would give instead of its mirror image."""
    return np.concatenate([left, left], axis=1)
