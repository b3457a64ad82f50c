"""Report plots with matplotlib's object API (Agg canvas, no pyplot state, no display needed).

One model: per-category bars with 95% intervals, in-domain vs out-of-domain bars, a radar of the
five categories. Several models: the same side by side, and a heatmap of how category scores
correlate across models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from vbvr_benchmark.splits import CATEGORIES, IN_DOMAIN, OUT_OF_DOMAIN

DPI = 120
_SPLIT_LABELS = {IN_DOMAIN: "In-domain", OUT_OF_DOMAIN: "Out-of-domain"}


def _figure(width: float = 6.4, height: float = 4.0) -> Figure:
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _save(figure: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", metadata={"Software": None})
    return path


def _section(section: str, names: Sequence[str]) -> Callable[[dict], list[dict | None]]:
    """Picks the estimates ``names`` of a report's ``section`` (None where the report has none)."""
    return lambda document: [document[section].get(name) for name in names]


def _overall(document: dict) -> list[dict | None]:
    return [document["overall"]]


def _grouped_bars(documents: Sequence[dict], estimates_of: Callable[[dict], list[dict | None]],
                  labels: Sequence[str], title: str, path: Path) -> Path:
    figure = _figure(max(6.4, 1.2 * len(labels) + 2))
    axes = figure.subplots()
    width = 0.8 / max(1, len(documents))
    positions = np.arange(len(labels))
    for offset, document in enumerate(documents):
        estimates = estimates_of(document)
        means = np.array([e["mean"] if e else 0.0 for e in estimates])
        errors = np.array([[e["mean"] - e["low"] if e else 0.0 for e in estimates],
                           [e["high"] - e["mean"] if e else 0.0 for e in estimates]])
        axes.bar(positions + (offset - (len(documents) - 1) / 2) * width, means, width, yerr=errors,
                 capsize=3, label=document["model"])
    axes.set_xticks(positions, labels)
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("score (95% interval)")
    axes.set_title(title)
    if len(documents) > 1:
        axes.legend(fontsize="small")
    return _save(figure, path)


def radar(documents: Sequence[dict], path: Path) -> Path:
    """A radar of the five category scores, one outline per model (a missing category plots as 0)."""
    figure = _figure(5.5, 5.5)
    axes = figure.add_subplot(projection="polar")
    angles = np.linspace(0, 2 * np.pi, len(CATEGORIES), endpoint=False)
    closed = np.append(angles, angles[0])
    for document in documents:
        values = [document["categories"].get(name, {}).get("mean", 0.0) for name in CATEGORIES]
        axes.plot(closed, values + values[:1], label=document["model"])
        axes.fill(closed, values + values[:1], alpha=0.15)
    axes.set_xticks(angles, [name.capitalize() for name in CATEGORIES])
    axes.set_ylim(0, 1)
    axes.set_title("Score by category")
    axes.legend(loc="upper right", bbox_to_anchor=(1.25, 1.1), fontsize="small")
    return _save(figure, path)


def correlation_heatmap(matrix: np.ndarray, path: Path, models: int) -> Path:
    """Heatmap of the category × category correlation matrix (NaN cells left blank and marked n/a)."""
    figure = _figure(5.8, 5.0)
    axes = figure.subplots()
    image = axes.imshow(np.ma.masked_invalid(matrix), cmap="RdBu_r", vmin=-1, vmax=1)
    labels = [name.capitalize() for name in CATEGORIES]
    axes.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    for row in range(len(labels)):
        for column in range(len(labels)):
            value = matrix[row, column]
            axes.text(column, row, "n/a" if np.isnan(value) else f"{value:.2f}", ha="center", va="center",
                      fontsize="small")
    figure.colorbar(image, ax=axes, shrink=0.8, label="Pearson r across models")
    axes.set_title(f"Category score correlation ({models} models)")
    return _save(figure, path)


def report_plots(document: dict, folder: Path) -> list[Path]:
    """Plots of one report into ``folder``: categories.png, splits.png, radar.png."""
    return [
        _grouped_bars([document], _section("categories", CATEGORIES), [c.capitalize() for c in CATEGORIES],
                      f"{document['model']}: score by category", folder / "categories.png"),
        _grouped_bars([document], _section("splits", list(_SPLIT_LABELS)), list(_SPLIT_LABELS.values()),
                      f"{document['model']}: in-domain vs out-of-domain", folder / "splits.png"),
        radar([document], folder / "radar.png"),
    ]


def compare_plots(documents: Sequence[dict], correlation: np.ndarray, folder: Path) -> list[Path]:
    """Plots of several reports side by side into ``folder``, and the category correlation heatmap."""
    return [
        _grouped_bars(documents, _section("categories", CATEGORIES), [c.capitalize() for c in CATEGORIES],
                      "Score by category", folder / "categories.png"),
        _grouped_bars(documents, _section("splits", list(_SPLIT_LABELS)), list(_SPLIT_LABELS.values()),
                      "In-domain vs out-of-domain", folder / "splits.png"),
        _grouped_bars(documents, _overall, ["Overall"], "Overall score", folder / "overall.png"),
        radar(documents, folder / "radar.png"),
        correlation_heatmap(correlation, folder / "category_correlation.png", len(documents)),
    ]
