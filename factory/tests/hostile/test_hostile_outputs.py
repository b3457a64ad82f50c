"""Hostile output roots: each is refused before any worker starts or progress is drawn, exit 2, with the fix.

Nothing outside the output root is touched, and a refused root keeps its bytes.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from factory_testkit import FAULTY_KEY, write_registry
from hostile_kit import invoke, is_root, refused, snapshot
from vbvr_factory.liveness import owner_record

TASKS = [{"key": FAULTY_KEY, "count": 3, "split": "train"}]


@pytest.fixture
def registry(tmp_path, faulty_in_process):
    return write_registry(tmp_path / "registry.yaml", TASKS)


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory, faulty_path):
    """A complete small run (made once, in a subprocess with a worker pool), copied by the tests that need one."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("finished")
    registry = write_registry(folder / "registry.yaml", TASKS)
    subprocess.run([sys.executable, "-m", "vbvr_factory", "run", str(registry), "--out", str(folder / "out"),
                    "--workers", "1"], env={**os.environ, "PYTHONPATH": str(faulty_path)}, check=True,
                   capture_output=True, timeout=240)
    return folder


def copy_run(finished_run, tmp_path):
    """A copy of the finished run (registry and out) under ``tmp_path``."""
    shutil.copy(finished_run / "registry.yaml", tmp_path / "registry.yaml")
    shutil.copytree(finished_run / "out", tmp_path / "out", symlinks=True)
    return tmp_path / "registry.yaml", tmp_path / "out"


def test_out_under_a_file_names_the_file_and_does_not_suggest_resume(tmp_path, registry):
    (tmp_path / "notes.txt").write_text("mine")
    before = snapshot(tmp_path)
    output = refused(invoke("run", registry, "--out", tmp_path / "notes.txt" / "out"),
                     "notes.txt is a file, not a folder", "choose a folder path for --out")
    assert "--resume" not in output
    assert snapshot(tmp_path) == before


@pytest.mark.skipif(is_root(), reason="root may write anywhere, so a permission refusal cannot be staged")
def test_out_in_a_read_only_folder_is_refused_with_chmod(tmp_path, registry):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        refused(invoke("run", registry, "--out", locked / "out"), "may not write into", "chmod u+w")
    finally:
        locked.chmod(0o755)


def test_unwritable_out_is_refused_with_chmod_whoever_runs_the_tests(tmp_path, registry, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path) == str(locked)
                        else real_access(path, mode, **kw))
    output = refused(invoke("run", registry, "--out", locked / "out"), "may not write into", f"chmod u+w {locked}")
    assert "--resume" not in output and not (locked / "out").exists()


def test_out_that_is_a_dangling_symlink_is_refused(tmp_path, registry):
    (tmp_path / "out").symlink_to(tmp_path / "gone")
    refused(invoke("run", registry, "--out", tmp_path / "out"), "symbolic link to a missing")
    assert not (tmp_path / "gone").exists()


def test_foreign_folder_is_refused_before_progress_and_keeps_its_files(tmp_path, registry):
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.tex").write_text("do not touch")
    before = snapshot(tmp_path)
    refused(invoke("run", registry, "--out", out), "is not empty and holds no run.json")
    assert snapshot(tmp_path) == before


def test_a_task_folder_linked_outside_the_output_is_refused(tmp_path, finished_run, faulty_in_process):
    registry, out = copy_run(finished_run, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(out / FAULTY_KEY)
    (out / FAULTY_KEY).symlink_to(elsewhere)
    before = snapshot(tmp_path)
    refused(invoke("run", registry, "--out", out, "--resume"), "resolves outside the output root", "remove the link")
    assert snapshot(tmp_path) == before and not list(elsewhere.iterdir())


def test_second_run_into_a_root_a_live_run_is_writing_is_refused(tmp_path, finished_run, faulty_in_process):
    registry, out = copy_run(finished_run, tmp_path)
    document = json.loads((out / "run.json").read_text())
    document.update(status="running", owner=owner_record())  # this very process plays the live coordinator
    (out / "run.json").write_text(json.dumps(document))
    before = snapshot(tmp_path)
    refused(invoke("run", registry, "--out", out, "--resume"), "another vbvr-factory run", f"pid {os.getpid()}",
            "wait for it to finish")
    assert snapshot(tmp_path) == before
    status = invoke("status", out)
    assert status.exit_code == 0 and "run running (pid" in " ".join(status.output.split())


@pytest.mark.parametrize("damage", ["truncated", "not_utf8", "a_list", "bad_plan"])
def test_damaged_run_json_is_named_with_the_fix(tmp_path, finished_run, faulty_in_process, damage):
    registry, out = copy_run(finished_run, tmp_path)
    text = (out / "run.json").read_bytes()
    damaged = {"truncated": text[: len(text) // 2], "not_utf8": b"\xff\xfe" + text, "a_list": b"[1, 2]",
               "bad_plan": json.dumps({**json.loads(text), "plan": {"tasks": "x"}}).encode()}[damage]
    (out / "run.json").write_bytes(damaged)
    before = snapshot(tmp_path)
    commands = [["status", out], ["verify", out]]
    if damage != "bad_plan":  # a resumed run matches the plan by its digest, and rewrites run.json when done
        commands.append(["run", registry, "--out", out, "--resume"])
    for command in commands:
        refused(invoke(*command), "run.json", "run into a new --out")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("name", ["failures.jsonl", "manifest.jsonl"])
def test_a_truncated_line_in_a_list_is_named(tmp_path, finished_run, faulty_in_process, name):
    registry, out = copy_run(finished_run, tmp_path)
    (out / FAULTY_KEY / "00000000" / "first_frame.png").unlink()  # makes verify --repair read the manifest
    (out / name).write_bytes((out / name).read_bytes() + b'{"task_key": "O-999_faulty_test", "ind')
    command = ["status", out] if name == "failures.jsonl" else ["verify", out, "--repair", "--workers", "1"]
    before = snapshot(tmp_path)
    refused(invoke(*command), name, "is not a complete JSON object")
    assert snapshot(tmp_path) == before


def test_status_of_a_folder_that_is_not_a_run_is_refused(tmp_path):
    refused(invoke("status", tmp_path), "holds no run.json")
