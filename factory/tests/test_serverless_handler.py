"""The Lambda handler in-process on a local root: the batchItemFailures contract and idempotent redelivery."""

from __future__ import annotations

from factory_testkit import FAULTY_KEY
from vbvr_core.discovery import get_task
from vbvr_core.pipeline.produce import task_package
from vbvr_core.testing.helpers import folder_digest
from vbvr_factory.chunks import ChunkSpec, WorkItem
from vbvr_factory.serverless import OUTPUT_ENV, ChunkMessage, handler, output_allowed


def message(out, *, reuse_existing: bool = True, version: str | None = None, key: str = FAULTY_KEY) -> str:
    facts = task_package(get_task(FAULTY_KEY))
    spec = ChunkSpec(out=str(out), task_key=key, split="train", base_seed=5, reuse_existing=reuse_existing,
                     items=[WorkItem(index=0), WorkItem(index=1)])
    return ChunkMessage(plan_digest="d" * 64, package_version=version or facts.version, package_commit=facts.commit,
                        chunk=spec).model_dump_json()


def record(message_id: str, body: str, group: str | None = None) -> dict:
    return {"messageId": message_id, "body": body, "attributes": {"MessageGroupId": group} if group else {}}


def test_redelivered_and_rewritten_chunks_leave_the_same_single_samples(tmp_path, faulty_in_process):
    out = tmp_path / "out"
    assert handler({"Records": [record("m1", message(out))]}) == {"batchItemFailures": []}
    first = folder_digest(out / FAULTY_KEY)
    assert sorted(path.name for path in (out / FAULTY_KEY).iterdir()) == ["00000000", "00000001"]
    metadata = out / FAULTY_KEY / "00000000" / "metadata.json"
    stamp = metadata.stat().st_mtime_ns
    assert handler({"Records": [record("m1", message(out))]}) == {"batchItemFailures": []}
    assert metadata.stat().st_mtime_ns == stamp, "a redelivered chunk keeps the intact sample"
    assert handler({"Records": [record("m2", message(out, reuse_existing=False))]}) == {"batchItemFailures": []}
    assert metadata.stat().st_mtime_ns != stamp, "reuse_existing=False rewrites the sample"
    assert folder_digest(out / FAULTY_KEY) == first
    assert sorted(path.name for path in (out / FAULTY_KEY).iterdir()) == ["00000000", "00000001"]


def test_messages_that_cannot_run_are_reported_and_their_group_stops(tmp_path, faulty_in_process, monkeypatch):
    allowed, elsewhere = tmp_path / "allowed", tmp_path / "elsewhere"
    monkeypatch.setenv(OUTPUT_ENV, str(allowed))
    event = {"Records": [
        record("outside", message(elsewhere), group="a"),
        record("after-outside", message(allowed / "run"), group="a"),  # same group: not run after a failure
        record("other-build", message(allowed / "run", version="9.9.9"), group="b"),
        record("not-json", "{", group="c"),
        record("missing-task", message(allowed / "run", key="O-998_not_installed"), group="d"),
        record("fine", message(allowed / "run"), group="e"),
    ]}
    failures = [failure["itemIdentifier"] for failure in handler(event)["batchItemFailures"]]
    assert failures == ["outside", "after-outside", "other-build", "not-json", "missing-task"]
    assert not elsewhere.exists()
    assert sorted(path.name for path in (allowed / "run" / FAULTY_KEY).iterdir()) == ["00000000", "00000001"]


def test_output_allowed_is_the_prefix_or_below_it():
    assert output_allowed("s3://b/samples", "s3://b/samples/")
    assert output_allowed("s3://b/samples/run-1", "s3://b/samples")
    assert not output_allowed("s3://b/samples-other", "s3://b/samples")
    assert not output_allowed("s3://other/samples", "s3://b/samples")
    assert output_allowed("anything", None)
