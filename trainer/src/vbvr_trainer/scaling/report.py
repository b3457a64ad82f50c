"""A scaling study's report: the curve with 95 % intervals, what it shows, and its table, JSON and plot.

``build_report`` turns the per-run, per-sample results into, for each size and test split, the
strict bench score (the scorer's value), partial credit (the mean of the scorer's parts) and every
part per task, each with a bootstrap interval (:mod:`vbvr_trainer.scaling.stats`), and into
*findings*: whether the curve rises (largest vs smallest N), plateaus (last step within noise) and
whether the in-domain / out-of-domain gap persists, each with the interval it rests on.
``table_rows`` is the one table both the CLI and ``scaling.md`` print.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from vbvr_trainer.scaling.stats import Estimate, mean_interval, size_difference, split_difference

SPLITS = ("in_domain", "out_of_domain")
SPLIT_NAMES = {"in_domain": "in-domain", "out_of_domain": "out-of-domain"}
TABLE_COLUMNS = ("N per task", "steps (mean)", "held-out loss", "in-domain score", "out-of-domain score",
                 "in-domain partial credit", "out-of-domain partial credit")


def _matrix(runs: list[dict], split: str, value) -> np.ndarray:
    """(seeds, samples) of ``value(row)`` over ``runs`` (one size) on ``split``."""
    return np.array([[value(row) for row in run[split]] for run in runs], dtype=float)


def _score(row: dict) -> float:
    return row["score"]


def _partial(row: dict) -> float:
    return row["partial_credit"]


def _split_summary(runs: list[dict], split: str) -> dict:
    rows = runs[0][split]
    summary = {"samples": len(rows), "score": mean_interval(_matrix(runs, split, _score)).to_json(),
               "partial_credit": mean_interval(_matrix(runs, split, _partial)).to_json(), "parts": {}}
    for task in sorted({row["task_key"] for row in rows}):
        positions = [index for index, row in enumerate(rows) if row["task_key"] == task]
        of_task = [{**run, split: [run[split][index] for index in positions]} for run in runs]
        part_names = sorted({name for row in of_task[0][split] for name in row["parts"]})
        summary["parts"][task] = {
            "score": mean_interval(_matrix(of_task, split, _score)).to_json(),
            **{name: mean_interval(_matrix(of_task, split, lambda row, name=name: row["parts"].get(name, 0.0))).to_json()
               for name in part_names},
        }
    return summary


def _reference_summary(rows: list[dict]) -> dict:
    runs = [{"split": rows}]
    return {"score": mean_interval(_matrix(runs, "split", _score)).to_json(),
            "partial_credit": mean_interval(_matrix(runs, "split", _partial)).to_json()}


def _estimate(values: dict) -> Estimate:
    return Estimate(values["mean"], values["ci_low"], values["ci_high"])


def findings(curve_runs: dict[int, list[dict]]) -> dict:
    """What the curve shows, per split and metric, with the intervals behind each statement."""
    sizes = sorted(curve_runs)
    result: dict = {}
    for split in SPLITS:
        result[split] = {}
        for metric, value in (("score", _score), ("partial_credit", _partial)):
            smallest, largest = (_matrix(curve_runs[size], split, value) for size in (sizes[0], sizes[-1]))
            rise = size_difference(largest, smallest)
            entry = {"rise": rise.to_json(), "from_size": sizes[0], "to_size": sizes[-1]}
            if len(sizes) >= 3:
                last = size_difference(_matrix(curve_runs[sizes[-1]], split, value),
                                       _matrix(curve_runs[sizes[-2]], split, value))
                entry["last_step"] = last.to_json()
                entry["last_step_sizes"] = [sizes[-2], sizes[-1]]
            entry["verdict"] = _verdict(rise, _estimate(entry["last_step"]) if "last_step" in entry else None)
            result[split][metric] = entry
    if all(run.get("validation_losses") for size in sizes for run in curve_runs[size]):
        losses = {size: np.array([[min(loss for _, loss in run["validation_losses"])] for run in curve_runs[size]])
                  for size in sizes}
        drop = _seed_difference(losses[sizes[-1]], losses[sizes[0]])
        result["held_out_loss"] = {"change": drop.to_json(), "from_size": sizes[0], "to_size": sizes[-1]}
    result["gap"] = {metric: [{"size": size, **split_difference(_matrix(curve_runs[size], "in_domain", value),
                                                               _matrix(curve_runs[size], "out_of_domain", value)
                                                               ).to_json()}
                              for size in sizes]
                     for metric, value in (("score", _score), ("partial_credit", _partial))}
    return result


def _seed_difference(larger: np.ndarray, smaller: np.ndarray) -> Estimate:
    """Difference of per-seed values (seeds × 1) of two sizes, seeds resampled independently."""
    return size_difference(larger, smaller)


def _verdict(rise: Estimate, last_step: Estimate | None) -> str:
    if not rise.excludes_zero():
        return "flat"
    direction = "rises" if rise.mean > 0 else "falls"
    if last_step is None:
        return direction
    return f"{direction}, then plateaus" if not last_step.excludes_zero() else f"{direction}, still changing at the largest N"


def sentences(report: dict) -> list[str]:
    """The findings in plain words, one sentence per split and metric and one for the gap."""
    found = report["findings"]
    lines = []
    for split in SPLITS:
        for metric, label in (("score", "strict score"), ("partial_credit", "partial credit")):
            entry = found[split][metric]
            rise = _estimate(entry["rise"])
            line = (f"{SPLIT_NAMES[split]} {label}: {entry['verdict']} (N={entry['from_size']}→{entry['to_size']}: "
                    f"{rise.mean:+.3f} [{rise.low:+.3f}, {rise.high:+.3f}]")
            if "last_step" in entry:
                last = _estimate(entry["last_step"])
                low, high = entry["last_step_sizes"]
                line += f"; N={low}→{high}: {last.mean:+.3f} [{last.low:+.3f}, {last.high:+.3f}]"
            lines.append(line + ")")
    if "held_out_loss" in found:
        change = _estimate(found["held_out_loss"]["change"])
        lines.append(f"held-out (validation) loss of the kept weights, N={found['held_out_loss']['from_size']}→"
                     f"{found['held_out_loss']['to_size']}: {change.mean:+.4f} [{change.low:+.4f}, {change.high:+.4f}]"
                     f" — {'falls' if change.high < 0 else 'rises' if change.low > 0 else 'no change shown'}")
    for metric, label in (("score", "strict score"), ("partial_credit", "partial credit")):
        gaps = found["gap"][metric]
        held = sum(1 for gap in gaps if gap["ci_low"] > 0)
        last = gaps[-1]
        lines.append(f"in-domain minus out-of-domain {label}: above 0 (95 % interval) at {held} of {len(gaps)} sizes; "
                     f"at N={last['size']}: {last['mean']:+.3f} [{last['ci_low']:+.3f}, {last['ci_high']:+.3f}]"
                     f" — the gap {'persists' if last['ci_low'] > 0 else 'is not shown to persist'}")
    return lines


def build_report(config, runs: list[dict], refs: dict, duplicates_dropped: dict[str, int]) -> dict:
    """The study's report from its runs (each with per-sample rows) and the references."""
    by_size: dict[int, list[dict]] = {}
    for run in runs:
        by_size.setdefault(run["size"], []).append(run)
    curve = []
    for size in sorted(by_size):
        at_size = sorted(by_size[size], key=lambda run: run["seed"])
        best_losses = [min(loss for _, loss in run["validation_losses"]) for run in at_size]
        curve.append({"size": size, "seeds": len(at_size), "steps": [run["steps"] for run in at_size],
                      "step_budget": at_size[0]["step_budget"],
                      "held_out_loss": mean_interval(np.array(best_losses)[:, None]).to_json(),
                      **{split: _split_summary(at_size, split) for split in SPLITS}})
    report = {
        "config": config.to_json(),
        "test_duplicates_dropped": duplicates_dropped,
        "references": {kind: {split: _reference_summary(refs[kind][split]) for split in SPLITS}
                       for kind in ("static", "oracle")},
        "curve": curve,
        "findings": findings(by_size),
        "runs": [{key: value for key, value in run.items() if key not in SPLITS} for run in runs],
    }
    report["summary"] = sentences(report)
    return report


