"""Exports: a Hugging Face datasets folder and WebDataset shards, each read back by its own library."""

from __future__ import annotations

import datasets
import pytest
import webdataset
from typer.testing import CliRunner
from vbvr_core.testing.helpers import folder_digest
from vbvr_trainer.cli import app
from vbvr_trainer.export import export_hf, export_webdataset

from .conftest import TASK


def test_hf_export_loads_with_one_row_per_sample(sample_root, tmp_path):
    out = tmp_path / "hf"
    assert export_hf(str(sample_root), out) == 4
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))["train"]
    assert loaded.num_rows == 4
    row = loaded[2]
    assert row["task_key"] == TASK and row["index"] == 2 and row["category"] == "spatiality"
    assert row["first_frame"].size == (512, 512) and row["final_frame"].size == (512, 512)
    assert (out / row["video"]).read_bytes() == (sample_root / TASK / "00000002" / "ground_truth.mp4").read_bytes()
    assert (sample_root / TASK / "00000002" / "prompt.txt").read_text().strip() == row["prompt"]


def test_webdataset_shards_read_back_with_webdataset(sample_root, tmp_path):
    shards = export_webdataset(str(sample_root), tmp_path / "wds", samples_per_shard=3)
    assert [shard.name for shard in shards] == ["vbvr-000000.tar", "vbvr-000001.tar"]
    records = list(webdataset.WebDataset([str(shard) for shard in shards], shardshuffle=False).decode("pil"))
    assert [record["__key__"] for record in records] == [f"{TASK}/{index:08d}" for index in range(4)]
    first = records[0]
    assert first["first_frame.png"].size == (512, 512)
    assert first["ground_truth.mp4"] == (sample_root / TASK / "00000000" / "ground_truth.mp4").read_bytes()
    assert first["metadata.json"]["task_key"] == TASK


def test_webdataset_export_is_byte_identical_on_rerun(sample_root, tmp_path):
    export_webdataset(str(sample_root), tmp_path / "a", samples_per_shard=2)
    export_webdataset(str(sample_root), tmp_path / "b", samples_per_shard=2)
    assert folder_digest(tmp_path / "a") == folder_digest(tmp_path / "b")


def test_cli_export_and_bad_usage(sample_root, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--samples", str(sample_root), "--to", "webdataset",
                                 "--out", str(tmp_path / "w")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "w" / "vbvr-000000.tar").is_file()
    missing = runner.invoke(app, ["export", "--samples", str(tmp_path / "nothing"), "--to", "hf",
                                  "--out", str(tmp_path / "h")])
    assert missing.exit_code == 2
    wrong = runner.invoke(app, ["export", "--samples", str(sample_root), "--to", "zip", "--out", str(tmp_path)])
    assert wrong.exit_code == 2


@pytest.mark.parametrize("tasks", ["G-99_absent_task", "not a key"])
def test_task_filter_that_matches_nothing_is_bad_usage(sample_root, tmp_path, tasks):
    result = CliRunner().invoke(app, ["export", "--samples", str(sample_root), "--to", "hf",
                                      "--out", str(tmp_path / "h"), "--tasks", tasks])
    assert result.exit_code == 2
