"""`vbvr-bench score`, `baseline` and `compare` against hostile folders and videos: outputs that exist or
cannot be written, videos that declare hours, lie about their length or are not videos at all, layouts
with traversal names and symlinks. Each case asserts the exit code, the message, and that nothing outside
the command's own output changed."""

from __future__ import annotations

import json
import os
import shutil
import time
from functools import partial
from pathlib import Path

import pytest
from vbvr_benchmark.cli import app
from vbvr_benchmark.layout import find_videos
from vbvr_core.judge.baselines import write_baseline
from vbvr_core.testing import hostile
from vbvr_core.testing.hostile import refused, snapshot, stamped_video

KEY = "G-15_grid_avoid_obstacles"
invoke = partial(hostile.invoke, app)






@pytest.fixture()
def workspace(tmp_path, samples) -> Path:
    """A scratch folder holding a copy of the samples (so 'nothing outside the output' can be checked)."""
    shutil.copytree(samples, tmp_path / "samples")
    return tmp_path


@pytest.fixture()
def model_videos(workspace) -> Path:
    """A model's videos folder: static videos for every sample, each different from the oracle."""
    videos = workspace / "model"
    for folder in sorted((workspace / "samples" / KEY).iterdir()):
        write_baseline("static", folder, videos / KEY / f"{folder.name}.mp4")
    return videos


# --- baseline: item 2 (overwrites) and item 3 (success after writing nothing) ---------------------------------

def test_baseline_refuses_to_replace_a_models_videos(workspace, model_videos):
    before = snapshot(workspace)
    refused(invoke("baseline", "oracle", "--samples", workspace / "samples", "--out", model_videos),
            "already exist", "--force")
    assert snapshot(workspace) == before


def test_baseline_force_replaces_them(workspace, model_videos):
    video = model_videos / KEY / "00000000.mp4"
    old = video.read_bytes()
    result = invoke("baseline", "oracle", "--samples", workspace / "samples", "--out", model_videos, "--force")
    assert result.exit_code == 0, result.output
    assert video.read_bytes() != old


def test_baseline_into_an_unwritable_out_is_one_error_and_a_failure(workspace):
    blocker = workspace / "a-file"
    blocker.write_text("x")
    before = snapshot(workspace)
    text = refused(invoke("baseline", "static", "--samples", workspace / "samples", "--out", blocker / "videos"),
                   "--out", "cannot write there")
    assert "skipped" not in text and "0 static" not in text
    assert snapshot(workspace) == before


def test_baseline_that_writes_nothing_exits_nonzero(workspace):
    # One sample per task: shuffle has no partner for any of them, so nothing can be written.
    only = workspace / "one"
    shutil.copytree(workspace / "samples" / KEY / "00000000", only / KEY / "00000000")
    result = invoke("baseline", "shuffle", "--samples", only, "--out", workspace / "out")
    assert result.exit_code == 1, result.output
    assert "no shuffle video was written" in " ".join(result.output.split())


def test_baseline_replaces_a_symlink_instead_of_writing_through_it(workspace):
    outside = workspace / "outside"
    outside.mkdir()
    precious = outside / "precious.mp4"
    precious.write_bytes(b"the user's own file")
    out = workspace / "out"
    (out / KEY).mkdir(parents=True)
    (out / KEY / "00000000.mp4").symlink_to(precious)
    refused(invoke("baseline", "static", "--samples", workspace / "samples", "--out", out), "already exist")
    result = invoke("baseline", "static", "--samples", workspace / "samples", "--out", out, "--force")
    assert result.exit_code == 0, result.output
    assert precious.read_bytes() == b"the user's own file"
    assert not (out / KEY / "00000000.mp4").is_symlink()


def test_baseline_of_a_missing_samples_folder_is_a_usage_error(workspace):
    refused(invoke("baseline", "oracle", "--samples", workspace / "nope", "--out", workspace / "out"),
            "--samples", "no such folder")
    assert not (workspace / "out").exists()


# --- score: item 4 (unwritable report, results never lost) and item 1 (long videos) -------------------------

def test_score_refuses_an_unwritable_out_before_scoring(workspace, model_videos, monkeypatch):
    import vbvr_benchmark.scoring as scoring

    def must_not_score(*args, **kwargs):
        raise AssertionError("videos were scored before the report folder was checked")

    monkeypatch.setattr(scoring, "score_folder", must_not_score)
    blocker = workspace / "a-file"
    blocker.write_text("x")
    before = snapshot(workspace)
    refused(invoke("score", "--samples", workspace / "samples", "--videos", model_videos, "--out", blocker / "r"),
            "--out", "cannot write there")
    assert snapshot(workspace) == before


