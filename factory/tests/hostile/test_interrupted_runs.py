"""Interrupted runs: a killed coordinator leaves no worker behind, and ``status`` says the run was interrupted."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from factory_testkit import FAULTY_KEY, write_registry

SLOW = {"slow_ms": 300}


def _children(pid: int) -> set[int]:
    """Pids of the live processes whose parent is ``pid``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_run(tmp_path: Path, faulty_path: Path, count: int) -> tuple[subprocess.Popen, Path]:
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": FAULTY_KEY, "count": count, "split": "train", "params": SLOW}])
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(faulty_path)}
    process = subprocess.Popen([sys.executable, "-m", "vbvr_factory", "run", str(registry), "--out", str(out),
                                "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(out.glob(f"{FAULTY_KEY}/*/metadata.json")):
        assert process.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.05)
    return process, out


def test_workers_exit_within_10_s_of_a_kill_9_of_the_coordinator(tmp_path, faulty_path):
    process, _ = _start_run(tmp_path, faulty_path, count=200)
    workers = _children(process.pid)
    assert len(workers) >= 2, f"expected the pool's workers as children, found {workers}"
    os.kill(process.pid, signal.SIGKILL)  # only the coordinator: its workers must notice by themselves
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # leave nothing behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers {survivors} outlived their coordinator by 10 s"


def test_status_calls_a_killed_run_interrupted(tmp_path, faulty_path, factory):
    process, out = _start_run(tmp_path, faulty_path, count=40)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert json.loads((out / "run.json").read_text())["status"] == "running"  # what the killed run left
    done = factory("status", out)
    assert "run interrupted" in done.stdout and not re.search(r"\brunning\b", done.stdout), done.stdout
    assert "--resume" in done.stdout


def test_run_states_from_owner_and_heartbeat():
    from datetime import UTC, datetime, timedelta

    from vbvr_factory.liveness import STALE_AFTER_SECONDS, owner_record, run_state

    me = owner_record()
    now = datetime.now(UTC)
    assert run_state({"status": "complete"}).name == "complete"
    assert run_state({"status": "running", "owner": me}).name == "running"
    reused = {**me, "pid_started": (me["pid_started"] or 0) + 1}  # the pid now belongs to another process
    assert run_state({"status": "running", "owner": reused}).name == "interrupted"
    gone = {**me, "pid": 2**22 + 7}  # above Linux's pid_max default: no such process
    assert run_state({"status": "running", "owner": gone}).name == "interrupted"
    remote = {"host": "another-host.invalid", "pid": 1, "pid_started": 1}
    fresh = (now - timedelta(seconds=5)).isoformat()
    old = (now - timedelta(seconds=STALE_AFTER_SECONDS + 60)).isoformat()
    assert run_state({"status": "running", "owner": remote, "heartbeat": fresh}, now).name == "running"
    assert run_state({"status": "running", "owner": remote, "heartbeat": old}, now).name == "stale"
    assert run_state({"status": "running"}).name == "unknown"
