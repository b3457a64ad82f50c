"""Writing a scoring run's report folder (JSON, CSV, Markdown, plots) and reading reports back.

``<report>/report.json``  the summary and every row (for machines; what ``compare`` reads)
``<report>/scores.csv``   one row per video
``<report>/report.md``    a leaderboard-style table, then per task, then what went wrong
``<report>/plots/*.png``  per-category bars, in-domain vs out-of-domain, a radar of the five categories

Reports hold no timestamps or host names: the same videos give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from vbvr_benchmark.aggregate import BOOTSTRAP_SEED, CONFIDENCE, RESAMPLES, Summary
from vbvr_benchmark.scoring import Row, ScoringRun
from vbvr_benchmark.splits import CATEGORIES, IN_DOMAIN, OUT_OF_DOMAIN

SCHEMA = "vbvr-benchmark.report/1"
REPORT_JSON, SCORES_CSV, REPORT_MD, PLOTS = "report.json", "scores.csv", "report.md", "plots"
CSV_COLUMNS = ("key", "index", "category", "split", "scorer", "status", "value", "reason", "video", "sample", "parts")


class ReportError(ValueError):
    """A file that is not a readable vbvr-bench report (names the file and the fix)."""


def report_document(model: str, run: ScoringRun, summary: Summary) -> dict:
    """The JSON document of a report."""
    return {
        "schema": SCHEMA,
        "model": model,
        "bootstrap": {"resamples": RESAMPLES, "confidence": CONFIDENCE, "seed": BOOTSTRAP_SEED},
        "overall": summary.overall.as_dict(),
        "splits": {name: estimate.as_dict() for name, estimate in summary.splits.items()},
        "categories": {name: estimate.as_dict() for name, estimate in summary.categories.items()},
        "tasks": [
            {"key": task.key, "category": task.category, "split": task.split, "scorer": task.scorer,
             **task.estimate.as_dict(), "statuses": task.statuses}
            for task in summary.tasks
        ],
        "unmatched_videos": run.unmatched_videos,
        "rows": [row.as_dict() for row in run.rows],
    }


def rows_csv(rows: Sequence[Row]) -> str:
    """One CSV line per video (``parts`` as a JSON object)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.as_dict()
        data["parts"] = json.dumps(row.parts, sort_keys=True)
        data["value"] = f"{row.value:.6f}"
        writer.writerow([data[column] for column in CSV_COLUMNS])
    return buffer.getvalue()


def _cell(estimate: dict | None) -> str:
    return "–" if estimate is None else f"{estimate['mean']:.3f}"


def leaderboard_markdown(documents: Sequence[dict]) -> str:
    """A paper-style table, one line per report, best overall first."""
    header = ["Model", "Overall", "In-domain", "Out-of-domain", *(name.capitalize() for name in CATEGORIES)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for document in sorted(documents, key=lambda doc: -doc["overall"]["mean"]):
        overall = document["overall"]
        cells = [document["model"], f"**{overall['mean']:.3f}** [{overall['low']:.3f}, {overall['high']:.3f}]",
                 _cell(document["splits"].get(IN_DOMAIN)), _cell(document["splits"].get(OUT_OF_DOMAIN)),
                 *(_cell(document["categories"].get(name)) for name in CATEGORIES)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def report_markdown(document: dict) -> str:
    """The Markdown report of one model."""
    overall = document["overall"]
    parts = [
        f"# VBVR-Bench: {document['model']}\n",
        f"{overall['videos']} videos of {overall['tasks']} tasks. Scores are in [0, 1]; intervals are "
        f"{document['bootstrap']['confidence']:.0%} bootstrap intervals over videos "
        f"({document['bootstrap']['resamples']} resamples, seed {document['bootstrap']['seed']}); categories, "
        "splits and overall average tasks.\n",
        leaderboard_markdown([document]),
        "## Tasks\n",
        "| Task | Category | Split | Scorer | Score | 95% interval | Videos | Problems |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for task in document["tasks"]:
        problems = ", ".join(f"{count} {status}" for status, count in task["statuses"].items() if status != "ok")
        parts.append(f"| {task['key']} | {task['category']} | {task['split']} | {task['scorer']} | "
                     f"{task['mean']:.3f} | [{task['low']:.3f}, {task['high']:.3f}] | {task['videos']} | "
                     f"{problems or '–'} |")
    failed = [row for row in document["rows"] if row["status"] != "ok"]
    if failed:
        parts += ["", "## Videos scored 0 without being judged\n", "| Task | Index | Status | Reason |",
                  "|---|---|---|---|"]
        parts += [f"| {row['key']} | {row['index']} | {row['status']} | {row['reason'].replace('|', '/')} |"
                  for row in failed]
    if any(task["scorer"] == "generic" for task in document["tasks"]):
        parts += ["", "Tasks marked `generic` were scored by the generic ground-truth scorer (start, final state "
                  "and process frames of ground_truth.mp4), because their samples carry no solution data or the "
                  "task is not installed: install the task and use samples with metadata.json for its own scorer."]
    if document["unmatched_videos"]:
        parts += ["", f"{len(document['unmatched_videos'])} video(s) matched no sample and were ignored: "
                  + ", ".join(document["unmatched_videos"][:20])]
    return "\n".join(parts) + "\n"


def write_report(folder: str | Path, model: str, run: ScoringRun, summary: Summary) -> dict:
    """Write JSON, CSV, Markdown and plots into ``folder``; return the JSON document."""
    from vbvr_benchmark.plots import report_plots

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    document = report_document(model, run, summary)
    (folder / REPORT_JSON).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (folder / SCORES_CSV).write_text(rows_csv(run.rows), encoding="utf-8")
    (folder / REPORT_MD).write_text(report_markdown(document), encoding="utf-8")
    report_plots(document, folder / PLOTS)
    return document


def load_report(path: str | Path) -> dict:
    """Read a report (its folder or its report.json); raises :class:`ReportError` naming the problem."""
    path = Path(path)
    file = path / REPORT_JSON if path.is_dir() else path
    try:
        document = json.loads(file.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise ReportError(f"{file}: not a readable report ({error}). Fix: pass a folder written by "
                          "`vbvr-bench score --report DIR` or its report.json") from None
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise ReportError(f"{file}: not a vbvr-bench report (schema {SCHEMA!r} expected)")
    return document
