"""Writing ``vbvr-bench agreement``'s outputs into one folder.

``agreement.json``        every figure (for machines)
``agreement.md``          the summary: overall ρ and τ with intervals, per scale, category and task, α
``agreement_videos.csv``  one row per rated video: rule-based score, mean rating per scale, human score
``agreement_scatter.png`` rule-based score vs mean human rating, one panel per measure, by category

No timestamps: the same ratings and reports give the same bytes.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from vbvr_benchmark.agreement import CONFIDENCE, HUMAN, RESAMPLES, Agreement, Correlation
from vbvr_benchmark.rating.db import SCALE_LABELS, SCALES

SCHEMA = "vbvr-benchmark.agreement/1"
AGREEMENT_JSON, AGREEMENT_MD = "agreement.json", "agreement.md"
VIDEOS_CSV, SCATTER_PNG = "agreement_videos.csv", "agreement_scatter.png"
MEASURE_LABELS = {HUMAN: "Human score (mean of scales)", **SCALE_LABELS}


def agreement_document(result: Agreement) -> dict:
    """The JSON document of an agreement run."""
    return {
        "schema": SCHEMA,
        "bootstrap": {"resamples": RESAMPLES, "confidence": CONFIDENCE, "seed": result.seed},
        "counts": {"videos": len(result.videos), "ratings": sum(result.raters.values()),
                   "raters": len(result.raters), "human_raters": len(result.human_raters),
                   "simulated_raters": len(result.simulated_raters),
                   "simulated_raters_left_out": len(result.excluded_simulated_raters),
                   "models": len({video.video.model for video in result.videos}),
                   "rated_but_not_scored": result.rated_unscored, "scored_but_not_rated": result.scored_unrated},
        "overall": result.overall.as_dict(),
        "scales": {scale: correlation.as_dict() for scale, correlation in result.scales.items()},
        "categories": {name: correlation.as_dict() for name, correlation in result.categories.items()},
        "tasks": {key: correlation.as_dict() for key, correlation in result.tasks.items()},
        "krippendorff_alpha_ordinal": result.alpha,
        "raters": result.raters,
        "simulated_raters": list(result.simulated_raters),
        "raters_label": result.raters_label,
    }


def _value(value: float | None) -> str:
    return "–" if value is None else f"{value:+.3f}"


def _cells(correlation: Correlation) -> str:
    def with_interval(value: float | None, low: float | None, high: float | None) -> str:
        return "–" if value is None else f"{value:+.3f} [{_value(low)}, {_value(high)}]"

    return (f"{correlation.videos} | {with_interval(correlation.rho, correlation.rho_low, correlation.rho_high)} | "
            f"{with_interval(correlation.tau, correlation.tau_low, correlation.tau_high)}")


def agreement_markdown(document: dict, result: Agreement) -> str:
    """The Markdown summary."""
    counts = document["counts"]
    header = ["| Scope | Videos | Spearman ρ [95%] | Kendall τ [95%] |", "|---|---|---|---|"]
    lines = [
        "# Agreement between rule-based scores and human ratings\n",
        f"{counts['videos']} videos of {counts['models']} model(s), {counts['ratings']} ratings by "
        f"{result.raters_label}. A video's human score is the mean over its raters of the three 1–5 "
        f"scales, averaged. Intervals: {CONFIDENCE:.0%} bootstrap over videos ({RESAMPLES} resamples, seed "
        f"{result.seed}); – where a scope has under 3 videos or no variation.\n",
        f"**Overall: Spearman ρ = {_value(result.overall.rho)}, Kendall τ = {_value(result.overall.tau)}** "
        f"over {result.overall.videos} videos.\n",
        "## Overall, per scale\n", *header,
        f"| {MEASURE_LABELS[HUMAN]} | {_cells(result.overall)} |",
        *(f"| {SCALE_LABELS[scale]} | {_cells(result.scales[scale])} |" for scale in SCALES),
        "", "## Per category\n", *header,
        *(f"| {name} | {_cells(correlation)} |" for name, correlation in result.categories.items()),
        "", "## Per task\n", *header,
        *(f"| {key} | {_cells(correlation)} |" for key, correlation in result.tasks.items()),
        "", "## Inter-rater agreement (Krippendorff's α, ordinal)\n", "| Scale | α |", "|---|---|",
        *(f"| {SCALE_LABELS[scale]} | {_value(result.alpha[scale])} |" for scale in SCALES),
        "", "α is computed over videos rated by at least two raters; – when no such video exists.",
    ]
    if counts["rated_but_not_scored"]:
        lines += ["", f"{counts['rated_but_not_scored']} rated video(s) had no rule-based score (is every model's "
                  "report given, with --model equal to the MODEL name used in `rate`?)."]
    if counts["scored_but_not_rated"]:
        lines += ["", f"{counts['scored_but_not_rated']} scored video(s) have no rating yet."]
    return "\n".join(lines) + "\n"


def write_videos_csv(result: Agreement, path: Path) -> None:
    """One row per rated video."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["model", "key", "index", "category", "split", "score", "raters", *SCALES, HUMAN])
        for rated in result.videos:
            video = rated.video
            writer.writerow([video.model, video.key, video.index, video.category, video.split, f"{video.score:.6f}",
                             rated.raters, *(f"{rated.means[name]:.4f}" for name in (*SCALES, HUMAN))])


def write_scatter(result: Agreement, path: Path) -> None:
    """Rule-based score (x) against mean rating (y), one panel per measure, coloured by category."""
    measures = (HUMAN, *SCALES)
    figure = Figure(figsize=(4.0 * len(measures), 4.0), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    categories = sorted({rated.video.category for rated in result.videos})
    for axes, measure in zip(figure.subplots(1, len(measures), sharey=True), measures, strict=True):
        correlation = result.overall if measure == HUMAN else result.scales[measure]
        for category in categories:
            chosen = [rated for rated in result.videos if rated.video.category == category]
            axes.scatter([rated.video.score for rated in chosen], [rated.means[measure] for rated in chosen],
                         s=14, alpha=0.7, label=category)
        axes.set_title(f"{MEASURE_LABELS[measure]}\nρ = {_value(correlation.rho)}, τ = {_value(correlation.tau)}",
                       fontsize=9)
        axes.set_xlabel("rule-based score")
        axes.set_xlim(-0.05, 1.05)
        axes.set_ylim(0.8, 5.2)
    figure.axes[0].set_ylabel("mean human rating (1–5)")
    if categories:
        figure.axes[0].legend(fontsize=7, loc="upper left")
    figure.savefig(path, format="png", metadata={"Software": None})


def write_agreement(result: Agreement, folder: str | Path) -> dict:
    """Write the four outputs into ``folder`` (created); return the JSON document."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    document = agreement_document(result)
    (folder / AGREEMENT_JSON).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (folder / AGREEMENT_MD).write_text(agreement_markdown(document, result), encoding="utf-8")
    write_videos_csv(result, folder / VIDEOS_CSV)
    write_scatter(result, folder / SCATTER_PNG)
    return document
