"""Simulated raters, for a dry run of a study and for testing ``vbvr-bench agreement``.

- ``following``: a rater who agrees with the rule-based score: each scale is ``1 + 4·score`` plus the
  rater's own bias (normal, sd 0.3) and per-video noise (normal, sd 0.5), rounded and clipped to 1-5;
- ``random``: each scale uniform over 1-5, whatever the video.

Raters are named ``sim-<kind>-<n>``; everything is drawn from ``seed``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from vbvr_core.pipeline.seeds import derive_seed, rng

from vbvr_benchmark.rating.db import HIGHEST, LOWEST, SCALES, SIMULATED, Rating

KINDS = ("following", "random")
BIAS_SD, NOISE_SD = 0.3, 0.5


def simulate_ratings(scores: Mapping[tuple[str, str, int], float], kind: str, raters: int = 3,
                     seed: int = 0) -> list[Rating]:
    """Ratings of every (model, task key, index) in ``scores`` (→ rule-based score in [0, 1]) by ``raters``
    simulated raters of ``kind``; raises ValueError for an unknown kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown simulated rater kind {kind!r}; known: {', '.join(KINDS)}")
    videos = sorted(scores)
    ratings = []
    for number in range(raters):
        name = f"sim-{kind}-{number + 1}"
        generator = rng(derive_seed(seed, "simulated-rater", name))
        if kind == "random":
            values = generator.integers(LOWEST, HIGHEST + 1, size=(len(videos), len(SCALES)))
        else:
            latent = 1.0 + 4.0 * np.array([scores[video] for video in videos], dtype=np.float64)
            bias = generator.normal(0.0, BIAS_SD)
            noisy = latent[:, None] + bias + generator.normal(0.0, NOISE_SD, size=(len(videos), len(SCALES)))
            values = np.clip(np.rint(noisy), LOWEST, HIGHEST).astype(int)
        for (model, key, index), row in zip(videos, values, strict=True):
            task_completion, reasoning_logic, visual_quality = (int(value) for value in row)
            ratings.append(Rating(name, model, key, index, task_completion, reasoning_logic, visual_quality,
                                  rated_at=SIMULATED))
    return ratings
