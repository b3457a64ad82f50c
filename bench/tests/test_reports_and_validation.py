"""Aggregation, validate-scorers, compare and the CLI's contract (commands, exit codes)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_benchmark.aggregate import summarize
from vbvr_benchmark.cli import COMMANDS
from vbvr_benchmark.compare import category_correlation, strongest_pairs
from vbvr_benchmark.generic import ordered_matches
from vbvr_benchmark.report import SCHEMA
from vbvr_benchmark.scoring import Row, TaskFacts
from vbvr_benchmark.splits import CATEGORIES
from vbvr_benchmark.validate import judge


def _row(key: str, index: int, value: float, category: str = "spatiality", split: str = "in-domain") -> Row:
    return Row(key=key, index=index, category=category, split=split, scorer="task", status="ok", value=value,
               reason="", video=f"{key}/{index}.mp4", sample=f"{key}/{index:08d}")


def test_categories_splits_and_overall_average_tasks_not_videos():
    rows = [_row("G-1_a", i, 1.0) for i in range(9)] + [_row("G-2_b", 0, 0.0, "knowledge", "out-of-domain")]
    summary = summarize(rows)
    assert [task.estimate.mean for task in summary.tasks] == [1.0, 0.0]
    assert summary.overall.mean == 0.5 and summary.overall.tasks == 2 and summary.overall.videos == 10
    assert summary.categories["spatiality"].mean == 1.0 and summary.categories["knowledge"].mean == 0.0
    assert summary.splits["in-domain"].mean == 1.0 and summary.splits["out-of-domain"].mean == 0.0
    assert (summary.tasks[0].estimate.low, summary.tasks[0].estimate.high) == (1.0, 1.0)


def test_bootstrap_interval_brackets_the_mean_and_is_seeded():
    values = np.random.default_rng(3).uniform(size=40)
    rows = [_row("G-1_a", i, float(v)) for i, v in enumerate(values)]
    first, second = summarize(rows), summarize(list(reversed(rows)))
    estimate = first.tasks[0].estimate
    assert estimate.low < estimate.mean < estimate.high
    assert 0.05 < estimate.high - estimate.low < 0.4
    assert first == second


def test_ordered_matches_counts_process_frames_shown_in_order():
    matches = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 0]], dtype=bool)  # frames 0, 2, 1: the third is out of order
    assert ordered_matches(matches) == 2
    assert ordered_matches(np.eye(4, dtype=bool)) == 4
    assert ordered_matches(np.ones((3, 1), dtype=bool)) == 3  # one slow frame may match several
    assert ordered_matches(np.zeros((3, 5), dtype=bool)) == 0


def _facts(process_required: bool = True) -> TaskFacts:
    return TaskFacts("G-1_a", "spatiality", "in-domain", "task", process_required)


def test_judge_fails_a_scorer_that_rewards_doing_nothing_or_cutting_to_the_answer():
    good = {"oracle": 1.0, "static": 0.0, "final": 0.0, "noise": 0.0, "shuffle": 0.1}
    assert judge(_facts(), good).passed
    assert "static" in judge(_facts(), {**good, "static": 0.6}).failures[0]
    assert "final" in judge(_facts(), {**good, "final": 1.0}).failures[0]
    assert judge(_facts(process_required=False), {**good, "final": 1.0}).passed
    assert "shuffle" in judge(_facts(), {**good, "shuffle": 0.9}).failures[0]
    assert "oracle" in judge(_facts(), {**good, "oracle": 0.9}).failures[0]
    assert "not deterministic: static" in judge(_facts(), good, unstable="static video 0.mp4: 0.2 then 0.3").failures[0]


def test_validate_scorers_passes_g15_and_prints_the_table(samples, tmp_path, cli):
    result = cli("validate-scorers", "--samples", samples, "--work", tmp_path)
    assert result.exit_code == 0, result.output
    assert "G-15" in result.output and "1 of 1 task scorers pass" in result.output


def _document(model: str, categories: dict[str, float]) -> dict:
    estimate = lambda mean: {"mean": mean, "low": mean, "high": mean, "tasks": 1, "videos": 1}  # noqa: E731
    overall = sum(categories.values()) / len(categories)
    return {"schema": SCHEMA, "model": model, "overall": estimate(overall), "splits": {"in-domain": estimate(overall)},
            "categories": {name: estimate(value) for name, value in categories.items()}, "tasks": [], "rows": [],
            "unmatched_videos": [], "bootstrap": {"resamples": 1000, "confidence": 0.95, "seed": 0}}


def _models() -> list[dict]:
    # Knowledge rises with spatiality and falls with perception across the four models.
    levels = [0.2, 0.4, 0.6, 0.8]
    return [_document(f"m{k}", {"perception": 1 - level, "transformation": 0.5, "spatiality": level,
                                "abstraction": 0.3 + 0.1 * (k % 2), "knowledge": level * 0.9 + 0.05})
            for k, level in enumerate(levels)]


def test_category_correlation_finds_coupled_and_opposed_abilities():
    matrix = category_correlation(_models())
    index = {name: k for k, name in enumerate(CATEGORIES)}
    assert matrix[index["knowledge"], index["spatiality"]] == pytest.approx(1.0)
    assert matrix[index["knowledge"], index["perception"]] == pytest.approx(-1.0)
    assert np.isnan(matrix[index["transformation"], index["knowledge"]])  # no variation: undefined
    assert np.isnan(category_correlation(_models()[:2])).all()  # two models are too few
    assert {frozenset(pair[:2]) for pair in strongest_pairs(matrix)} >= {frozenset({"knowledge", "spatiality"})}


def test_compare_writes_table_json_and_plots(tmp_path, cli):
    paths = []
    for document in _models():
        path = tmp_path / f"{document['model']}.json"
        path.write_text(json.dumps(document))
        paths.append(path)
    result = cli("compare", *paths, "--out", tmp_path / "cmp")
    assert result.exit_code == 0, result.output
    assert "knowledge ~ spatiality" in result.output or "spatiality ~ knowledge" in result.output
    assert (tmp_path / "cmp" / "compare.md").read_text().count("| m") == 4
    assert (tmp_path / "cmp" / "plots" / "category_correlation.png").stat().st_size > 1000
    assert json.loads((tmp_path / "cmp" / "compare.json").read_text())["category_correlation"]["pearson"][0][0] == 1.0


def test_bad_usage_exits_2_with_the_reason(tmp_path, cli):
    result = cli("score", "--samples", tmp_path / "nope", "--videos", tmp_path)
    assert result.exit_code == 2 and "no such folder" in result.output
    result = cli("score", "--samples", tmp_path, "--videos", tmp_path)
    assert result.exit_code == 2 and "no samples found" in result.output
    (tmp_path / "junk.json").write_text("{}")
    result = cli("compare", tmp_path / "junk.json")
    assert result.exit_code == 2 and "not a vbvr-bench report" in result.output
    assert cli("baseline", "sideways", "--samples", tmp_path, "--out", tmp_path).exit_code == 2


def test_every_command_is_registered_from_its_module():
    assert {"score", "baseline", "validate-scorers", "compare"} <= set(COMMANDS)
    assert all(function.__module__.startswith("vbvr_benchmark.commands.") for function in COMMANDS.values())


def test_validate_scorers_on_official_ground_truth_checks_the_generic_scorer(official_samples, tmp_path, cli):
    result = cli("validate-scorers", "--samples", official_samples, "--work", tmp_path)
    assert result.exit_code == 0, result.output
    assert "(generic)" in result.output
    for kind in ("noise", "shuffle"):  # baselines made without metadata.json
        assert len(list((tmp_path / kind).rglob("*.mp4"))) == 3
