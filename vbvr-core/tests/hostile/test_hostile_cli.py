"""`vbvr generate`, `score`, `show` and `review` against hostile arguments: out-of-range seeds, outputs that
exist or cannot be written, malformed sample folders. Each case asserts the exit code, the message, and
that nothing outside the command's output changed."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from core_hostile_kit import invoke, refused, snapshot
from vbvr_core.cli.usage import MAX_SEED

KEY = "G-15_grid_avoid_obstacles"
SMALL = '{"rows": 5, "cols": 5, "difficulty": 0}'


@pytest.mark.parametrize("seed", ["-1", str(MAX_SEED + 1), str(10**20)])
def test_generate_refuses_a_seed_outside_the_registry_bound(tmp_path, seed):
    result = invoke("generate", KEY, "--out", tmp_path / "out", "--seed", seed)
    refused(result, "--seed")
    assert not (tmp_path / "out").exists()


def test_generate_accepts_the_largest_seed(tmp_path):
    result = invoke("generate", KEY, "--out", tmp_path / "out", "--seed", MAX_SEED, "--params", SMALL)
    assert result.exit_code == 0, result.output


def test_generate_refuses_to_replace_an_existing_sample_and_keeps_the_users_file(tmp_path):
    out = tmp_path / "out"
    assert invoke("generate", KEY, "--out", out, "--params", SMALL).exit_code == 0
    users_file = out / KEY / "00000000" / "my-notes.txt"
    users_file.write_text("mine")
    before = snapshot(tmp_path)
    result = invoke("generate", KEY, "--out", out, "--params", SMALL, "--seed", "3")
    refused(result, "already exist", "--force")
    assert snapshot(tmp_path) == before and users_file.read_text() == "mine"


def test_generate_with_force_replaces_the_sample(tmp_path):
    out = tmp_path / "out"
    assert invoke("generate", KEY, "--out", out, "--params", SMALL).exit_code == 0
    first = (out / KEY / "00000000" / "metadata.json").read_text()
    result = invoke("generate", KEY, "--out", out, "--params", SMALL, "--seed", "3", "--force")
    assert result.exit_code == 0, result.output
    assert (out / KEY / "00000000" / "metadata.json").read_text() != first


def test_generate_into_a_path_under_a_file_is_a_usage_error_not_a_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    before = snapshot(tmp_path)
    refused(invoke("generate", KEY, "--out", blocker / "out"), "--out", "cannot write there")
    assert snapshot(tmp_path) == before


def _broken_copy(sample_dir, tmp_path, edit):
    copy = tmp_path / "sample"
    shutil.copytree(sample_dir, copy)
    edit(copy)
    return copy


def _metadata_edit(change):
    def edit(folder):
        document = json.loads((folder / "metadata.json").read_text())
        change(document)
        (folder / "metadata.json").write_text(json.dumps(document))
    return edit


@pytest.mark.parametrize(("name", "edit", "phrase"), [
    ("not-json", lambda f: (f / "metadata.json").write_text("{\"task_key\": "), "Invalid JSON"),
    ("not-utf8", lambda f: (f / "metadata.json").write_bytes(b"\xff\xfe\x00garbage"), "malformed"),
    ("wrong-type", _metadata_edit(lambda d: d.update(index="seven")), "index"),
    ("traversal-key", _metadata_edit(lambda d: d.update(task_key="../../../etc/passwd")), "invalid task key"),
    ("missing", lambda f: (f / "metadata.json").unlink(), "has no metadata.json"),
    ("no-first-frame", lambda f: (f / "first_frame.png").unlink(), "first_frame.png"),
    ("non-utf8-prompt", lambda f: (f / "prompt.txt").write_bytes(b"\xff\xfe move \x80"), "prompt.txt"),
])
def test_score_of_a_malformed_sample_is_one_paragraph_naming_the_file(sample_dir, tmp_path, name, edit, phrase):
    folder = _broken_copy(sample_dir, tmp_path, edit)
    before = snapshot(tmp_path)
    output = refused(invoke("score", "--sample", folder, "--video", sample_dir / "ground_truth.mp4"), phrase)
    assert "Fix:" in output
    assert snapshot(tmp_path) == before


def test_score_positionals_still_work_with_a_deprecation_warning(sample_dir):
    result = invoke("score", sample_dir, sample_dir / "ground_truth.mp4")
    assert result.exit_code == 0, result.output
    assert "deprecated" in result.output and "--sample" in result.output
    assert json.loads(result.stdout)["value"] >= 0.9


def test_score_reads_a_video_symlinked_from_outside_without_touching_it(sample_dir, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = shutil.copy(sample_dir / "ground_truth.mp4", outside / "video.mp4")
    link = tmp_path / "link.mp4"
    link.symlink_to(target)
    before = snapshot(outside)
    result = invoke("score", "--sample", sample_dir, "--video", link)
    assert result.exit_code == 0 and json.loads(result.stdout)["value"] >= 0.9, result.output
    assert snapshot(outside) == before


def test_show_of_malformed_metadata_is_a_usage_error(sample_dir, tmp_path):
    folder = _broken_copy(sample_dir, tmp_path, lambda f: (f / "metadata.json").write_text("[]"))
    refused(invoke("show", folder), "metadata.json is malformed")


@pytest.mark.parametrize("flag", ["--gallery", "--work"])
def test_review_refuses_an_unwritable_output_before_running_any_check(tmp_path, flag):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    started = time.process_time()  # CPU time: the work done, whatever the load
    refused(invoke("review", KEY, flag, blocker / "inside"), flag, "cannot write there")
    assert time.process_time() - started < 5, "the review ran before the output was checked"


def test_review_samples_is_a_deprecated_spelling_of_count():
    result = invoke("review", "G-999_nope", "--samples", "3")
    assert "--samples is deprecated" in result.output and "--count" in result.output
    assert result.exit_code == 2


def test_an_output_path_that_looks_like_markup_is_printed_not_parsed(tmp_path):
    out = tmp_path / "runs[/]bold"
    result = invoke("generate", KEY, "--out", out, "--params", SMALL)
    assert result.exit_code == 0, result.output
    assert "runs[/]bold" in result.output.replace("\n", "")
    assert (out / KEY / "00000000" / "metadata.json").is_file()
