"""What every command shares: the consoles, usage errors (exit 2, core's one helper), a progress bar,
folder checks, and the option declarations several commands use (so one flag means one thing)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from vbvr_core.cli.usage import deprecated, fail_usage, refuse_existing, writable_folder

__all__ = ["ForceOption", "SamplesOption", "WorkersOption", "console", "deprecated", "errors", "existing_folder",
           "fail_usage", "progress_bar", "refuse_existing", "writable_folder"]

console = Console()
errors = Console(stderr=True)

SamplesOption = Annotated[Path, typer.Option("--samples", help="Ground-truth samples: our layout (<KEY>/<index>/) "
                                              "or the official VBVR-Bench layout (In-Domain_50/...).")]
WorkersOption = Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite files in OUT that this command did not write.")]


def existing_folder(path: Path, option: str) -> Path:
    """``path`` if it is a folder, else exit 2 naming the option."""
    if not path.is_dir():
        raise fail_usage(f"{option} {path}: no such folder")
    return path


def progress_bar() -> Progress:
    """A transient progress bar on stderr."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=errors, transient=True)
