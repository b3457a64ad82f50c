"""``vbvr-bench validate-scorers``: every task's scorer must separate the baselines (exit 1 if one does not)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from vbvr_benchmark.commands.common import console, errors, existing_folder, fail_usage
from vbvr_benchmark.commands.score import (
    PresetOption,
    RegistryOption,
    SamplesOption,
    TimeoutOption,
    WorkersOption,
    load_splits,
)
from vbvr_benchmark.layout import find_samples
from vbvr_benchmark.scoring import DEFAULT_TIMEOUT


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def validate_scorers(
    samples: SamplesOption,
    work: Annotated[Path | None, typer.Option("--work", help="Keep the baseline videos here (default: a "
                                                  "temporary folder, removed afterwards).")] = None,
    workers: WorkersOption = 2,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    registry: RegistryOption = None,
    preset: PresetOption = None,
) -> None:
    """Score the oracle, static, final, noise and shuffle baselines of every task and check they separate."""
    from vbvr_benchmark.validate import FINAL_MAX, NOISE_MAX, ORACLE_MIN, SHUFFLE_MARGIN, STATIC_MAX, validate_scorers

    existing_folder(samples, "--samples")
    splits = load_splits(registry, preset)
    if not find_samples(samples):
        raise fail_usage(f"--samples {samples}: no samples found")
    with tempfile.TemporaryDirectory(prefix="vbvr-bench-baselines-") as scratch:
        folder = work or Path(scratch)
        with console.status("validating scorers") as status:
            checks = validate_scorers(samples, folder, workers=workers, timeout=timeout, registry=splits,
                                      on_stage=lambda stage: status.update(stage))
    table = Table(title=f"Scorer validation: oracle ≥ {ORACLE_MIN}, static ≤ {STATIC_MAX}, noise ≤ {NOISE_MAX}, "
                        f"final ≤ {FINAL_MAX} (*: needs no process), shuffle ≥ {SHUFFLE_MARGIN} below oracle, "
                        "same scores twice", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("task", overflow="fold", min_width=24)
    for column in ("oracle", "static", "final", "noise", "shuffle", "verdict"):
        table.add_column(column)
    for check in checks:
        final = _cell(check.means.get("final")) + ("" if check.process_required else "*")
        verdict = "[green]pass[/]" if check.passed else "[red]FAIL[/]"
        name = check.key + (" (generic)" if check.scorer == "generic" else "")
        table.add_row(name, _cell(check.means.get("oracle")), _cell(check.means.get("static")), final,
                      _cell(check.means.get("noise")), _cell(check.means.get("shuffle")), verdict)
    console.print(table)
    failed = [check for check in checks if not check.passed]
    for check in failed:
        errors.print(f"[red]{check.key}[/]: " + "; ".join(check.failures), soft_wrap=True)
    console.print(f"{len(checks) - len(failed)} of {len(checks)} task scorers pass")
    if failed:
        raise typer.Exit(code=1)