def table_rows(report: dict) -> list[list[str]]:
    """Rows under :data:`TABLE_COLUMNS`: each size (mean [95 % interval]), then the two references."""
    rows = []
    for point in report["curve"]:
        rows.append([str(point["size"]), f"{np.mean(point['steps']):.0f}", _estimate(point["held_out_loss"]).text(),
                     *(_estimate(point[split][metric]).text()
                       for metric in ("score", "partial_credit") for split in SPLITS)])
    for kind, label in (("static", "static (first frame held)"), ("oracle", "oracle (true keyframes, model size)")):
        reference = report["references"][kind]
        rows.append([label, "–", "–", *(f"{reference[split][metric]['mean']:.3f}"
                                   for metric in ("score", "partial_credit") for split in SPLITS)])
    return rows


def parts_table(report: dict) -> tuple[list[str], list[list[str]]]:
    """Columns and rows of every task's score and parts per size (mean [95 % interval])."""
    columns = ["N per task"]
    keys = []
    for split in SPLITS:
        for task, parts in report["curve"][0][split]["parts"].items():
            for name in parts:
                columns.append(f"{task} {name}")
                keys.append((split, task, name))
    rows = [[str(point["size"]), *(_estimate(point[split]["parts"][task][name]).text() for split, task, name in keys)]
            for point in report["curve"]]
    return columns, rows


def _markdown(columns, rows) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def markdown(report: dict) -> str:
    """``scaling.md``: the setup, the main table, the findings and the parts table."""
    config = report["config"]
    part_columns, part_rows = parts_table(report)
    return (
        "# Data-scaling study\n\n"
        f"In-domain: {', '.join(config['tasks_id'])}; out-of-domain: {', '.join(config['tasks_ood'])}. "
        f"Sizes {config['sizes']} samples per in-domain task, {config['seeds']} seeds, "
        f"{report['curve'][0]['in_domain']['samples']} in-domain and {report['curve'][0]['out_of_domain']['samples']} "
        "out-of-domain test samples. Mean [95 % bootstrap interval over seeds and test samples].\n\n"
        + _markdown(TABLE_COLUMNS, table_rows(report))
        + "\n" + "\n".join(f"- {line}" for line in report["summary"]) + "\n\n"
        "## Scores and parts per task\n\n" + _markdown(part_columns, part_rows)
    )


def write_report(report: dict, out: Path) -> None:
    """Write ``scaling.json``, ``scaling.md`` and ``scaling.png`` into ``out``."""
    from vbvr_trainer.scaling.plot import plot_curve

    (out / "scaling.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (out / "scaling.md").write_text(markdown(report), encoding="utf-8")
    plot_curve(report, out / "scaling.png")
