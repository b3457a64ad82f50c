"""The diversity estimate: collisions among draws estimate how many distinct samples a task makes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.review import estimate_distinct


def draws_from(distinct: int, count: int, seed: int = 0) -> list[str]:
    picks = np.random.default_rng(seed).integers(0, distinct, count)
    return [f"sample-{int(pick)}" for pick in picks]


@pytest.mark.parametrize("distinct", [500, 2_000, 8_000])
def test_estimate_recovers_a_uniform_population(distinct):
    found = estimate_distinct(draws_from(distinct, 1000))
    assert found.colliding_pairs > 0
    assert distinct / 2 < found.estimate < distinct * 2
    assert found.lower <= found.estimate <= found.upper


def test_population_far_below_ten_thousand_is_bounded_below_it():
    found = estimate_distinct(draws_from(2_000, 1000))
    assert found.upper < 10_000


def test_no_collision_gives_only_a_lower_bound():
    found = estimate_distinct([f"sample-{k}" for k in range(1000)])
    assert math.isinf(found.estimate) and found.unique_share == 1.0
    assert found.lower == pytest.approx(1000 * 999 / 2 / math.log(20))


def test_skewed_population_is_estimated_conservatively():
    # 100 common samples drawn half the time, 1,000,000 rare ones: the effective count is far below the true one.
    rng = np.random.default_rng(3)
    hashes = [f"common-{rng.integers(100)}" if rng.random() < 0.5 else f"rare-{rng.integers(1_000_000)}"
              for _ in range(1000)]
    assert estimate_distinct(hashes).estimate < 1_000
