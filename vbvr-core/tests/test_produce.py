"""produce(): retries with derived seeds, dead letters, atomic saving, verification, discovery."""

from __future__ import annotations

import json

import pytest
from vbvr_core import discovery
from vbvr_core.contract import FailureRecord, SampleRecord
from vbvr_core.pipeline.produce import attempt_seed, draw, produce
from vbvr_core.pipeline.sample_io import verify_sample
from vbvr_core.pipeline.seeds import derive_seed, sample_seed
from vbvr_core.testing.helpers import folder_digest


def test_seeds_depend_only_on_their_parts():
    assert derive_seed(1, "G-15_x", 3) == derive_seed(1, "G-15_x", 3)
    assert len({sample_seed(0, "G-15_x", i) for i in range(1000)}) == 1000
    assert 0 <= derive_seed("a") < 2**63


def test_invalid_sample_is_redrawn_with_derived_seed(tiny_task, tmp_path):
    # Find a seed whose first draw is invalid (odd row) but a later attempt is valid.
    for seed in range(50):
        result = produce(tiny_task, seed, tmp_path / f"s{seed}")
        if isinstance(result, SampleRecord) and result.attempt > 0:
            assert result.seed == seed
            assert json.loads((tmp_path / f"s{seed}" / "metadata.json").read_text())["attempt"] == result.attempt
            return
    pytest.fail("no seed needed a retry")


def test_unfixable_sample_becomes_a_dead_letter(tiny_task, tmp_path):
    result = produce(tiny_task, 5, tmp_path / "dead", params={"always_fail": True})
    assert isinstance(result, FailureRecord)
    assert result.attempts == 3 and all("told to fail" in p for p in result.problems)
    assert "RuntimeError" in result.traceback
    assert not (tmp_path / "dead").exists()


def test_a_trial_draw_that_fails_is_not_logged_as_a_dead_letter(tiny_task, caplog):
    with caplog.at_level("WARNING", logger="vbvr_core.pipeline"):
        assert isinstance(draw(tiny_task, 5, params={"always_fail": True}, report=False), FailureRecord)
        assert not caplog.records  # recreate() tries several overrides: the ones that miss are no failure
        assert isinstance(draw(tiny_task, 5, params={"always_fail": True}), FailureRecord)
    assert [record.getMessage() for record in caplog.records] == [
        "O-901_tiny_dot sample 0 (seed 5) failed after 3 attempts: attempt 2: RuntimeError: told to fail"]


def test_out_of_bounds_params_fail_without_retrying(tiny_task, tmp_path):
    result = produce(tiny_task, 5, tmp_path / "bad", params={"y": 9999})
    assert isinstance(result, FailureRecord) and result.attempts == 1 and "invalid params" in result.problems[0]


def test_saved_sample_has_every_file_with_checksums(tiny_task, tmp_path):
    result = produce(tiny_task, 2, tmp_path / "ok")
    assert isinstance(result, SampleRecord)
    names = sorted(p.name for p in (tmp_path / "ok").iterdir())
    assert names == ["final_frame.png", "first_frame.png", "ground_truth.mp4", "metadata.json", "prompt.txt"]
    assert verify_sample(tmp_path / "ok") == []
    (tmp_path / "ok" / "prompt.txt").write_text("tampered")
    assert any("prompt.txt" in p for p in verify_sample(tmp_path / "ok"))
    assert not list(tmp_path.glob(".*partial"))


def test_same_seed_same_bytes_and_overwrite_is_atomic(tiny_task, tmp_path):
    produce(tiny_task, 4, tmp_path / "a")
    first = folder_digest(tmp_path / "a")
    produce(tiny_task, 4, tmp_path / "a")  # replaces the existing folder in place
    assert folder_digest(tmp_path / "a") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_attempt_zero_uses_the_sample_seed():
    assert attempt_seed(42, 0) == 42 and attempt_seed(42, 1) != 42


def test_unknown_key_names_close_matches(tiny_task):
    with pytest.raises(discovery.UnknownTaskError) as caught:
        discovery.get_task("O-901_tiny_dott")
    assert "O-901_tiny_dot" in caught.value.suggestions


def test_listing_does_not_import_generator_modules(tiny_task):
    import sys

    sys.modules.pop("tiny_dot_task", None)
    keys = [task.key for task in discovery.list_tasks()]
    assert tiny_task in keys and "tiny_dot_task" not in sys.modules
