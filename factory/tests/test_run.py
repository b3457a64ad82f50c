"""`vbvr-factory run` end to end: determinism across worker counts, dedup, dead letters, provenance files."""

from __future__ import annotations

import json

from factory_testkit import FAULTY_KEY, G15, G15_SMALL, read_jsonl, write_registry
from typer.testing import CliRunner
from vbvr_core.contract import FailureRecord
from vbvr_core.pipeline.produce import draw
from vbvr_core.pipeline.sample_io import content_hash
from vbvr_core.pipeline.seeds import sample_seed
from vbvr_core.testing.helpers import folder_digest
from vbvr_factory.cli import app

DEDUP_PARAMS = {"variety": 10, "fail_share": 0.4}


def sequential_reference(key: str, base_seed: int, count: int, params: dict, limit: int) -> dict[int, tuple | None]:
    """The dedup rule applied one index at a time, in order: index → (attempt, content hash) or None."""
    final: dict[int, tuple | None] = {}
    seen: set[str] = set()
    for index in range(count):
        seed, attempt = sample_seed(base_seed, key, index), 0
        while True:
            if attempt >= limit:
                final[index] = None
                break
            drawn = draw(key, seed, index=index, params=params, max_attempts=limit - attempt, first_attempt=attempt)
            if isinstance(drawn, FailureRecord):
                final[index] = None
                break
            digest = content_hash(drawn.sample)
            if digest in seen:
                attempt = drawn.attempt + 1
                continue
            seen.add(digest)
            final[index] = (drawn.attempt, digest)
            break
    return final


def test_one_and_two_workers_write_byte_identical_samples(tmp_path, factory):
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": G15, "count": 5, "split": "train", "params": G15_SMALL},
        {"key": FAULTY_KEY, "count": 12, "split": "train", "params": DEDUP_PARAMS},
    ])
    one, two = tmp_path / "one", tmp_path / "two"
    factory("run", registry, "--out", one, "--workers", "1", check_code=1)  # the faulty task has dead letters
    factory("run", registry, "--out", two, "--workers", "2", check_code=1)
    for key in (G15, FAULTY_KEY):
        assert folder_digest(one / key) == folder_digest(two / key)
    assert (one / "manifest.jsonl").read_bytes() == (two / "manifest.jsonl").read_bytes()
    assert (one / "failures.jsonl").read_bytes() == (two / "failures.jsonl").read_bytes()
    manifest = read_jsonl(one / "manifest.jsonl")
    assert [(line["task_key"], line["index"]) for line in manifest] == sorted(
        (line["task_key"], line["index"]) for line in manifest)
    assert sum(line["task_key"] == G15 for line in manifest) == 5
    run = json.loads((one / "run.json").read_text())
    assert run["status"] == "complete"
    assert run["packages"]["vbvr-g15-grid-avoid-obstacles"]["commit"]
    assert run["totals"]["samples"] == len(manifest)


def test_dedup_and_dead_letters_follow_the_sequential_rule(tmp_path, factory, faulty_in_process):
    count, seed = 14, 11
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": FAULTY_KEY, "count": count, "split": "train", "params": DEDUP_PARAMS}], seed=seed)
    out = tmp_path / "out"
    done = factory("run", registry, "--out", out, "--workers", "2", check_code=1)
    assert "dead letter" in done.stderr
    expected = sequential_reference(FAULTY_KEY, seed, count, DEDUP_PARAMS, limit=4)
    manifest = {line["index"]: line for line in read_jsonl(out / "manifest.jsonl")}
    failures = {line["index"]: line for line in read_jsonl(out / "failures.jsonl")}
    assert {index for index, final in expected.items() if final is None} == set(failures)
    assert {index: (line["attempt"], line["content_hash"]) for index, line in manifest.items()} == {
        index: final for index, final in expected.items() if final is not None}
    assert len({line["content_hash"] for line in manifest.values()}) == len(manifest), "duplicates survived"
    run = json.loads((out / "run.json").read_text())
    assert run["totals"]["duplicates_redrawn"] > 0, "the parameters should force collisions"
    injected = [line for line in failures.values() if line["traceback"]]
    assert injected and all("injected fault" in line["traceback"] for line in injected)
    assert all(line["seed"] == sample_seed(seed, FAULTY_KEY, line["index"]) for line in failures.values())


def invoke(*args, exit_code: int = 0):
    """Run the CLI in this process: enough for commands that fail before any worker starts, and verify."""
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code == exit_code, result.output
    return result


def test_vbvr_bench_layout_matches_the_official_folders(tmp_path, factory, faulty_in_process):
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": G15, "count": 2, "split": "test-id", "params": G15_SMALL},
        {"key": FAULTY_KEY, "count": 2, "split": "test-ood"},
    ])
    out = tmp_path / "bench"
    factory("run", registry, "--out", out, "--layout", "vbvr-bench", "--workers", "1")
    sample = out / "In-Domain_50" / f"{G15}_data-generator" / "00001"
    assert {"first_frame.png", "final_frame.png", "ground_truth.mp4", "prompt.txt"} <= {
        path.name for path in sample.iterdir()}
    assert (out / "Out-of-Domain_50" / f"{FAULTY_KEY}_data-generator" / "00000" / "metadata.json").is_file()
    invoke("verify", out)
    train = write_registry(tmp_path / "train.yaml", [{"key": G15, "count": 2, "split": "train"}])
    refused = invoke("run", train, "--out", tmp_path / "bench-train", "--layout", "vbvr-bench", exit_code=2)
    assert "split 'train' has no place in the vbvr-bench layout" in refused.output
    assert not (tmp_path / "bench-train").exists()


def test_output_root_of_another_run_or_other_files_is_refused(tmp_path, factory, faulty_in_process):
    registry = write_registry(tmp_path / "registry.yaml", [{"key": FAULTY_KEY, "count": 2, "split": "train"}])
    out = tmp_path / "out"
    factory("run", registry, "--out", out, "--workers", "1")
    before = folder_digest(out / FAULTY_KEY)
    other = invoke("run", registry, "--out", out, "--count", "3", "--workers", "1", exit_code=2)
    assert "holds another run" in other.output
    assert folder_digest(out / FAULTY_KEY) == before
    factory("run", registry, "--out", out, "--workers", "1", "--resume")
    assert folder_digest(out / FAULTY_KEY) == before
    tally = json.loads((out / "run.json").read_text())["tasks"][FAULTY_KEY]
    assert (tally["kept"], tally["written"]) == (2, 0)
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine")
    refused = invoke("run", registry, "--out", stranger, "--workers", "1", exit_code=2)
    assert "holds no run.json" in refused.output
    assert [path.name for path in stranger.iterdir()] == ["notes.txt"]