def test_score_keeps_the_results_when_the_report_cannot_be_written_after_scoring(workspace, model_videos,
                                                                                  monkeypatch):
    import vbvr_benchmark.report as report

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "write_report", disk_full)
    result = invoke("score", "--samples", workspace / "samples", "--videos", model_videos, "--out",
                    workspace / "report", "--workers", "1")
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "No space left on device" in text and "the scores are saved in" in text
    saved = Path(text.split("the scores are saved in ")[1].split()[0])
    try:
        document = json.loads(saved.read_text())
        assert document["overall"]["videos"] == 3
    finally:
        saved.unlink()


def test_score_report_is_a_deprecated_spelling_of_out(workspace, model_videos):
    result = invoke("score", "--samples", workspace / "samples", "--videos", model_videos, "--report",
                    workspace / "report", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "--report is deprecated" in " ".join(result.output.split())
    assert (workspace / "report" / "report.json").is_file()


def test_a_declared_four_hour_video_is_a_bad_video_row_not_ok(workspace, model_videos):
    stamped_video(model_videos / KEY / "00000000.mp4", [0.0, 4 * 3600.0])  # replaces the static video
    stamped_video(model_videos / KEY / "00000001.mp4", [0.0, 0.04, 0.08])  # a normal short video
    (model_videos / KEY / "00000002.mp4").write_bytes(b"")  # zero bytes
    started = time.perf_counter()
    result = invoke("score", "--samples", workspace / "samples", "--videos", model_videos, "--out",
                    workspace / "report", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 30
    rows = {row["index"]: row for row in json.loads((workspace / "report" / "report.json").read_text())["rows"]}
    assert rows[0]["status"] == "bad_video" and rows[0]["value"] == 0.0
    assert "a model video may last at most" in rows[0]["reason"]
    assert rows[2]["status"] == "bad_video" and "empty" in rows[2]["reason"]


@pytest.mark.parametrize(("name", "content"), [
    ("text", b"hello\n" * 100),
    ("random", os.urandom(3000)),
    ("truncated-mp4-header", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"),
])
def test_non_videos_score_zero_as_bad_video(workspace, model_videos, name, content):
    (model_videos / KEY / "00000001.mp4").write_bytes(content)
    result = invoke("score", "--samples", workspace / "samples", "--videos", model_videos, "--out",
                    workspace / "report", "--workers", "1")
    assert result.exit_code == 0, result.output
    rows = {row["index"]: row for row in json.loads((workspace / "report" / "report.json").read_text())["rows"]}
    assert rows[1]["status"] == "bad_video" and rows[1]["value"] == 0.0 and rows[1]["reason"]


def test_traversal_folder_names_in_a_videos_folder_are_ignored(workspace, model_videos):
    (model_videos / "..").resolve()
    sneaky = model_videos / "G-15_grid_avoid_obstacles_data-generator..x"
    sneaky.mkdir()
    (sneaky / "0.mp4").write_bytes(b"x")
    weird = model_videos / "In-Domain_50" / "..%2F..%2Fetc"
    weird.mkdir(parents=True)
    (weird / "0.mp4").write_bytes(b"x")
    found = find_videos(model_videos)
    assert set(found) == {(KEY, 0), (KEY, 1), (KEY, 2)}
    assert all(model_videos in path.parents for path in found.values())


def test_compare_into_an_unwritable_out_is_a_usage_error(workspace, model_videos):
    assert invoke("score", "--samples", workspace / "samples", "--videos", model_videos, "--out",
                  workspace / "report", "--workers", "1").exit_code == 0
    blocker = workspace / "a-file"
    blocker.write_text("x")
    refused(invoke("compare", workspace / "report", "--out", blocker / "cmp"), "--out", "cannot write there")


def test_folder_names_that_look_like_markup_are_printed_not_parsed(workspace):
    videos = workspace / "model[red]x"
    result = invoke("baseline", "static", "--samples", workspace / "samples", "--out", videos)
    assert result.exit_code == 0, result.output
    scored = invoke("score", "--samples", workspace / "samples", "--videos", videos, "--out", workspace / "r[/]",
                    "--workers", "1")
    assert scored.exit_code == 0, scored.output
    assert "model[red]x" in scored.output and (workspace / "r[/]" / "report.json").is_file()
