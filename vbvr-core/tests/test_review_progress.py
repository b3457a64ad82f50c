"""`vbvr review` shows what it is doing: the runner reports each check as it starts and ends, and the
progress display names the check being run (issue 20, item 13)."""

from __future__ import annotations

import io

from rich.console import Console
from vbvr_core.review.report import check_progress
from vbvr_core.review.result import Check, Finding, fail, ok
from vbvr_core.review.runner import run_review


class _Context:
    key = "O-901_tiny_dot"


def _passing(context) -> Finding:
    """Always passes."""
    return ok("fine")


def _failing(context) -> Finding:
    """Always fails."""
    return fail("broken")


CHECKS = [Check("contract", "first", _passing), Check("cost", "second", _failing)]


def test_the_runner_reports_each_check_as_it_starts_and_ends():
    events = []
    report = run_review(_Context(), CHECKS, on_check=lambda check, result: events.append(
        (check.name, None if result is None else result.status.value)))
    assert events == [("first", None), ("first", "pass"), ("second", None), ("second", "fail")]
    assert [result.name for result in report.results] == ["first", "second"]


def test_the_progress_display_names_the_check_being_run_in_a_log():
    log = io.StringIO()
    console = Console(file=log, force_terminal=False, width=120)
    with check_progress(len(CHECKS), console) as on_check:
        run_review(_Context(), CHECKS, on_check=on_check)
    assert "running contract / first" in log.getvalue() and "running cost / second" in log.getvalue()


def test_machine_read_output_gets_no_announcements():
    log = io.StringIO()
    with check_progress(len(CHECKS), Console(file=log, force_terminal=False), announce=False) as on_check:
        run_review(_Context(), CHECKS, on_check=on_check)
    assert "running" not in log.getvalue()
