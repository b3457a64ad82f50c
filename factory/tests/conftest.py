"""Shared fixtures: the test-only faulty task, a CLI runner in a subprocess, registries, a moto S3 server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from factory_testkit import FAULTY_KEY, FIXTURES, free_port  # noqa: E402


@pytest.fixture(scope="session")
def faulty_path(tmp_path_factory) -> Path:
    """A folder holding the faulty test task as an importable package plus its ``*.dist-info`` (entry point)."""
    folder = tmp_path_factory.mktemp("faulty-task")
    shutil.copytree(FIXTURES / "faulty_task", folder / "vbvr_o999_faulty_test")
    info = folder / "vbvr_o999_faulty_test-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: vbvr-o999-faulty-test\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[vbvr]\n{FAULTY_KEY} = vbvr_o999_faulty_test\n")
    return folder


@pytest.fixture
def faulty_in_process(faulty_path, monkeypatch):
    """Make the faulty task discoverable in this test process too."""
    import importlib

    monkeypatch.syspath_prepend(str(faulty_path))
    importlib.invalidate_caches()
    return faulty_path


@pytest.fixture
def factory(faulty_path):
    """Run ``vbvr-factory ARGS`` in a subprocess (the faulty task on its path); returns CompletedProcess."""

    def run(*args: str, env: dict | None = None, check_code: int | None = 0, **popen) -> subprocess.CompletedProcess:
        merged = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(faulty_path),
                                                                           os.environ.get("PYTHONPATH")])),
                  "COLUMNS": "200", **(env or {})}
        done = subprocess.run([sys.executable, "-m", "vbvr_factory", *map(str, args)], env=merged,
                              capture_output=True, text=True, timeout=240, **popen)
        if check_code is not None:
            assert done.returncode == check_code, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done

    return run


@pytest.fixture
def moto_s3(monkeypatch):
    """A moto S3 server on loopback (started here, stopped after); yields its endpoint URL."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                   "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint}
    for name, value in credentials.items():
        monkeypatch.setenv(name, value)
    try:
        yield endpoint
    finally:
        server.stop()
