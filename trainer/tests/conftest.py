"""Shared fixtures: a few real G-15 samples, made once per test session (per xdist worker)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import torch

# Nothing in these tests may reach a model or dataset hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
# Two pytest workers share two cores: one torch thread each avoids oversubscription.
torch.set_num_threads(1)

TASK = "G-15_grid_avoid_obstacles"


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory) -> Path:
    """A sample folder with 4 G-15 samples (indices 0..3)."""
    from vbvr_core.testing.helpers import make_samples

    root = tmp_path_factory.mktemp("samples")
    make_samples(TASK, root, count=4, seed=3)
    return root
