"""``vbvr-bench baseline``: write a reference model's videos for every sample.

Refuses (exit 2, before writing anything) when OUT cannot be written or already holds a video it would
replace (``--force`` replaces them); exits 1 when no video could be written at all.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from vbvr_benchmark.commands.common import (
    ForceOption,
    SamplesOption,
    WorkersOption,
    console,
    errors,
    existing_folder,
    fail_usage,
    refuse_existing,
    writable_folder,
)


class BaselineKind(StrEnum):
    """The reference models (see vbvr_core.judge.baselines)."""

    oracle = "oracle"
    static = "static"
    final = "final"
    noise = "noise"
    shuffle = "shuffle"


def baseline(
    kind: Annotated[BaselineKind, typer.Argument(help="oracle: the ground truth; static: the first frame held; "
                                                 "final: a cut to the final frame; noise: random pixels; "
                                                 "shuffle: another sample's ground truth of the same task.")],
    samples: SamplesOption,
    out: Annotated[Path, typer.Option("--out", help="Videos folder to write (mirrors the samples' layout).")],
    workers: WorkersOption = 2,
    force: ForceOption = False,
) -> None:
    """Write the KIND baseline video of every sample into OUT, ready for `vbvr-bench score --videos OUT`."""
    from vbvr_benchmark.baselines import plan_baselines, write_baselines
    from vbvr_benchmark.layout import find_samples

    existing_folder(samples, "--samples")
    if not find_samples(samples):
        raise fail_usage(f"--samples {samples}: no samples found (expected <KEY>/<index>/metadata.json or "
                         "In-Domain_50/<KEY>_data-generator/<index>/ground_truth.mp4)")
    planned, _ = plan_baselines(kind.value, samples, out)
    if not force:
        refuse_existing([item.dest for item in planned], "--out", out, "videos")
    writable_folder(out, "--out")
    run = write_baselines(kind.value, samples, out, workers=workers)
    for reason in run.skipped:
        errors.print(f"[yellow]skipped[/] {escape(reason)}", highlight=False)
    if not run.written:
        errors.print(f"[bold red]error:[/] no {kind.value} video was written to {escape(str(out))}: every sample was skipped "
                     "(reasons above)", highlight=False, soft_wrap=True)
        raise typer.Exit(code=1)
    console.print(f"{len(run.written)} {kind.value} video(s) written to {out}", markup=False, highlight=False)
