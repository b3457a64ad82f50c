"""Seed derivation: every random choice in the toolkit comes from a seed derived here.

Seeds are derived by hashing their parts (never from worker count, order, time or host), so the same
inputs give the same seed on any machine and under any executor.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SEED_BITS = 63


def derive_seed(*parts: object) -> int:
    """Return a non-negative 63-bit seed determined only by ``parts`` (ints and strings).

    ``derive_seed(registry_seed, "G-15_grid_avoid_obstacles", 12)`` is the seed of sample 12.
    """
    text = "\x1f".join(str(part) for part in parts)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - SEED_BITS)


def rng(seed: int) -> np.random.Generator:
    """The numpy generator every task draws from (PCG64, seeded with ``seed``)."""
    import numpy as np  # here, not at the top: the command line reads the seed constants without loading numpy

    return np.random.Generator(np.random.PCG64(seed))


def sample_seed(base_seed: int, task_key: str, index: int) -> int:
    """The seed of sample ``index`` of ``task_key`` in a run seeded with ``base_seed`` (CLI and factory alike)."""
    return derive_seed(base_seed, task_key, index)
