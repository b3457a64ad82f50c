"""Diversity: how many distinct samples can the task make? Every task must reach 10,000.

Method. ``draws`` cheap draws (``generate()`` + ``validate()`` with the seeds a run would use, nothing
encoded) each give a fingerprint, the sample's content hash (first frame + prompt: the factory's dedup
key). Among n draws there are n(n−1)/2 pairs; if the task makes D equally likely samples, a pair
collides with probability 1/D, so the expected number of colliding pairs is C = n(n−1)/(2D) and

    D̂ = n(n−1) / (2·C_observed)            (the birthday / collision estimator)

This is capture–recapture averaged over every way of splitting the draws into a "marked" and a
"recaptured" set (Lincoln–Petersen). With a skewed distribution it estimates the *effective* number of
samples 1/Σp², which never exceeds the true count: the check errs on the strict side. With no
collision at all the data only bound D from below: P(0 collisions) = exp(−pairs/D) ≥ 5 % ⇔
D ≥ pairs/ln 20. Confidence bounds for C come from the Poisson distribution (Wilson–Hilferty).

Verdict: pass when the estimate (or, without collisions, the 95 % lower bound) reaches 10,000; fail
when even the 95 % upper bound stays below it; warn in between (draw more with ``--draws``).
Draws stop early after :data:`DRAW_BUDGET_SECONDS` of CPU time so a slow generator keeps review short.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass, field

from vbvr_core.pipeline.produce import Drawn, draw
from vbvr_core.pipeline.sample_io import content_hash
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import Finding, NotRunnable, check, fail, ok, warn

REQUIRED_DISTINCT = 10_000
DRAW_BUDGET_SECONDS = 20.0
Z_95 = 1.645


@dataclass
class DrawStats:
    """Fingerprints of the draws, how many needed a redraw, how many found nothing valid."""

    hashes: list[str] = field(default_factory=list)
    redrawn: int = 0
    dead_letters: int = 0
    last_problem: str = ""
    core_seconds: float = 0.0

    @property
    def total(self) -> int:
        """Draws attempted (valid or not)."""
        return len(self.hashes) + self.dead_letters


def draw_fingerprints(context: ReviewContext) -> DrawStats:
    """Draw up to ``context.draw_count`` samples (within the CPU budget) and keep their content hashes."""
    stats = DrawStats()
    started = time.process_time()
    for index in range(context.draw_count):
        result = draw(context.task, context.seed_of(index), index=index)
        if isinstance(result, Drawn):
            stats.hashes.append(content_hash(result.sample))
            stats.redrawn += result.attempt > 0
        else:
            stats.dead_letters += 1
            stats.last_problem = result.problems[-1] if result.problems else "unknown"
        if time.process_time() - started > DRAW_BUDGET_SECONDS:
            break
    stats.core_seconds = time.process_time() - started
    return stats


def _poisson_bounds(count: int) -> tuple[float, float]:
    """Approximate 90 % two-sided (95 % one-sided each) Poisson bounds for an observed ``count``."""
    def wilson_hilferty(k: float, z: float) -> float:
        return k * (1 - 1 / (9 * k) + z / (3 * math.sqrt(k))) ** 3

    lower = 0.0 if count == 0 else wilson_hilferty(count, -Z_95)
    return lower, wilson_hilferty(count + 1, Z_95)


@dataclass(frozen=True)
class DistinctEstimate:
    """The collision estimate of how many distinct samples a task makes, with 95 % one-sided bounds."""

    draws: int
    unique: int
    colliding_pairs: int
    estimate: float  # inf when no pair collided
    lower: float
    upper: float

    @property
    def unique_share(self) -> float:
        """Unique fingerprints / draws."""
        return self.unique / self.draws if self.draws else 0.0


def estimate_distinct(hashes: list[str]) -> DistinctEstimate:
    """Estimate the number of distinct samples from the fingerprints of independent draws (see module doc)."""
    n = len(hashes)
    pairs = n * (n - 1) / 2
    colliding = sum(k * (k - 1) // 2 for k in Counter(hashes).values())
    c_low, c_high = _poisson_bounds(colliding)
    if colliding == 0:
        return DistinctEstimate(n, len(set(hashes)), 0, math.inf, pairs / math.log(20), math.inf)
    return DistinctEstimate(n, len(set(hashes)), colliding, pairs / colliding, pairs / c_high,
                            pairs / c_low if c_low > 0 else math.inf)


def _count(value: float) -> str:
    return "∞" if math.isinf(value) else f"{value:,.0f}"


@check("diversity")
def check_enough_distinct_samples(context: ReviewContext) -> Finding:
    """Share of unique content hashes over many draws, and an estimate of distinct samples (must reach 10,000)."""
    stats = context.draws
    if len(stats.hashes) < 2:
        raise NotRunnable(f"only {len(stats.hashes)} valid draws; cannot estimate diversity")
    found = estimate_distinct(stats.hashes)
    summary = (f"{found.unique} unique of {found.draws} draws ({found.unique_share:.1%}, "
               f"{stats.core_seconds:.1f} core-s), "
               f"{found.colliding_pairs} colliding pairs → ")
    if found.colliding_pairs == 0:
        summary += f"≥ {_count(found.lower)} distinct samples (95 %)"
        if found.lower >= REQUIRED_DISTINCT:
            return ok(summary)
        return warn(summary + f"; too few draws to show {REQUIRED_DISTINCT:,}: rerun with more --draws")
    summary += f"≈ {_count(found.estimate)} distinct samples (95 %: {_count(found.lower)} – {_count(found.upper)})"
    fix = (f"; a task must make ≥ {REQUIRED_DISTINCT:,}: widen the parameter ranges, randomise positions, "
           "colours and layouts, and check no parameter collapses the instance space")
    if found.estimate >= REQUIRED_DISTINCT:
        return ok(summary)
    if found.upper < REQUIRED_DISTINCT:
        return fail(summary + fix)
    return warn(summary + fix + " (or rerun with more --draws to be sure)")


CHECKS = [check_enough_distinct_samples]
