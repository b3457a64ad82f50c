"""`--executor ray`: a private Ray instance on loopback writes the same bytes as the local pool."""

from __future__ import annotations

import json

from factory_testkit import FAULTY_KEY, G15, G15_SMALL, write_registry
from typer.testing import CliRunner
from vbvr_core.testing.helpers import folder_digest
from vbvr_factory.cli import app
from vbvr_factory.executors import available_executors

# Collisions (dedup rounds run through Ray too) and injected faults (dead letters).
DEDUP_PARAMS = {"variety": 6, "fail_share": 0.3}


def test_ray_run_is_byte_identical_to_the_local_pool(tmp_path, factory, monkeypatch):
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": G15, "count": 3, "split": "train", "params": G15_SMALL},
        {"key": FAULTY_KEY, "count": 10, "split": "train", "params": DEDUP_PARAMS},
    ])
    local, ray = tmp_path / "local", tmp_path / "ray"
    factory("run", registry, "--out", local, "--workers", "2", check_code=1)  # exit 1: dead letters
    done = factory("run", registry, "--out", ray, "--workers", "2", "--executor", "ray", check_code=1)
    for key in (G15, FAULTY_KEY):
        assert folder_digest(ray / key) == folder_digest(local / key)
    for name in ("manifest.jsonl", "failures.jsonl"):
        assert (ray / name).read_bytes() == (local / name).read_bytes()
    run = json.loads((ray / "run.json").read_text())
    assert run["status"] == "complete" and run["totals"]["duplicates_redrawn"] > 0
    assert run["totals"]["failures"] > 0 and "dead letter" in done.stderr
    workers = {int(pid) for pid in run["workers"]}
    assert workers and not workers & {int(pid) for pid in json.loads((local / "run.json").read_text())["workers"]}


def test_ray_is_a_registered_executor_and_address_needs_a_cluster_executor(tmp_path):
    assert "ray" in available_executors()
    registry = write_registry(tmp_path / "registry.yaml", [{"key": G15, "count": 1, "params": G15_SMALL}])
    refused = CliRunner().invoke(app, ["run", str(registry), "--out", str(tmp_path / "out"), "--address", "auto"])
    assert refused.exit_code == 2 and "--address joins a cluster" in refused.output
    assert not (tmp_path / "out").exists()
