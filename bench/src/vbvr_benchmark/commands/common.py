"""What every command shares: the consoles, usage errors (exit 2), a progress bar, folder checks."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console()
errors = Console(stderr=True)


def fail_usage(message: str) -> typer.Exit:
    """Print ``message`` to stderr and return an exit-2 (bad usage) exception to raise."""
    errors.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def existing_folder(path: Path, option: str) -> Path:
    """``path`` if it is a folder, else exit 2 naming the option."""
    if not path.is_dir():
        raise fail_usage(f"{option} {path}: no such folder")
    return path


def progress_bar() -> Progress:
    """A transient progress bar on stderr."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=errors, transient=True)
