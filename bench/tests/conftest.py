"""Shared fixtures: a few small G-15 samples in our layout and the same samples in the official layout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from vbvr_benchmark.cli import app
from vbvr_core.testing.helpers import make_samples

KEY = "G-15_grid_avoid_obstacles"
SMALL = {"rows": 5, "cols": 5, "difficulty": 0}
OFFICIAL_TASK = "In-Domain_50/G-15_grid_avoid_obstacles_data-generator"


@pytest.fixture(scope="session")
def samples(tmp_path_factory) -> Path:
    """Three small G-15 samples under <root>/G-15_grid_avoid_obstacles/<index:08d>/."""
    root = tmp_path_factory.mktemp("samples")
    make_samples(KEY, root, count=3, seed=11, params=SMALL)
    return root


@pytest.fixture(scope="session")
def official_samples(samples, tmp_path_factory) -> Path:
    """The same samples renamed into the official VBVR-Bench layout, without metadata.json."""
    root = tmp_path_factory.mktemp("official")
    for folder in sorted((samples / KEY).iterdir()):
        dest = root / OFFICIAL_TASK / f"{int(folder.name):05d}"
        shutil.copytree(folder, dest, ignore=shutil.ignore_patterns("metadata.json"))
    return root


@pytest.fixture(scope="session")
def cli():
    """Invoke vbvr-bench in-process: ``cli("score", "--samples", path, ...)`` returns the click Result."""
    return lambda *args: CliRunner().invoke(app, [str(arg) for arg in args])
