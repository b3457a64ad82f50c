"""Helpers for task packages' tests (vbvr_core.testing.helpers)."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.fill_in.task import FillInGenerator
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.helpers import first_accepted_sample, flow_instance


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


def test_flow_instance_holds_the_params_and_attributes_and_never_draws():
    params, rng = object(), np.random.default_rng(1)
    made = flow_instance(FillInGenerator, params, rng, style="fade")
    assert isinstance(made, FillInGenerator) and made.params is params and made.rng is rng and made.style == "fade"
    with pytest.raises(AssertionError, match="never draws a whole sample"):
        made.generate()
