"""Plotting a scaling study: each metric against samples per task, in-domain and out-of-domain, ±1 sd."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first

PANELS = (
    ("score", "bench score (scorer value)"),
    ("partial_credit", "partial credit (mean of scorer parts)"),
    ("change_error", "final-frame error on changed pixels (lower is better)"),
)
STYLES = {"in_domain": ("in-domain", "tab:blue"), "out_of_domain": ("out-of-domain", "tab:orange")}


def plot_curve(report: dict, path: str | Path) -> Path:
    """Draw ``report["curve"]`` (from :func:`~vbvr_trainer.scaling.study.run_study`) into a PNG at ``path``."""
    points = report["curve"]
    sizes = [point["size"] for point in points]
    figure, axes = plt.subplots(1, len(PANELS), figsize=(5 * len(PANELS), 4), constrained_layout=True)
    for axis, (metric, title) in zip(axes, PANELS, strict=True):
        for split, (label, color) in STYLES.items():
            means = [point[f"{split}_{metric}_mean"] for point in points]
            if any(mean is None for mean in means):
                continue
            errors = [point[f"{split}_{metric}_std"] for point in points]
            axis.errorbar(sizes, means, yerr=errors, marker="o", capsize=4, label=label, color=color)
            for kind, linestyle in (("static", ":"), ("oracle", "--")):
                reference = report["references"][kind][split][metric]
                if reference is not None:
                    axis.axhline(reference, color=color, linestyle=linestyle, linewidth=0.8, alpha=0.7)
        axis.set_xscale("log")
        axis.set_xticks(sizes, [str(size) for size in sizes])
        axis.set_xlabel("training samples per in-domain task")
        axis.set_title(title, fontsize=10)
        axis.grid(alpha=0.3)
    axes[0].legend(title="dotted: static, dashed: oracle keyframes", fontsize=8, title_fontsize=7)
    config = report["config"]
    figure.suptitle(f"in-domain {', '.join(config['tasks_id'])}  |  out-of-domain {', '.join(config['tasks_ood'])}",
                    fontsize=9)
    path = Path(path)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
