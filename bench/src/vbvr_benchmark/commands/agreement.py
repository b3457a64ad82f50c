"""``vbvr-bench agreement``: rank correlation of rule-based scores with human ratings, and inter-rater α."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from vbvr_benchmark.commands.common import console, errors, fail_usage

AGREEMENT_FOLDER = "agreement"


def _cell(value: float | None, low: float | None = None, high: float | None = None) -> str:
    if value is None:
        return "–"
    return f"{value:+.3f}" + ("" if low is None or high is None else f" [{low:+.3f}, {high:+.3f}]")


def agreement(
    ratings: Annotated[Path, typer.Option("--ratings", help="The --db file of `vbvr-bench rate`, or its --export "
                                              "CSV.")],
    report: Annotated[list[Path], typer.Option("--report", help="Score report folder(s) of the rated models "
                                                   "(`score --model MODEL --report DIR`), or a folder holding "
                                                   "them; repeat for several.")],
    out: Annotated[Path | None, typer.Option("--out", help="Output folder (default: <first --report>/agreement).")]
    = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap resamples.")] = 0,
    include_simulated: Annotated[bool, typer.Option("--include-simulated", help="Pool simulated raters (`rate "
                                                        "--simulate`) with the human ones; by default they are "
                                                        "left out whenever people rated.")] = False,
) -> None:
    """Measure how well rule-based scores agree with human ratings, and raters with each other.

    Spearman ρ and Kendall τ between rule-based scores and mean human ratings (overall, per category, per task,
    per scale) with bootstrap intervals; Krippendorff's α among raters; a scatter plot and agreement.md.
    Simulated raters are left out whenever people rated (--include-simulated pools them).
    """
    from vbvr_benchmark.agreement import RatingsError, ScoresError, load_ratings, load_scores, measure_agreement
    from vbvr_benchmark.agreement_report import SCATTER_PNG, write_agreement
    from vbvr_benchmark.rating.db import SCALE_LABELS

    try:
        rated = load_ratings(ratings)
        scores = load_scores(report)
    except (ScoresError, RatingsError) as error:
        raise fail_usage(str(error)) from None
    if not rated:
        raise fail_usage(f"--ratings {ratings}: holds no rating yet")
    result = measure_agreement(scores, rated, seed=seed, include_simulated=include_simulated)
    if not result.videos:
        raise fail_usage("no rated video has a rule-based score: the MODEL names in the ratings "
                         f"({', '.join(sorted({r.model for r in rated})[:5])}) must match the reports' --model names")
    folder = out or report[0] / AGREEMENT_FOLDER
    write_agreement(result, folder)
    table = Table(title=f"Agreement: {len(result.videos)} videos, {result.raters_label}")
    for column in ("scope", "videos", "Spearman ρ [95%]", "Kendall τ [95%]"):
        table.add_column(column)
    rows = [("overall (human score)", result.overall),
            *((SCALE_LABELS[scale], correlation) for scale, correlation in result.scales.items()),
            *((f"category {name}", correlation) for name, correlation in result.categories.items())]
    for name, correlation in rows:
        table.add_row(name, str(correlation.videos), _cell(correlation.rho, correlation.rho_low, correlation.rho_high),
                      _cell(correlation.tau, correlation.tau_low, correlation.tau_high))
    console.print(table)
    console.print("Krippendorff's α (ordinal): "
                  + ", ".join(f"{SCALE_LABELS[scale]} {_cell(alpha)}" for scale, alpha in result.alpha.items()))
    if result.rated_unscored:
        errors.print(f"[yellow]{result.rated_unscored} rated video(s) have no rule-based score[/]")
    console.print(f"agreement written to {folder} ({SCATTER_PNG}, agreement.md, agreement.json)")
