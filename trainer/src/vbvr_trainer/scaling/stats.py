"""Confidence intervals for a scaling study: a seeded bootstrap over training seeds and test samples.

A size N's results form a matrix ``values[seed, sample]`` (every seed's model scored on the same
test samples). The quantity estimated is the mean over both: what a model trained on N samples per
task scores on this task's instances. Its 95 % interval resamples seeds and test samples with
replacement (crossed: one draw of sample positions is used for every seed) and takes the 2.5th and
97.5th percentiles of the replicate means. Differences follow the study's design: two sizes share
test samples but not models (samples drawn jointly, seeds independently); in-domain and
out-of-domain at one size share models but not samples (seeds jointly, samples independently).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

REPLICATES = 2000
LEVEL = 0.95


@dataclass(frozen=True)
class Estimate:
    """A mean with its bootstrap interval."""

    mean: float
    low: float
    high: float

    def to_json(self) -> dict[str, float]:
        """``{"mean", "ci_low", "ci_high"}``."""
        return {"mean": self.mean, "ci_low": self.low, "ci_high": self.high}

    def excludes_zero(self) -> bool:
        """Whether the interval lies entirely above or below 0."""
        return self.low > 0.0 or self.high < 0.0

    def text(self) -> str:
        """``0.512 [0.431, 0.590]``."""
        return f"{self.mean:.3f} [{self.low:.3f}, {self.high:.3f}]"


def _interval(mean: float, replicates: np.ndarray) -> Estimate:
    tail = (1.0 - LEVEL) / 2.0 * 100.0
    low, high = np.percentile(replicates, [tail, 100.0 - tail])
    return Estimate(float(mean), float(low), float(high))


def _draws(rng: np.random.Generator, count: int) -> np.ndarray:
    return rng.integers(0, count, size=(REPLICATES, count))


def _replicate_means(values: np.ndarray, seed_draws: np.ndarray, sample_draws: np.ndarray) -> np.ndarray:
    return values[seed_draws[:, :, None], sample_draws[:, None, :]].mean(axis=(1, 2))


def mean_interval(values: np.ndarray, seed: int = 0) -> Estimate:
    """Mean of ``values`` (seeds × samples) and its 95 % bootstrap interval (seeded, so reproducible)."""
    values = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    seeds, samples = values.shape
    return _interval(values.mean(), _replicate_means(values, _draws(rng, seeds), _draws(rng, samples)))


def size_difference(larger: np.ndarray, smaller: np.ndarray, seed: int = 0) -> Estimate:
    """``mean(larger) − mean(smaller)`` for two sizes scored on the same test samples (different models)."""
    larger, smaller = np.asarray(larger, dtype=float), np.asarray(smaller, dtype=float)
    if larger.shape[1] != smaller.shape[1]:
        raise ValueError("both sizes must be scored on the same test samples")
    rng = np.random.default_rng(seed)
    samples = _draws(rng, larger.shape[1])
    replicates = (_replicate_means(larger, _draws(rng, larger.shape[0]), samples)
                  - _replicate_means(smaller, _draws(rng, smaller.shape[0]), samples))
    return _interval(larger.mean() - smaller.mean(), replicates)


def split_difference(first: np.ndarray, second: np.ndarray, seed: int = 0) -> Estimate:
    """``mean(first) − mean(second)`` for two test splits scored by the same models (same seeds)."""
    first, second = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    if first.shape[0] != second.shape[0]:
        raise ValueError("both splits must come from the same seeds")
    rng = np.random.default_rng(seed)
    seeds = _draws(rng, first.shape[0])
    replicates = (_replicate_means(first, seeds, _draws(rng, first.shape[1]))
                  - _replicate_means(second, seeds, _draws(rng, second.shape[1])))
    return _interval(first.mean() - second.mean(), replicates)
