"""A run killed with SIGKILL and resumed equals an uninterrupted one; verify finds and repairs damage byte-exactly."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from factory_testkit import FAULTY_KEY, read_jsonl, write_registry
from typer.testing import CliRunner
from vbvr_core.discovery import get_task
from vbvr_core.pipeline.produce import draw, save_drawn
from vbvr_core.testing.helpers import folder_digest
from vbvr_factory.cli import app

# Slow enough to kill part-way; few contents so duplicates are redrawn; some faults.
SLOW_PARAMS = {"variety": 30, "fail_share": 0.3, "slow_ms": 80}
COUNT = 20


def invoke(*args, exit_code: int = 0):
    """Run the CLI in this process (cheaper than a subprocess when no worker pool is needed)."""
    result = CliRunner().invoke(app, [str(arg) for arg in args], env={"COLUMNS": "200"})
    assert result.exit_code == exit_code, result.output
    return result


def root_digest(out) -> tuple[str, bytes, bytes]:
    return folder_digest(out / FAULTY_KEY), (out / "manifest.jsonl").read_bytes(), (out / "failures.jsonl").read_bytes()


@pytest.mark.parametrize("kill_after", [4, 15])
def test_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path, factory, faulty_path, kill_after):
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": FAULTY_KEY, "count": COUNT, "split": "train", "params": SLOW_PARAMS}])
    reference, killed = tmp_path / "reference", tmp_path / "killed"
    factory("run", registry, "--out", reference, "--workers", "2", check_code=None)
    env = {**os.environ, "PYTHONPATH": str(faulty_path)}
    process = subprocess.Popen([sys.executable, "-m", "vbvr_factory", "run", str(registry), "--out", str(killed),
                                "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list(killed.glob(f"{FAULTY_KEY}/*/metadata.json"))) < kill_after and process.poll() is None:
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the coordinator and its workers, mid-write
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert not (killed / "manifest.jsonl").exists()
    factory("run", registry, "--out", killed, "--workers", "2", "--resume", check_code=None)
    assert root_digest(killed) == root_digest(reference)
    lines = (killed / "manifest.jsonl").read_text().splitlines()
    assert len(lines) == len(set(lines)) and len(lines) + len(read_jsonl(killed / "failures.jsonl")) == COUNT
    resumed = json.loads((killed / "run.json").read_text())["tasks"][FAULTY_KEY]
    uninterrupted = json.loads((reference / "run.json").read_text())["tasks"][FAULTY_KEY]
    assert resumed["kept"] > 0 and resumed["written"] < uninterrupted["written"], "resume redid finished samples"


def test_verify_lists_damage_and_repair_restores_the_exact_bytes(tmp_path, factory, faulty_in_process):
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": FAULTY_KEY, "count": 8, "split": "train", "params": {"variety": 12}}])
    out = tmp_path / "out"
    factory("run", registry, "--out", out, "--workers", "2")
    original = root_digest(out)
    manifest = read_jsonl(out / "manifest.jsonl")
    redrawn = [line for line in manifest if line["attempt"] > 0]
    assert redrawn, "variety 12 over 8 samples should force a duplicate redraw"
    corrupt_png = out / redrawn[0]["path"] / "first_frame.png"
    corrupt_png.write_bytes(corrupt_png.read_bytes()[:-1] + b"\x00")
    missing_video = out / manifest[0]["path"] / "ground_truth.mp4"
    missing_video.unlink()
    gone = next(line for line in manifest if line["path"] not in (redrawn[0]["path"], manifest[0]["path"]))
    for path in sorted((out / gone["path"]).iterdir()):
        path.unlink()
    (out / gone["path"]).rmdir()
    found = invoke("verify", out, exit_code=1)
    assert f"missing {gone['path']}" in found.stdout
    assert f"corrupt {redrawn[0]['path']}: first_frame.png does not match" in found.stdout
    assert f"corrupt {manifest[0]['path']}: ground_truth.mp4 is missing" in found.stdout
    repaired = factory("verify", out, "--repair", "--workers", "2")
    assert "3 repaired" in repaired.stdout
    assert root_digest(out) == original
    invoke("verify", out)
    status = invoke("status", out)
    assert FAULTY_KEY in status.stdout and "8" in status.stdout


def test_interrupted_between_first_draws_and_dedup_resumes_to_the_same_bytes(tmp_path, factory, faulty_in_process):
    params = {"variety": 8, "fail_share": 0.3}
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": FAULTY_KEY, "count": 8, "split": "train", "params": params}])
    reference, interrupted = tmp_path / "reference", tmp_path / "interrupted"
    factory("run", registry, "--out", reference, "--workers", "2", check_code=None)
    shutil.copytree(reference, interrupted)
    (interrupted / "manifest.jsonl").unlink()
    redrawn = [line for line in read_jsonl(reference / "manifest.jsonl") if line["attempt"] > 0]
    assert redrawn, "variety 8 over 8 samples should force duplicate redraws"
    for line in redrawn:  # put back each index's first valid draw, as before the dedup rounds ran
        drawn = draw(FAULTY_KEY, line["seed"], index=line["index"], params=params)
        save_drawn(drawn, get_task(FAULTY_KEY), interrupted / line["path"], index=line["index"], split="train")
    assert folder_digest(interrupted / FAULTY_KEY) != folder_digest(reference / FAULTY_KEY)
    factory("run", registry, "--out", interrupted, "--workers", "2", "--resume", check_code=None)
    assert root_digest(interrupted) == root_digest(reference)
