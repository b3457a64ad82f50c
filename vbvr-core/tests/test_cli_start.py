"""The ``vbvr`` command line starts light and lists installed tasks as a plain, aligned table."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner
from vbvr_core import discovery
from vbvr_core.cli.app import aligned, app


def test_the_command_line_starts_without_rich_numpy_or_the_media_stack():
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import vbvr_core.cli.app"],
                            capture_output=True, text=True, check=True)
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "typer" in imported and "vbvr_core.discovery" in imported
    assert not {name for name in imported if name.split(".")[0] in {"rich", "numpy", "av", "cv2", "PIL", "git"}}


def test_list_prints_every_installed_task_in_aligned_columns():
    result = CliRunner().invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    installed = discovery.list_tasks()
    assert lines[0].split() == ["key", "category", "version"]
    assert lines[-1] == f"{len(installed)} installed VBVR tasks"
    rows = lines[2:-1]
    assert [row.split()[0] for row in rows] == [task.key for task in installed]
    category_column = lines[0].index("category")
    for row, task in zip(rows, installed, strict=True):
        assert row[category_column:].split()[0] == discovery.get_task(task.key).info.category.value
        assert row.split()[-1] == task.version


def test_aligned_pads_each_column_to_its_widest_cell():
    assert aligned([["a", "bb", "c"], ["ccc", "d", "e"]]).splitlines() == ["a    bb  c", "ccc  d   e"]
