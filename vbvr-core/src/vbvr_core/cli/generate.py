"""``vbvr generate``: COUNT verified samples of one task into OUT/KEY/<index:08d>/.

Refuses (exit 2) before writing anything when OUT cannot be written, when a seed is out of range, or when a
sample folder it would write already exists (``--force`` replaces them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from vbvr_core.cli.usage import (
    MAX_SEED,
    SEED_HELP,
    escape,
    fail_usage,
    refuse_existing,
    stderr_console,
    stdout_console,
    writable_folder,
)


def _overrides(params: str | None) -> dict | None:
    try:
        overrides = json.loads(params) if params else None
    except json.JSONDecodeError as error:
        raise fail_usage(f"--params is not valid JSON: {error}") from None
    if overrides is not None and not isinstance(overrides, dict):
        raise fail_usage("--params must be a JSON object, e.g. '{\"rows\": 8}'")
    return overrides


def generate(
    key: Annotated[str, typer.Argument(help="Task key, e.g. G-15_grid_avoid_obstacles.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder; samples go to OUT/KEY/<index:08d>/.")],
    seed: Annotated[int, typer.Option("--seed", min=0, max=MAX_SEED, help="Base seed; sample i uses a seed "
                                      f"derived from it, the key and i ({SEED_HELP}).")] = 0,
    count: Annotated[int, typer.Option("--count", min=1, help="Number of samples.")] = 1,
    params: Annotated[str | None, typer.Option("--params", help='JSON object fixing parameters, e.g. \'{"rows": 8}\'.')] = None,
    require_commit: Annotated[bool, typer.Option(help="Refuse to write samples whose package commit is unknown.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace sample folders that already exist in OUT.")] = False,
) -> None:
    """Generate COUNT verified samples of one task into OUT."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from vbvr_core.cli.app import resolve_task
    from vbvr_core.contract import FailureRecord
    from vbvr_core.pipeline.produce import MissingCommitError, produce
    from vbvr_core.pipeline.sample_io import sample_name
    from vbvr_core.pipeline.seeds import sample_seed

    registration = resolve_task(key)
    overrides = _overrides(params)
    destinations = [out / key / sample_name(index) for index in range(count)]
    if not force:
        refuse_existing(destinations, "--out", out, "sample folders")
    writable_folder(out / key, "--out")
    failures: list[FailureRecord] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr_console(), transient=True) as progress:
        bar = progress.add_task(key, total=count)
        for index, dest in enumerate(destinations):
            try:
                result = produce(registration, sample_seed(seed, key, index), dest, index=index,
                                 params=overrides, require_commit=require_commit)
            except MissingCommitError as error:
                raise fail_usage(str(error)) from None
            except OSError as error:
                raise fail_usage(f"--out {out}: cannot write {dest} ({error.strerror or error}); "
                                 f"{index} of {count} samples were written. Fix: free space or permissions, "
                                 "then rerun with --force") from None
            if isinstance(result, FailureRecord):
                failures.append(result)
                if result.problems and result.problems[0].startswith("invalid params"):
                    raise fail_usage(f"{key}: {result.problems[0]}")
            progress.advance(bar)
    stdout_console().print(f"{count - len(failures)} of {count} samples of {key} written to {out / key}", markup=False,
                  highlight=False)
    for failure in failures:
        stderr_console().print(f"[red]failed[/] sample {failure.index} (seed {failure.seed}): {escape(failure.problems[-1])}")
    if failures:
        raise typer.Exit(code=1)
