"""Printing a review: a rich table of checks (pass / warn / fail, seconds, what to fix) and a summary line."""

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
    for column in ("group", "check", "status", "s", "message"):
        table.add_column(column, overflow="fold", justify="right" if column == "s" else "left")
    for result in report.results:
        style = STYLES[result.status]
        table.add_row(result.group, result.name, f"[{style}]{result.status.value}[/]", f"{result.seconds:.1f}",
                      result.message)
    console.print(table)
    counts = report.counts()
    verdict = "[bold red]FAILED[/]" if report.failed else "[green]passed[/]"
    console.print(f"{report.task_key}: {verdict} — {counts['pass']} pass, {counts['warn']} warn, "
                  f"{counts['fail']} fail in {report.seconds:.1f} s")
