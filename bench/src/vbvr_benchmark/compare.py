"""``compare``: several models side by side, and the paper's capability analysis.

The capability analysis correlates the five category scores across models: for each pair of
categories, the Pearson correlation of the models' scores in the two. With enough models it shows
which abilities rise together (the VBVR paper found Knowledge coupled with Spatiality and opposed to
Perception). A pair is undefined (NaN, shown as n/a) with fewer than three models scored in both or
when one category's scores do not vary.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from vbvr_benchmark.report import leaderboard_markdown
from vbvr_benchmark.splits import CATEGORIES

MIN_MODELS = 3
COMPARE_JSON, COMPARE_MD = "compare.json", "compare.md"


def category_correlation(documents: Sequence[dict]) -> np.ndarray:
    """The 5×5 Pearson correlation of category scores across the reports (NaN where undefined)."""
    scores = np.array([[doc["categories"].get(name, {}).get("mean", np.nan) for name in CATEGORIES]
                       for doc in documents], dtype=np.float64).reshape(len(documents), len(CATEGORIES))
    matrix = np.full((len(CATEGORIES), len(CATEGORIES)), np.nan)
    for row in range(len(CATEGORIES)):
        for column in range(len(CATEGORIES)):
            both = ~np.isnan(scores[:, row]) & ~np.isnan(scores[:, column])
            first, second = scores[both, row], scores[both, column]
            if both.sum() >= MIN_MODELS and first.std() > 0 and second.std() > 0:
                matrix[row, column] = float(np.corrcoef(first, second)[0, 1])
    return matrix


def _matrix_markdown(matrix: np.ndarray) -> str:
    labels = [name.capitalize() for name in CATEGORIES]
    lines = ["| |" + "|".join(f" {label} " for label in labels) + "|", "|---|" + "---|" * len(labels)]
    for label, values in zip(labels, matrix, strict=True):
        cells = ["n/a" if np.isnan(value) else f"{value:+.2f}" for value in values]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def strongest_pairs(matrix: np.ndarray, count: int = 3) -> list[tuple[str, str, float]]:
    """The ``count`` category pairs with the largest absolute correlation (defined ones only)."""
    pairs = [(CATEGORIES[row], CATEGORIES[column], float(matrix[row, column]))
             for row in range(len(CATEGORIES)) for column in range(row + 1, len(CATEGORIES))
             if not np.isnan(matrix[row, column])]
    return sorted(pairs, key=lambda pair: (-abs(pair[2]), pair[0], pair[1]))[:count]


def write_comparison(documents: Sequence[dict], folder: str | Path) -> dict:
    """Write compare.md, compare.json and plots of ``documents`` into ``folder``; return the JSON document."""
    from vbvr_benchmark.plots import compare_plots

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    matrix = category_correlation(documents)
    pairs = strongest_pairs(matrix)
    document = {
        "models": [
            {"model": doc["model"], "overall": doc["overall"], "splits": doc["splits"], "categories": doc["categories"]}
            for doc in documents
        ],
        "category_correlation": {
            "categories": list(CATEGORIES),
            "pearson": [[None if np.isnan(value) else value for value in row] for row in matrix.tolist()],
            "strongest": [{"a": a, "b": b, "r": r} for a, b, r in pairs],
        },
    }
    lines = ["# VBVR-Bench comparison\n", leaderboard_markdown(documents), "## Category correlation across models\n",
             f"Pearson r of category scores over the {len(documents)} models (n/a: fewer than {MIN_MODELS} "
             "models or no variation).\n", _matrix_markdown(matrix)]
    if pairs:
        lines.append("Strongest couplings: " + "; ".join(f"{a} ~ {b}: {r:+.2f}" for a, b, r in pairs) + "\n")
    (folder / COMPARE_MD).write_text("\n".join(lines), encoding="utf-8")
    (folder / COMPARE_JSON).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    compare_plots(documents, matrix, folder / "plots")
    return document
