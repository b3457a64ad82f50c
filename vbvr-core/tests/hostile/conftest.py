"""Fixtures of core's hostile suite: one real sample (G-15) to score against, made once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from vbvr_core.testing.helpers import make_samples

sys.path.insert(0, str(Path(__file__).parent))  # core_hostile_kit, importable by the test modules beside it

KEY = "G-15_grid_avoid_obstacles"


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """One small G-15 sample folder (holds metadata.json)."""
    root = tmp_path_factory.mktemp("hostile-samples")
    make_samples(KEY, root, count=1, seed=5, params={"rows": 5, "cols": 5, "difficulty": 0})
    return root / KEY / "00000000"
