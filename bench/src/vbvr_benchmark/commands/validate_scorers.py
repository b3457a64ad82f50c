"""``vbvr-bench validate-scorers``: every task's scorer must separate the baselines (exit 1 if one does not);
with ``--robustness``, every task must earn its robustness certificate (exit 1 on any miss)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from vbvr_benchmark.commands.common import console, errors, existing_folder, fail_usage, progress_bar
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

STATUS_STYLE = {"pass": "", "miss": "bold red", "exempt": "dim"}


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _short(key: str) -> str:
    """A task's column header: its ID (``G-15``)."""
    return key.split("_", 1)[0]


def certificate_table(certificates) -> Table:
    """Probe × task table of the means; a miss in red, an exempt probe dimmed, a probe the task lacks '–'."""
    from vbvr_core.judge.certificate import certificate_matrix
    from vbvr_core.judge.thresholds import ORACLE_MIN, SHORTCUT_MAX, VARIANT_MEAN_MIN, VARIANT_MIN

    table = Table(title=f"Robustness certificate (means over samples): oracle ≥ {ORACLE_MIN}; variants and "
                        f"alternatives ≥ {VARIANT_MIN} each, ≥ {VARIANT_MEAN_MIN} mean; shortcuts ≤ {SHORTCUT_MAX} "
                        "each; near misses < oracle. Red: miss; dim: exempt (end-state task)",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("probe", no_wrap=True)
    for certificate in certificates:
        table.add_column(_short(certificate.task_key), justify="right")
    for group, name, verdicts in certificate_matrix(certificates):
        cells = []
        for verdict in verdicts:
            if verdict is None:
                cells.append("–")
                continue
            style = STATUS_STYLE[verdict.status]
            cells.append(f"[{style}]{verdict.mean:.2f}[/]" if style else f"{verdict.mean:.2f}")
        table.add_row(f"{group}:{name}" if group != "oracle" else name, *cells)
    verdicts = ["[green]pass[/]" if certificate.passed else "[bold red]FAIL[/]" for certificate in certificates]
    table.add_row("verdict", *verdicts, end_section=True)
    return table


def _robustness(samples: Path, folder: Path, workers: int, as_json: bool) -> None:
    from vbvr_benchmark.validate import validate_robustness

    ours = [entry for entry in find_samples(samples) if entry.has_metadata]
    if not ours:
        raise fail_usage(f"--samples {samples}: --robustness needs samples with metadata.json (made by vbvr "
                         "generate or vbvr-factory); official ground truth has no scorer of its own")
    with progress_bar() as progress:
        bar = progress.add_task("robustness suite (samples)", total=len(ours))
        certificates = validate_robustness(samples, folder, workers=workers,
                                           on_sample=lambda key: progress.update(bar, advance=1, description=key))
    failed = [certificate for certificate in certificates if not certificate.passed]
    if as_json:
        print(json.dumps({"passed": not failed, "tasks": [c.to_dict() for c in certificates]}, indent=2))
    else:
        wide = console if console.is_terminal else type(console)(file=console.file, width=max(120, 14 + 7 * len(certificates)))
        wide.print(certificate_table(certificates))
        for certificate in failed:
            misses = [f"{v.group}:{v.name} ({v.problem})" for v in certificate.misses] + certificate.errors
            errors.print(f"[red]{certificate.task_key}[/]: " + "; ".join(misses), soft_wrap=True)
        console.print(f"{len(certificates) - len(failed)} of {len(certificates)} tasks earn the robustness certificate")
    if failed:
        raise typer.Exit(code=1)


def _baselines(samples: Path, folder: Path, workers: int, timeout: float, splits, as_json: bool) -> None:
    from vbvr_core.judge.thresholds import CLEARLY_LOW, ORACLE_MIN, SHORTCUT_MAX, SHUFFLE_MARGIN

    from vbvr_benchmark.validate import validate_scorers

    with progress_bar() as progress:
        bar = progress.add_task("validating scorers", total=None)
        checks = validate_scorers(samples, folder, workers=workers, timeout=timeout, registry=splits,
                                  on_stage=lambda stage: progress.update(bar, description=stage, completed=0,
                                                                         total=None),
                                  on_video=lambda done, total: progress.update(bar, completed=done, total=total))
    failed = [check for check in checks if not check.passed]
    if as_json:
        print(json.dumps({"passed": not failed, "tasks": [
            {"task_key": c.key, "passed": c.passed, "scorer": c.scorer, "means": c.means, "failures": c.failures}
            for c in checks]}, indent=2))
        if failed:
            raise typer.Exit(code=1)
        return
    table = Table(title=f"Scorer validation: oracle ≥ {ORACLE_MIN}, static ≤ {SHORTCUT_MAX}, noise ≤ {SHORTCUT_MAX}, "
                        f"final < {CLEARLY_LOW} (*: needs no process), shuffle ≥ {SHUFFLE_MARGIN} below oracle, "
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
    for check in failed:
        errors.print(f"[red]{check.key}[/]: " + "; ".join(check.failures), soft_wrap=True)
    console.print(f"{len(checks) - len(failed)} of {len(checks)} task scorers pass")
    if failed:
        raise typer.Exit(code=1)


def validate_scorers(
    samples: SamplesOption,
    work: Annotated[Path | None, typer.Option("--work", help="Keep the baseline / probe videos here (default: a "
                                                  "temporary folder, removed afterwards).")] = None,
    workers: WorkersOption = 2,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    registry: RegistryOption = None,
    preset: PresetOption = None,
    robustness: Annotated[bool, typer.Option("--robustness", help="Run the full robustness suite (legitimate "
                                                 "variants, shortcuts, task alternatives and near misses) and print "
                                                 "each task's certificate.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON instead of a table.")] = False,
) -> None:
    """Score the baselines (oracle, static, final, noise, shuffle) of every task and check they separate; with
    --robustness, certify every task's scorer against the whole robustness suite."""
    existing_folder(samples, "--samples")
    splits = load_splits(registry, preset)
    if not find_samples(samples):
        raise fail_usage(f"--samples {samples}: no samples found")
    with tempfile.TemporaryDirectory(prefix="vbvr-bench-baselines-") as scratch:
        folder = work or Path(scratch)
        if robustness:
            _robustness(samples, folder, workers, as_json)
        else:
            _baselines(samples, folder, workers, timeout, splits, as_json)
