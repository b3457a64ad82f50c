"""The repository's own code passes the project lint (ruff with ``ruff.toml``), so `make test` catches an unused
import or a shadowed name in any package before review does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from vbvr_core.release.packages import package_folders

REPO = Path(__file__).resolve().parents[2]


def test_every_package_of_the_repository_passes_ruff():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the [test] extra of vbvr-core)")
    folders = package_folders(REPO)
    assert len(folders) > 4, folders  # core, factory, bench, trainer and the tasks
    linted = subprocess.run([ruff, "check", "--no-cache", "--config", str(REPO / "ruff.toml"), *folders],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert linted.returncode == 0, linted.stdout + linted.stderr
