"""The ``vbvr-bench`` command line.

Each command is one typed function in its own module under :mod:`vbvr_benchmark.commands`, registered
in :data:`COMMANDS` below. Adding a command (e.g. ``rate`` or ``agreement``) is: write
``commands/<name>.py`` with that function, import the module here, add one line to ``COMMANDS``.

Exit codes: 0 success, 1 a check failed (``validate-scorers``), 2 bad usage.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from vbvr_benchmark.commands import agreement, baseline, compare, rate, score, validate_scorers

COMMANDS: dict[str, Callable[..., None]] = {
    "score": score.score,
    "baseline": baseline.baseline,
    "validate-scorers": validate_scorers.validate_scorers,
    "compare": compare.compare,
    "rate": rate.rate,
    "agreement": agreement.agreement,
}

app = typer.Typer(
    name="vbvr-bench",
    help="VBVR benchmark: score a video model's videos with the tasks' rule-based scorers, write reference "
         "baselines, prove every scorer separates them, compare models.",
    no_args_is_help=True,
    add_completion=False,
)

for name, function in COMMANDS.items():
    app.command(name)(function)
