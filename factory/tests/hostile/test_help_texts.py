"""Help texts render as written: no option text eaten as markup ("prefix [default: …]." became "prefix ."),
no space before punctuation, one line per command in the command list."""

from __future__ import annotations

import re

import pytest
from hostile_kit import invoke

COMMANDS = ("run", "verify", "status", "submit", "worker", "dlq", "estimate")
STRAY = re.compile(r"\S +[.,;:](\s|$)|\( | \)")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_no_stray_spaces(command):
    result = invoke(command, "--help", env={"COLUMNS": "250"})
    assert result.exit_code == 0
    lines = [line.strip("│ ") for line in result.output.splitlines()]
    assert not [line for line in lines if STRAY.search(line)], result.output


def test_every_command_fits_one_line_of_the_command_list():
    listing = invoke("--help", env={"COLUMNS": "250"}).output
    rows = [line for line in listing.splitlines() if line.startswith("│ ")]
    assert [row.split()[1] for row in rows if len(row.split()) > 1 and row.split()[1] != "--help"] == list(COMMANDS)
