"""``vbvr-bench score``: score a model's videos folder and write the report.

The report folder (``--out``) is created and proved writable before the first video is scored; if writing
the report still fails afterwards (the disk filled up), the report goes to a temporary file that the
error names, so the scores are never lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from vbvr_benchmark.commands.common import (
    SamplesOption,
    WorkersOption,
    console,
    deprecated,
    errors,
    existing_folder,
    fail_usage,
    progress_bar,
    writable_folder,
)
from vbvr_benchmark.layout import find_samples
from vbvr_benchmark.scoring import DEFAULT_TIMEOUT, Row
from vbvr_benchmark.splits import RegistryReadError, registry_splits

__all__ = ["PresetOption", "RegistryOption", "SamplesOption", "TimeoutOption", "WorkersOption", "load_splits",
           "score"]
TimeoutOption = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds one video may take before its "
                                               "worker is killed and it scores 0 (timeout).")]
RegistryOption = Annotated[Path | None, typer.Option("--registry", help="registry.yaml giving each task's split "
                                                         "(train / test-id: in-domain, test-ood: out-of-domain).")]
PresetOption = Annotated[str | None, typer.Option("--preset", help="Registry preset whose splits apply.")]


def load_splits(registry: Path | None, preset: str | None) -> dict[str, str] | None:
    """Task splits from ``--registry`` (exit 2 with the reason when unreadable)."""
    if registry is None:
        if preset is not None:
            raise fail_usage("--preset needs --registry")
        return None
    try:
        return registry_splits(registry, preset)
    except RegistryReadError as error:
        raise fail_usage(str(error)) from None


def summary_table(document: dict) -> Table:
    """Overall, split and category scores of a report as a rich table."""
    # Text, not markup: the model name is the videos folder's name, which may hold "[" and "]".
    table = Table(title=Text(f"{document['model']}: {document['overall']['videos']} videos, "
                             f"{document['overall']['tasks']} tasks"))
    for column in ("", "score", "95% interval", "tasks"):
        table.add_column(column)
    sections = [("overall", {"overall": document["overall"]}), ("split", document["splits"]),
                ("category", document["categories"])]
    for _, estimates in sections:
        for name, estimate in estimates.items():
            table.add_row(name, f"{estimate['mean']:.3f}", f"[{estimate['low']:.3f}, {estimate['high']:.3f}]",
                          str(estimate["tasks"]))
    return table


def score(
    samples: SamplesOption,
    videos: Annotated[Path, typer.Option("--videos", help="The model's videos: <KEY>/<index>.mp4, "
                                          "<KEY>/<index>/video.mp4, or the official layout.")],
    out: Annotated[Path | None, typer.Option("--out", help="Folder for report.json, scores.csv, "
                                             "report.md and plots/.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model name in the report (default: the "
                                                  "videos folder's name).")] = None,
    workers: WorkersOption = 2,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    registry: RegistryOption = None,
    preset: PresetOption = None,
    report: Annotated[Path | None, typer.Option("--report", hidden=True, help="Deprecated: use --out.")] = None,
) -> None:
    """Score every sample's video with its task's scorer; aggregate per task, category, split and overall."""
    from vbvr_benchmark.aggregate import summarize
    from vbvr_benchmark.report import report_document, write_report
    from vbvr_benchmark.scoring import score_folder

    out = deprecated("--out", out, "--report", report, None)
    failed_to_write = False
    existing_folder(samples, "--samples")
    existing_folder(videos, "--videos")
    splits = load_splits(registry, preset)
    count = len(find_samples(samples))
    if count == 0:
        raise fail_usage(f"--samples {samples}: no samples found (expected <KEY>/<index>/metadata.json or "
                         "In-Domain_50/<KEY>_data-generator/<index>/ground_truth.mp4)")
    if out is not None:
        writable_folder(out, "--out")
    with progress_bar() as progress:
        bar = progress.add_task("scoring", total=count)

        def advance(_row: Row) -> None:
            progress.advance(bar)

        run = score_folder(samples, videos, registry=splits, workers=workers, timeout=timeout, on_done=advance)
    summary = summarize(run.rows)
    name = model or videos.resolve().name
    document = report_document(name, run, summary)
    if out is not None:
        try:
            write_report(out, name, run, summary)
        except OSError as error:
            saved = _save_elsewhere(document)
            errors.print(f"error: --out {out}: the report could not be written ({error.strerror or error}); "
                         f"the scores are saved in {saved}", style="bold red", markup=False, highlight=False,
                         soft_wrap=True)
            out = None
            failed_to_write = True
    console.print(summary_table(document))
    problems = [row for row in run.rows if row.status != "ok"]
    if problems:
        errors.print(f"{len(problems)} video(s) scored 0 without being judged: "
                     + ", ".join(f"{row.key}/{row.index} ({row.status})" for row in problems[:10])
                     + (" ..." if len(problems) > 10 else ""))
    if run.unmatched_videos:
        errors.print(f"{len(run.unmatched_videos)} video(s) matched no sample and were ignored")
    if out is not None:
        console.print(f"report written to {out}", markup=False, highlight=False)
    if failed_to_write:
        raise typer.Exit(code=1)


def _save_elsewhere(document: dict) -> Path:
    """Write ``document`` as JSON to a new temporary file; return its path."""
    import json
    import tempfile

    with tempfile.NamedTemporaryFile("w", prefix="vbvr-bench-report-", suffix=".json", delete=False,
                                     encoding="utf-8") as file:
        json.dump(document, file, indent=2, sort_keys=True)
    return Path(file.name)
