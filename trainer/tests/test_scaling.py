"""The scaling study on a tiny configuration: its runs, resume, report, intervals, findings and task specs."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from typer.testing import CliRunner
from vbvr_trainer import cli
from vbvr_trainer.cli import app
from vbvr_trainer.scaling import study as study_module
from vbvr_trainer.scaling.evaluate import keyframe_video
from vbvr_trainer.scaling.model import ClipUNet, ModelConfig, prompt_bag
from vbvr_trainer.scaling.report import TABLE_COLUMNS, findings, table_rows
from vbvr_trainer.scaling.specs import TaskSpec, default_specs, parse_spec, parse_specs
from vbvr_trainer.scaling.stats import mean_interval, size_difference, split_difference
from vbvr_trainer.scaling.study import StudyConfig, load_finished, run_path, run_study
from vbvr_trainer.scaling.train import FrameSet, StopRule, train_model, weighted_l1

from .conftest import TASK

TINY = {"sizes": [2, 4], "seeds": 2, "test_per_task": 2, "val_per_task": 2, "min_steps": 2, "max_steps": 3}
CLI_TINY = ["--tasks-id", f"{TASK}@d0", "--tasks-ood", f"{TASK}@d2", "--sizes", "2,4", "--seeds", "2",
            "--test-per-task", "2", "--val-per-task", "2", "--min-steps", "2", "--max-steps", "3"]


def tiny_config() -> StudyConfig:
    return StudyConfig(tasks_id=[parse_spec(f"{TASK}@d0")], tasks_ood=[parse_spec(f"{TASK}@d2")], **TINY)


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    out = tmp_path_factory.mktemp("scaling")
    return out, run_study(tiny_config(), out)


def test_study_writes_every_run_and_a_report_with_intervals(study):
    out, report = study
    assert json.loads((out / "scaling.json").read_text()) == json.loads(json.dumps(report))
    assert (out / "scaling.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [(run["size"], run["seed"]) for run in report["runs"]] == [(2, 0), (2, 1), (4, 0), (4, 1)]
    for size in (2, 4):
        for seed in (0, 1):
            run = json.loads(run_path(out, size, seed).read_text())
            assert len(run["in_domain"]) == 2 and len(run["out_of_domain"]) == 2
            assert 1 <= run["steps"] <= 3
    for point in report["curve"]:
        for split in ("in_domain", "out_of_domain"):
            score = point[split]["score"]
            assert 0.0 <= score["ci_low"] <= score["mean"] <= score["ci_high"] <= 1.0
            assert "score" in point[split]["parts"][TASK]
    assert report["config"]["tasks_ood"] == [f"{TASK}@d2"]
    assert report["summary"] and all(isinstance(line, str) for line in report["summary"])
    loss = report["curve"][0]["held_out_loss"]
    assert loss["ci_low"] <= loss["mean"] <= loss["ci_high"] and "held_out_loss" in report["findings"]


def test_markdown_table_holds_the_rows_the_cli_prints(study, monkeypatch):
    out, report = study
    markdown = (out / "scaling.md").read_text()
    assert "| " + " | ".join(TABLE_COLUMNS) + " |" in markdown
    for row in table_rows(report):
        assert "| " + " | ".join(row) + " |" in markdown
    # the CLI with the same settings resumes every run (training would fail) and prints the same rows
    monkeypatch.setattr(study_module, "train_model", _no_training)
    monkeypatch.setattr(cli.console, "width", 300)
    result = CliRunner().invoke(app, ["scaling", "--out", str(out), *CLI_TINY])
    assert result.exit_code == 0, result.output
    assert "resuming: 4 run(s) already finished, 0 to go" in result.output
    for row in table_rows(report):
        assert all(cell in result.output for cell in row)
    # the time it took: wall and CPU (main process and its ended workers), printed and in the JSON
    printed = json.loads((out / "scaling.json").read_text())
    assert printed["cpu_seconds"] >= printed["cpu_seconds_main_process"] >= 0
    assert f"s wall, {printed['cpu_seconds']:.0f} s CPU" in result.output


def test_scaling_help_shows_the_step_bounds(monkeypatch):
    # a literal "[min, max]" in help text is eaten as rich markup unless escaped
    monkeypatch.setenv("COLUMNS", "300")
    result = CliRunner().invoke(app, ["scaling", "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert "clamped to [min-steps, max-steps] steps" in result.output


def _no_training(*args, **kwargs):
    raise AssertionError("a finished run was trained again")


def test_rerun_trains_only_the_missing_runs(study, tmp_path, monkeypatch):
    import shutil

    out, report = study
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    before = json.loads(run_path(copy, 4, 1).read_text())
    run_path(copy, 4, 1).unlink()
    trained = []
    real_train = study_module.train_model

    def counting(*args, **kwargs):
        trained.append(kwargs["seed"])
        return real_train(*args, **kwargs)

    monkeypatch.setattr(study_module, "train_model", counting)
    resumed = run_study(tiny_config(), copy)
    assert trained == [1]
    after = json.loads(run_path(copy, 4, 1).read_text())
    timing = ("train_cpu_seconds", "wall_seconds")
    # the retrained run is the same run: seeded training and scoring give the same numbers
    assert {k: v for k, v in after.items() if k not in timing} == {k: v for k, v in before.items() if k not in timing}
    assert resumed["curve"] == report["curve"] and resumed["summary"] == report["summary"]
    # a changed setting invalidates the stored runs (they would be trained again); more seeds do not
    changed = tiny_config()
    changed.learning_rate = 1e-3
    assert load_finished(copy, changed, 4, 1) is None
    more_seeds = tiny_config()
    more_seeds.seeds = 5
    assert load_finished(copy, more_seeds, 4, 1) == after


def test_references_bracket_the_scorer(study):
    _, report = study
    references = report["references"]
    # holding the first frame never reaches the goal and gets 0
    assert references["static"]["in_domain"]["score"]["mean"] == 0.0
    assert references["oracle"]["in_domain"]["partial_credit"]["mean"] > references["static"]["in_domain"]["partial_credit"]["mean"]


def test_test_instances_come_from_the_requested_strata(study):
    out, _ = study
    hard = json.loads((out / "samples" / "test-ood" / f"{TASK}@d2" / "00000000" / "metadata.json").read_text())
    easy = json.loads((out / "samples" / "train" / f"{TASK}@d0" / "00000001" / "metadata.json").read_text())
    assert hard["params"]["difficulty"] == 2 and easy["params"]["difficulty"] == 0


def test_step_budget_grows_with_the_data_within_its_bounds():
    config = StudyConfig(tasks_id=[TaskSpec(TASK), TaskSpec("O-36_grid_shift")], tasks_ood=[TaskSpec(TASK)],
                         epochs=20, min_steps=100, max_steps=800, batch_size=8)
    budgets = [config.step_budget(size) for size in (3, 30, 100, 300)]
    assert budgets == [100, 150, 500, 800]



def test_default_budgets_grow_across_the_larger_default_sizes():
    # the default study must not train every N for the same steps (that measures compute, not data)
    config = StudyConfig(tasks_id=[TaskSpec(TASK), TaskSpec("O-36_grid_shift")], tasks_ood=[TaskSpec(TASK)])
    budgets = [config.step_budget(size) for size in config.sizes]
    assert budgets == sorted(budgets) and budgets[-3] < budgets[-2] < budgets[-1]

def _learnable_frames(count: int, seed: int) -> FrameSet:
    generator = torch.Generator().manual_seed(seed)
    first = torch.rand(count, 3, 16, 16, generator=generator)
    clip = first.unsqueeze(1).repeat(1, 2, 1, 1, 1)
    clip[:, :, :, 4:8, 4:8] = 1.0
    return FrameSet(first, clip, torch.ones(count, dtype=torch.long), prompt_bag(["a b"] * count, 16), [None] * count)


SMALL = ModelConfig(image_size=16, width=8, clip_frames=2, prompt_buckets=16, condition_dim=8)


def test_training_reduces_the_loss_on_a_fixed_set():
    result = train_model(_learnable_frames(4, 0), 1, SMALL, steps=60, batch_size=4, learning_rate=3e-3, seed=0)
    assert result.losses[-1] < 0.7 * result.losses[0]


def test_training_stops_at_a_plateau_of_held_out_loss_and_keeps_the_best_weights():
    frames, validation = _learnable_frames(4, 0), _learnable_frames(4, 1)
    # a learning rate of 0 never improves the held-out loss: stop after `patience` checks
    frozen = train_model(frames, 1, SMALL, steps=500, batch_size=4, learning_rate=0.0, seed=0,
                         validation=validation, stop=StopRule(eval_every=5, patience=2))
    assert frozen.steps == 15 and frozen.best_step == 5
    learning = train_model(frames, 1, SMALL, steps=60, batch_size=4, learning_rate=3e-3, seed=0,
                           validation=validation, stop=StopRule(eval_every=10, patience=100))
    best = min(loss for _, loss in learning.validation)
    assert dict(learning.validation)[learning.best_step] == best
    from vbvr_trainer.scaling.train import held_out_loss

    assert held_out_loss(learning.model, validation) == pytest.approx(best, rel=1e-5)


def test_intervals_cover_the_mean_and_separate_real_differences():
    rng = np.random.default_rng(1)
    noise = rng.random((3, 40))
    estimate = mean_interval(noise)
    assert estimate.low < estimate.mean < estimate.high and estimate.high - estimate.low < 0.3
    constant = mean_interval(np.full((3, 10), 0.25))
    assert (constant.low, constant.mean, constant.high) == (0.25, 0.25, 0.25)
    assert size_difference(noise + 0.5, noise).excludes_zero()
    assert not size_difference(rng.random((3, 40)), rng.random((3, 40))).excludes_zero()
    assert split_difference(noise + 0.3, rng.random((3, 25))).low > 0
    assert mean_interval(noise, seed=4) == mean_interval(noise, seed=4)


def _runs(size: int, in_domain: float, out_of_domain: float) -> list[dict]:
    rng = np.random.default_rng(size)

    def rows(mean):
        return [{"score": float(value), "partial_credit": float(value), "task_key": TASK, "parts": {}}
                for value in np.clip(mean + rng.normal(0, 0.05, 30), 0, 1)]
    return [{"size": size, "seed": seed, "in_domain": rows(in_domain), "out_of_domain": rows(out_of_domain)}
            for seed in range(3)]


def test_findings_say_rise_plateau_and_gap():
    found = findings({3: _runs(3, 0.1, 0.0), 30: _runs(30, 0.6, 0.1), 300: _runs(300, 0.6, 0.1)})
    assert found["in_domain"]["score"]["verdict"] == "rises, then plateaus"
    assert found["gap"]["score"][-1]["ci_low"] > 0
    flat = findings({3: _runs(3, 0.2, 0.2), 30: _runs(30, 0.2, 0.2), 300: _runs(300, 0.2, 0.2)})
    assert flat["in_domain"]["score"]["verdict"] == "flat"
    rising = findings({3: _runs(3, 0.1, 0.0), 30: _runs(30, 0.4, 0.1), 300: _runs(300, 0.8, 0.1)})
    assert rising["in_domain"]["score"]["verdict"] == "rises, still changing at the largest N"


def test_untrained_model_copies_its_input():
    config = ModelConfig(image_size=16, width=8, clip_frames=3, prompt_buckets=16, condition_dim=8)
    model = ClipUNet(config, num_tasks=1).eval()
    first = torch.rand(2, 3, 16, 16)
    out = model(first, torch.ones(2, dtype=torch.long), prompt_bag(["x", "y"], 16))
    assert out.shape == (2, 3, 3, 16, 16) and torch.allclose(out, first.unsqueeze(1).expand_as(out))
    assert weighted_l1(out, first, first.unsqueeze(1).expand_as(out)) == 0


def test_keyframe_video_shows_each_keyframe_in_order():
    frames = [torch.full((2, 2, 3), value).numpy() for value in (0, 1, 2)]
    shown = [int(frame[0, 0, 0]) for frame in keyframe_video(frames, 7)]
    assert shown == sorted(shown) and set(shown) == {0, 1, 2} and len(shown) == 7


def test_task_specs_parse_and_refuse():
    assert parse_spec(TASK) == TaskSpec(TASK)
    assert parse_spec(f"{TASK}@d0-1").difficulties == (0, 1)
    assert parse_spec(f"{TASK}@d0-1").params(3) == {"difficulty": 1}
    assert [spec.label for spec in parse_specs(f"{TASK}@d2, {TASK}")] == [f"{TASK}@d2", TASK]
    for bad in (f"{TASK}@d3", f"{TASK}@d2-1", "../etc", ""):
        with pytest.raises(ValueError):
            parse_specs(bad)


def test_default_specs_are_the_design_tasks_and_disjoint():
    in_domain, out_of_domain, note = default_specs()
    assert [spec.key for spec in in_domain] == ["O-36_grid_shift", "O-62_gravity_physics"]
    assert [spec.key for spec in out_of_domain] == ["G-18_grid_shortest_path", "O-59_symbol_insert"]
    assert note and not {spec.key for spec in in_domain} & {spec.key for spec in out_of_domain}


def test_cli_refuses_bad_settings(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["scaling", "--out", str(tmp_path), "--tasks-id", TASK]).exit_code == 2
    assert runner.invoke(app, ["scaling", "--out", str(tmp_path), "--sizes", "10,x"]).exit_code == 2
    result = runner.invoke(app, ["scaling", "--out", str(tmp_path), "--min-steps", "50", "--max-steps", "10"])
    assert result.exit_code == 2 and "min_steps" in result.output
    assert not any(tmp_path.iterdir())
