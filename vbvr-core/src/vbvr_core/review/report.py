"""Printing a review: a progress display while the checks run, then a rich table of checks and a summary line.

Each row: group, check, status (pass / warn / fail), wall seconds, CPU seconds of this process (the fresh
process's own CPU time is reported by the cost checks), and the message that says what to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from vbvr_core.review.result import Check, CheckResult, ReviewReport, Status

STYLES = {Status.PASS: "green", Status.WARN: "yellow", Status.FAIL: "bold red"}


WIDE_LOG = 200


def print_report(report: ReviewReport, console: Console) -> None:
    """Print ``report`` as a table followed by a one-line verdict (wide when writing to a log, not a terminal)."""
    if not console.is_terminal:
        console = Console(file=console.file, width=WIDE_LOG)
    table = Table(title=f"vbvr review {report.task_key}", show_lines=False)
    for column in ("group", "check", "status", "s", "core-s", "message"):
        table.add_column(column, overflow="fold", justify="right" if column in ("s", "core-s") else "left")
    for result in report.results:
        style = STYLES[result.status]
        table.add_row(result.group, result.name, f"[{style}]{result.status.value}[/]", f"{result.seconds:.1f}",
                      f"{result.core_seconds:.1f}", result.message)
    console.print(table)
    counts = report.counts()
    verdict = "[bold red]FAILED[/]" if report.failed else "[green]passed[/]"
    console.print(f"{report.task_key}: {verdict} — {counts['pass']} pass, {counts['warn']} warn, "
                  f"{counts['fail']} fail in {report.seconds:.1f} s")


@contextmanager
def check_progress(total: int, console: Console,
                   announce: bool = True) -> Iterator[Callable[[Check, CheckResult | None], None]]:
    """A transient progress display on ``console`` naming the check being run; yields ``run_review``'s
    ``on_check`` callback. Off a terminal (a log, CI) each check is announced on a line of its own instead,
    unless ``announce`` is False (machine-read output)."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        bar = progress.add_task("review", total=total)

        def on_check(single_check: Check, result: CheckResult | None) -> None:
            if result is None:
                progress.update(bar, description=f"{single_check.group} / {single_check.name}")
                if announce and not console.is_terminal:
                    console.print(f"running {single_check.group} / {single_check.name}", highlight=False)
                return
            progress.advance(bar)

        yield on_check
