"""``vbvr-bench compare``: several models' reports side by side, and the category correlation analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from vbvr_benchmark.commands.common import console, fail_usage, writable_folder
from vbvr_benchmark.splits import CATEGORIES, IN_DOMAIN, OUT_OF_DOMAIN


def _cell(estimate: dict | None) -> str:
    return "–" if estimate is None else f"{estimate['mean']:.3f}"


def compare(
    reports: Annotated[list[Path], typer.Argument(help="Report folders (or their report.json) from `score --report`.")],
    out: Annotated[Path | None, typer.Option("--out", help="Folder for compare.md, compare.json and plots/.")] = None,
) -> None:
    """Compare models: a leaderboard table, plots, and how category scores correlate across models."""
    from vbvr_benchmark.compare import category_correlation, strongest_pairs, write_comparison
    from vbvr_benchmark.report import ReportError, load_report

    if out is not None:
        writable_folder(out, "--out")
    try:
        documents = [load_report(path) for path in reports]
    except ReportError as error:
        raise fail_usage(str(error)) from None
    table = Table(title="VBVR-Bench leaderboard")
    for column in ("model", "overall", "in-domain", "out-of-domain", *CATEGORIES):
        table.add_column(column)
    for document in sorted(documents, key=lambda doc: -doc["overall"]["mean"]):
        table.add_row(Text(document["model"]), _cell(document["overall"]), _cell(document["splits"].get(IN_DOMAIN)),
                      _cell(document["splits"].get(OUT_OF_DOMAIN)),
                      *(_cell(document["categories"].get(name)) for name in CATEGORIES))
    console.print(table)
    pairs = strongest_pairs(category_correlation(documents))
    if pairs:
        console.print("strongest category couplings across models: "
                      + "; ".join(f"{a} ~ {b}: {r:+.2f}" for a, b, r in pairs))
    else:
        console.print("category correlation needs at least 3 models with varying category scores")
    if out is not None:
        write_comparison(documents, out)
        console.print(f"comparison written to {out}", markup=False, highlight=False)
