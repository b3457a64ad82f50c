"""Exports: a Hugging Face datasets folder and WebDataset shards, each read back by its own library."""

from __future__ import annotations

import shutil

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


def test_reexport_of_other_data_to_the_same_path_loads_exactly_the_new_rows(sample_root, tmp_path):
    out, cache = tmp_path / "X", str(tmp_path / "cache")
    export_hf(str(sample_root), out)
    first = datasets.load_dataset(str(out), cache_dir=cache)["train"]
    assert sorted(first["index"]) == [0, 1, 2, 3]
    shutil.rmtree(out)
    subset = tmp_path / "subset"
    for index in (1, 3):
        shutil.copytree(sample_root / TASK / f"{index:08d}", subset / TASK / f"{index:08d}")
    export_hf(str(subset), out)
    second = datasets.load_dataset(str(out), cache_dir=cache)["train"]
    assert second.num_rows == 2 and sorted(second["index"]) == [1, 3]
    assert "load_dataset" in (out / "README.md").read_text()


def test_export_of_the_same_data_has_the_same_fingerprint_and_replaces_old_files(sample_root, tmp_path):
    out = tmp_path / "X"
    export_hf(str(sample_root), out, [TASK])
    names = sorted(path.name for path in (out / "data").iterdir())
    export_hf(str(sample_root), tmp_path / "Y")
    assert sorted(path.name for path in (tmp_path / "Y" / "data").iterdir()) == names
    subset = tmp_path / "subset"
    shutil.copytree(sample_root / TASK / "00000000", subset / TASK / "00000000")
    export_hf(str(subset), out)
    newer = sorted(path.name for path in (out / "data").iterdir())
    assert len(newer) == 1 and newer != names


@pytest.mark.parametrize("fmt", ["hf", "webdataset"])
def test_cli_export_to_an_unwritable_out_is_one_error_and_exit_2(sample_root, tmp_path, fmt):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "export"
    result = CliRunner().invoke(app, ["export", "--samples", str(sample_root), "--to", fmt, "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    message = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert str(out) in message and "--out" in message and "writable" in message
    assert blocker.read_text() == "not a folder"


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
