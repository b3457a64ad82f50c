"""``vbvr-bench baseline``: write a reference model's videos for every sample."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vbvr_benchmark.commands.common import console, errors, existing_folder
from vbvr_benchmark.commands.score import SamplesOption, WorkersOption


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
) -> None:
    """Write the KIND baseline video of every sample into OUT, ready for `vbvr-bench score --videos OUT`."""
    from vbvr_benchmark.baselines import write_baselines

    existing_folder(samples, "--samples")
    run = write_baselines(kind.value, samples, out, workers=workers)
    for reason in run.skipped:
        errors.print(f"[yellow]skipped[/] {reason}")
    console.print(f"{len(run.written)} {kind.value} video(s) written to {out}")
