"""What every hostile test asserts: the exit code, the message, and that nothing outside the output changed."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner
from vbvr_factory.cli import app


def snapshot(folder: Path, *, skip: Path | None = None) -> dict[str, tuple[int, int, int]]:
    """Path → (mode, size, mtime_ns) of everything under ``folder`` (links not followed), ``skip`` left out."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        status = path.lstat()
        found[str(path.relative_to(folder))] = (status.st_mode, status.st_size, status.st_mtime_ns)
    return found


def invoke(*args, env: dict | None = None):
    """Run ``vbvr-factory ARGS`` in this process; returns the click Result (stdout and stderr in ``output``)."""
    return CliRunner().invoke(app, [str(arg) for arg in args], env={"COLUMNS": "200", **(env or {})})


def refused(result, *phrases: str, code: int = 2) -> str:
    """Assert a one-paragraph refusal: ``code``, every phrase in the message, no traceback, no progress bars."""
    output = " ".join(result.output.split())
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert "all tasks" not in result.output, f"progress was drawn before the refusal:\n{result.output}"
    for phrase in phrases:
        assert phrase in output, f"{phrase!r} not in:\n{result.output}"
    return output


def is_root() -> bool:
    """Whether this process ignores file permissions (root), so permission refusals cannot be staged."""
    return hasattr(os, "geteuid") and os.geteuid() == 0
