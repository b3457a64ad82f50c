"""Plotting a scaling study: score and partial credit against samples per task (95 % intervals), and steps run."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first

PANELS = (
    ("score", "strict bench score (scorer value)"),
    ("partial_credit", "partial credit (mean of scorer parts)"),
)
STYLES = {"in_domain": ("in-domain", "tab:blue"), "out_of_domain": ("out-of-domain", "tab:orange")}


def plot_curve(report: dict, path: str | Path) -> Path:
    """Draw ``report["curve"]`` (from :func:`~vbvr_trainer.scaling.report.build_report`) into a PNG at ``path``."""
    points = report["curve"]
    sizes = [point["size"] for point in points]
    figure, axes = plt.subplots(1, len(PANELS) + 1, figsize=(5 * (len(PANELS) + 1), 4), constrained_layout=True)
    for axis, (metric, title) in zip(axes, PANELS, strict=False):
        for split, (label, color) in STYLES.items():
            values = [point[split][metric] for point in points]
            means = [value["mean"] for value in values]
            errors = [[value["mean"] - value["ci_low"] for value in values],
                      [value["ci_high"] - value["mean"] for value in values]]
            axis.errorbar(sizes, means, yerr=errors, marker="o", capsize=4, label=label, color=color)
            for kind, linestyle in (("static", ":"), ("oracle", "--")):
                axis.axhline(report["references"][kind][split][metric]["mean"], color=color, linestyle=linestyle,
                             linewidth=0.8, alpha=0.7)
        axis.set_ylim(-0.02, 1.02)
        axis.set_title(title, fontsize=10)
    steps_axis = axes[-1]
    for point in points:
        steps_axis.scatter([point["size"]] * len(point["steps"]), point["steps"], color="tab:gray", s=14)
    steps_axis.plot(sizes, [point["step_budget"] for point in points], color="tab:gray", linestyle="--",
                    label="step budget")
    steps_axis.set_title("optimiser steps run (stopped at held-out plateau)", fontsize=10)
    steps_axis.legend(fontsize=8)
    for axis in axes:
        axis.set_xscale("log")
        axis.set_xticks(sizes, [str(size) for size in sizes])
        axis.set_xlabel("training samples per in-domain task")
        axis.grid(alpha=0.3)
    axes[0].legend(title="bars: 95 % CI; dotted: static, dashed: oracle", fontsize=8, title_fontsize=7)
    config = report["config"]
    figure.suptitle(f"in-domain {', '.join(config['tasks_id'])}  |  out-of-domain {', '.join(config['tasks_ood'])}",
                    fontsize=9)
    path = Path(path)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
