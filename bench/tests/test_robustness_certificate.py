"""``vbvr-bench validate-scorers --robustness``: a pixel-judging scorer fails the certificate, a rule-judging one
earns it; JSON and table name the misses; the exit code says whether every task passed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from vbvr_core.testing.slide_tasks import FRAGILE_KEY, ROBUST_KEY, install_slide_tasks

BENCH = [sys.executable, "-c", "from vbvr_benchmark.cli import app; app()"]


@pytest.fixture(scope="module")
def slide_environment(tmp_path_factory) -> tuple[dict[str, str], Path]:
    """An environment whose PYTHONPATH installs both slide tasks, and one sample of each made in it."""
    root = install_slide_tasks(tmp_path_factory.mktemp("slide-site"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    samples = tmp_path_factory.mktemp("slide-samples")
    make = ("from vbvr_core.testing.helpers import make_samples\n"
            f"for key in ({ROBUST_KEY!r}, {FRAGILE_KEY!r}): make_samples(key, {str(samples)!r}, count=2, seed=3)")
    subprocess.run([sys.executable, "-c", make], env=env, check=True)
    return env, samples


def _validate(env: dict[str, str], samples: Path, work: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*BENCH, "validate-scorers", "--samples", str(samples), "--robustness", "--work", str(work),
                           *extra], env=env, capture_output=True, text=True, timeout=900)


def test_certificate_fails_the_fragile_scorer_and_passes_the_robust_one(slide_environment, tmp_path):
    env, samples = slide_environment
    result = _validate(env, samples, tmp_path / "work", "--json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    tasks = {task["task_key"]: task for task in document["tasks"]}
    assert not document["passed"] and tasks[ROBUST_KEY]["passed"] and not tasks[FRAGILE_KEY]["passed"]
    missed = {probe["name"] for probe in tasks[FRAGILE_KEY]["probes"] if probe["status"] == "miss"}
    assert {"brighter", "fps_8", "final", "crossfade"} <= missed
    robust = {probe["name"]: probe for probe in tasks[ROBUST_KEY]["probes"]}
    assert robust["size_832x480"]["mean"] == 1.0 and robust["stops_short"]["mean"] == 0.0
    assert set(robust["oracle"]["values"]) == {"00000000", "00000001"}
    assert (tmp_path / "work" / ROBUST_KEY / "00000000" / "variant" / "fps_16.mp4").stat().st_size > 1000


def test_certificate_table_lists_every_probe_per_task_and_names_the_misses(slide_environment, tmp_path):
    env, samples = slide_environment
    result = _validate(env, samples, tmp_path / "work")
    assert result.returncode == 1
    assert "O-981" in result.stdout and "O-982" in result.stdout and "variant:brighter" in result.stdout
    assert "1 of 2 tasks earn the robustness certificate" in result.stdout
    assert FRAGILE_KEY in result.stderr and "variant:brighter" in result.stderr
