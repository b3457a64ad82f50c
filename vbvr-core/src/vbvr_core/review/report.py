"""Printing a review: a rich table of checks and a summary line.

Each row: group, check, status (pass / warn / fail), wall seconds, CPU seconds of this process (the fresh
process's own CPU time is reported by the cost checks), and the message that says what to fix.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from vbvr_core.review.result import ReviewReport, Status

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
