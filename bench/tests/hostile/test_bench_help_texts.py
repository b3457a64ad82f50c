"""`vbvr-bench` help texts render as written (no stray space before punctuation) and use the shared flag
vocabulary: --samples is a folder, --out an output, --workers the parallelism (issue 20 item 12, issue 14 item 4)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner
from vbvr_benchmark.cli import COMMANDS, app

STRAY = re.compile(r"\S +[.,;:](\s|$)|\( | \)")


def help_of(command: str) -> str:
    return CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "250"}).output


@pytest.mark.parametrize("command", list(COMMANDS))
def test_help_has_no_stray_spaces(command):
    lines = [line.strip("│ ") for line in help_of(command).splitlines()]
    assert not [line for line in lines if STRAY.search(line)], help_of(command)


def test_score_and_baseline_speak_the_shared_vocabulary():
    score, baseline = help_of("score"), help_of("baseline")
    assert all(flag in score for flag in ("--samples", "--videos", "--out", "--workers"))
    assert "--report" not in score  # the deprecated spelling still works but is not advertised
    assert all(flag in baseline for flag in ("--samples", "--out", "--workers", "--force"))
