"""`vbvr` help texts render as written: no stray space before punctuation, no text eaten as markup, and every
command's help states the flags of the shared vocabulary (issue 20, item 12; issue 14, item 4)."""

from __future__ import annotations

import re

import pytest
from core_hostile_kit import invoke

COMMANDS = (["list"], ["generate"], ["score"], ["show"], ["review"], ["release", "check"], ["release", "build"])
STRAY = re.compile(r"\S +[.,;:](\s|$)|\( | \)")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_no_stray_spaces(command):
    result = invoke(*command, "--help", env={"COLUMNS": "250"})
    assert result.exit_code == 0
    lines = [line.strip("│ ") for line in result.output.splitlines()]
    assert not [line for line in lines if STRAY.search(line)], result.output


def test_deprecated_spellings_are_hidden_from_help():
    assert "--samples" not in invoke("review", "--help", env={"COLUMNS": "250"}).output
    assert "--count" in invoke("review", "--help", env={"COLUMNS": "250"}).output
