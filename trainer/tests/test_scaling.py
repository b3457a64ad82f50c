"""The scaling study on a tiny configuration: its JSON, its plot, its references and its task specs."""

from __future__ import annotations

import json

import pytest
import torch
from typer.testing import CliRunner
from vbvr_trainer.cli import app
from vbvr_trainer.scaling.evaluate import keyframe_video
from vbvr_trainer.scaling.model import ClipUNet, ModelConfig, prompt_bag
from vbvr_trainer.scaling.specs import TaskSpec, default_specs, parse_spec, parse_specs
from vbvr_trainer.scaling.study import StudyConfig, run_study
from vbvr_trainer.scaling.train import FrameSet, train_model, weighted_l1

from .conftest import TASK


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("scaling")
    config = StudyConfig(
        tasks_id=[parse_spec(f"{TASK}@d0")], tasks_ood=[parse_spec(f"{TASK}@d2")], sizes=[2, 4], seeds=2,
        test_per_task=2, steps=3, batch_size=2, model=ModelConfig(image_size=32, width=8, clip_frames=4),
    )
    return out, run_study(config, out)


def test_study_writes_json_and_plot_with_every_size_and_seed(report):
    out, result = report
    assert json.loads((out / "scaling.json").read_text()) == json.loads(json.dumps(result))
    assert (out / "scaling.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [(run["size"], run["seed"]) for run in result["runs"]] == [(2, 0), (2, 1), (4, 0), (4, 1)]
    for run in result["runs"]:
        for split in ("in_domain", "out_of_domain"):
            assert run[split]["samples"] == 2 and 0.0 <= run[split]["score"] <= 1.0
    assert [point["size"] for point in result["curve"]] == [2, 4]
    assert result["config"]["tasks_ood"] == [f"{TASK}@d2"]


def test_references_bracket_the_scorer(report):
    _, result = report
    references = result["references"]
    # the true keyframes move the agent to the goal: the scorer credits them (4 keyframes skip cells, so
    # not fully); holding the first frame never reaches the goal and gets 0
    assert references["oracle"]["in_domain"]["score"] > 0.0
    assert references["oracle"]["in_domain"]["parts"]["goal"] == 1.0
    assert references["static"]["in_domain"]["score"] == 0.0
    assert references["oracle"]["in_domain"]["change_error"] < references["static"]["in_domain"]["change_error"]


def test_test_instances_come_from_the_requested_strata(report):
    out, _ = report
    hard = json.loads((out / "samples" / "test-ood" / f"{TASK}@d2" / "00000000" / "metadata.json").read_text())
    easy = json.loads((out / "samples" / "train" / f"{TASK}@d0" / "00000001" / "metadata.json").read_text())
    assert hard["params"]["difficulty"] == 2 and easy["params"]["difficulty"] == 0


def test_training_reduces_the_loss_on_a_fixed_set():
    torch.manual_seed(0)
    first = torch.rand(4, 3, 16, 16)
    clip = first.unsqueeze(1).repeat(1, 2, 1, 1, 1)
    clip[:, :, :, 4:8, 4:8] = 1.0
    frames = FrameSet(first, clip, torch.ones(4, dtype=torch.long), prompt_bag(["a b"] * 4, 16), [None] * 4)
    config = ModelConfig(image_size=16, width=8, clip_frames=2, prompt_buckets=16, condition_dim=8)
    result = train_model(frames, 1, config, steps=60, batch_size=4, learning_rate=3e-3, seed=0)
    assert result.losses[-1] < 0.7 * result.losses[0]


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


def test_default_specs_name_installed_tasks():
    in_domain, out_of_domain, note = default_specs()
    assert in_domain[0].key == TASK
    assert out_of_domain and note
    assert out_of_domain[0].label != in_domain[0].label


def test_cli_refuses_half_given_tasks(tmp_path):
    result = CliRunner().invoke(app, ["scaling", "--out", str(tmp_path), "--tasks-id", TASK])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["scaling", "--out", str(tmp_path), "--sizes", "10,x"])
    assert result.exit_code == 2
