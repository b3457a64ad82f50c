"""Shared credit helpers of issue 14's audit: each equals, bit for bit, the inline form the tasks and families wrote."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.arrangement.judge import (
    STEP_FULL,
    STEP_ZERO,
    largest_step,
    step_continuity,
    travel_continuity,
)
from vbvr_core.families.fill_in.judge import MATCH_FULL, MATCH_ZERO
from vbvr_core.judge.credit import efficiency, ramp, ramps
from vbvr_core.judge.masks import centroid


def _old_centroid(mask: np.ndarray) -> np.ndarray | None:
    """O-29's former ``_centroid``."""
    ys, xs = np.nonzero(mask)
    return None if len(xs) < 4 else np.asarray([xs.mean(), ys.mean()])


def test_centroid_with_minimum_equals_o29_form() -> None:
    rng = np.random.default_rng(14)
    for trial in range(400):
        mask = rng.random((32, 32)) < rng.choice([0.0, 0.002, 0.004, 0.01, 0.3])
        old = _old_centroid(mask)
        new = None if np.count_nonzero(mask) < 4 else np.asarray(centroid(mask))
        assert (old is None) == (new is None), trial
        if old is not None:
            assert new.dtype == old.dtype and new.shape == old.shape
            assert np.array_equal(new, old)


def _progress(rng: np.random.Generator) -> list[float | None]:
    values = np.cumsum(rng.random(rng.integers(0, 12)) * rng.choice([0.05, 0.3, 1.0]))
    return [None if rng.random() < 0.2 else float(v) for v in values]


def test_step_continuity_is_the_first_factor_of_travel_continuity() -> None:
    rng = np.random.default_rng(7)
    for _ in range(500):
        progress = _progress(rng)
        assert step_continuity(progress) == ramp(largest_step(progress), STEP_FULL, STEP_ZERO)
        known = [v for v in progress if v is not None]
        travelled = float(max(known) - min(known)) if known else 0.0
        old = ramp(largest_step(progress), STEP_FULL, STEP_ZERO) * ramp(-travelled, -0.8, -0.4)
        assert travel_continuity(progress) == old
    assert step_continuity([0.0, 1.0]) == 0.0
    assert step_continuity([0.0, 0.5, 1.0]) == 1.0


def test_ramps_is_ramp_element_by_element_and_the_fill_in_form() -> None:
    rng = np.random.default_rng(3)
    ratios = np.concatenate([rng.random((50, 4)) * 0.4, np.array([[0.0, -0.0, MATCH_FULL, MATCH_ZERO]])])
    old = np.clip((MATCH_ZERO - ratios) / (MATCH_ZERO - MATCH_FULL), 0.0, 1.0)
    new = ramps(ratios, MATCH_FULL, MATCH_ZERO)
    assert new.dtype == old.dtype == np.float64
    assert np.array_equal(new, old) and np.array_equal(np.signbit(new), np.signbit(old))
    for value, credit in zip(ratios.ravel(), new.ravel(), strict=True):
        assert ramp(float(value), MATCH_FULL, MATCH_ZERO) == credit
    assert ramps([1, 2], 0.0, 4.0).dtype == np.float64


def test_ramp_serves_rising_credits() -> None:
    assert ramp(0.9, 0.8, 0.4) == 1.0
    assert ramp(0.3, 0.8, 0.4) == 0.0
    assert abs(ramp(0.6, 0.8, 0.4) - 0.5) < 1e-12


def test_efficiency_equals_the_inline_form() -> None:
    for optimal in range(0, 9):
        for taken in range(0, 15):
            assert efficiency(optimal, taken) == (min(1.0, optimal / taken) if taken else 0.0)
    assert efficiency(4, 8) == 0.5 and efficiency(4, 2) == 1.0 and efficiency(3, 0) == 0.0
