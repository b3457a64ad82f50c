"""One vocabulary across the four command lines (issue 14, item 4): the same flag for the same thing, old
spellings still accepted with a deprecation warning on stderr, one usage-error helper."""

from __future__ import annotations

import importlib

import pytest
from typer.testing import CliRunner

CLIS = {"vbvr": "vbvr_core.cli.app", "vbvr-bench": "vbvr_benchmark.cli", "vbvr-factory": "vbvr_factory.cli",
        "vbvr-trainer": "vbvr_trainer.cli"}
# (cli, command, flags its help must show, flags it must not advertise)
EXPECTED = [
    ("vbvr", "generate", ["--count", "--out", "--seed", "--force"], []),
    ("vbvr", "review", ["--count", "--seed"], ["--samples"]),
    ("vbvr", "score", ["--sample", "--video"], []),
    ("vbvr-bench", "score", ["--samples", "--videos", "--out", "--workers"], ["--report"]),
    ("vbvr-bench", "baseline", ["--samples", "--out", "--workers", "--force"], []),
    ("vbvr-factory", "run", ["--count", "--out", "--workers"], []),
    ("vbvr-factory", "estimate", ["--count", "--total", "--workers"], ["--samples"]),
    ("vbvr-trainer", "export", ["--samples", "--out"], []),
    ("vbvr-trainer", "scaling", ["--out", "--workers", "--seed"], ["--jobs"]),
]


def app_of(cli: str):
    module = pytest.importorskip(CLIS[cli])
    return module.app


def invoke(cli: str, *args):
    return CliRunner().invoke(app_of(cli), [str(arg) for arg in args], env={"COLUMNS": "250"})


@pytest.mark.parametrize(("cli", "command", "shown", "hidden"), EXPECTED, ids=lambda v: v if isinstance(v, str) else "")
def test_each_command_speaks_the_shared_vocabulary(cli, command, shown, hidden):
    text = invoke(cli, command, "--help").output
    flags = {word.strip(",") for word in text.split() if word.startswith("--")}
    assert set(shown) <= flags, (cli, command, flags)
    assert not set(hidden) & flags, (cli, command, flags)


@pytest.mark.parametrize(("cli", "args", "old", "new"), [
    ("vbvr", ["review", "G-999_nope", "--samples", "3"], "--samples", "--count"),
    ("vbvr-bench", ["score", "--samples", "/nonexistent", "--videos", "/nonexistent", "--report", "/tmp/x"],
     "--report", "--out"),
    ("vbvr-factory", ["estimate", "/nonexistent.yaml", "--samples", "100"], "--samples", "--total"),
    ("vbvr-trainer", ["scaling", "--out", "/nonexistent/x", "--jobs", "2", "--sizes", "x"], "--jobs", "--workers"),
])
def test_old_spellings_still_work_and_say_they_are_deprecated(cli, args, old, new):
    result = invoke(cli, *args)
    text = " ".join(result.output.split())
    assert f"{old} is deprecated" in text and f"use {new}" in text, result.output
    assert result.exit_code == 2 and "Traceback" not in result.output  # each stops on its bad input, exit 2


def test_one_usage_error_helper_serves_all_four_clis():
    from vbvr_core.cli import usage

    for module_name in CLIS.values():
        module = importlib.import_module(module_name) if module_name != "vbvr_benchmark.cli" else \
            importlib.import_module("vbvr_benchmark.commands.common")
        assert getattr(module, "fail_usage", usage.fail_usage) is usage.fail_usage, module_name


def test_the_makefile_and_noxfile_read_the_one_package_list():
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    assert "vbvr_core/release/packages.py" in (root / "Makefile").read_text()
    assert "vbvr_core/release/packages.py" in (root / "noxfile.py").read_text()
