"""Helpers for task packages' tests (vbvr_core.testing.helpers)."""

from __future__ import annotations

import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.helpers import first_accepted_sample


class _OddFromFive:
    """Accepts odd seeds from 5 on (its "sample" is the seed and the params); fails outright on seed 100."""

    def __init__(self, seed: int, params: dict | None = None):
        self.seed, self.params = seed, params

    def generate(self):
        if self.seed == 100:
            raise ValueError("a bug, not a rejection")
        if self.seed < 5 or self.seed % 2 == 0:
            raise Reject(f"seed {self.seed} drew an unclear scene")
        return self.seed, self.params


def test_first_accepted_sample_redraws_from_the_next_seeds_until_one_is_accepted():
    assert first_accepted_sample(_OddFromFive, 0, {"difficulty": 2}) == (5, {"difficulty": 2})
    assert first_accepted_sample(_OddFromFive, 7) == (7, None)
    assert first_accepted_sample(_OddFromFive, 8, tries=2) == (9, None)


def test_first_accepted_sample_fails_the_test_when_every_draw_is_rejected_and_lets_bugs_through():
    with pytest.raises(AssertionError, match="^3 draws from seed 0 were all rejected$"):
        first_accepted_sample(_OddFromFive, 0, tries=3)
    with pytest.raises(ValueError, match="a bug"):
        first_accepted_sample(_OddFromFive, 100)
