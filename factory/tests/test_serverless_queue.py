"""The serverless path against moto (S3 + SQS on loopback): submit → worker --until-empty → run --resume.

What is compared with a local run of the same registry: every file under each task folder (tree digest of
names and bytes), manifest.jsonl and failures.jsonl. A chunk whose task is not installed on the worker
(`run_chunk` itself raises) ends in the dead-letter queue; a redelivered chunk leaves no duplicate.
"""

from __future__ import annotations

import json
import urllib.request

import boto3
import pytest
from factory_testkit import FAULTY_KEY, G15, G15_SMALL, write_registry
from test_s3 import tree_digest
from typer.testing import CliRunner
from vbvr_core.testing.helpers import folder_digest
from vbvr_factory.chunks import ChunkSpec, WorkItem
from vbvr_factory.cli import app
from vbvr_factory.serverless import ChunkMessage

BUCKET, PREFIX = "vbvr-queue-test", "runs/queue"  # moto's state is per process: names of their own
DEDUP_PARAMS = {"variety": 6, "fail_share": 0.3}
MISSING_TASK = "O-998_not_installed"


def s3_objects(endpoint: str) -> dict[str, bytes]:
    client = boto3.client("s3", endpoint_url=endpoint)
    keys = [entry["Key"] for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=PREFIX)
            for entry in page.get("Contents", [])]
    return {key.removeprefix(PREFIX + "/"): client.get_object(Bucket=BUCKET, Key=key)["Body"].read() for key in keys}


@pytest.fixture
def queues(moto_s3):
    """A FIFO work queue whose RedrivePolicy sends a message to a FIFO dead-letter queue on its 3rd receive.

    moto keeps its state per process, across servers: the fixture resets it afterwards.
    """
    sqs = boto3.client("sqs", endpoint_url=moto_s3)
    dead = sqs.create_queue(QueueName="vbvr-dead.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    dead_arn = sqs.get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    work = sqs.create_queue(QueueName="vbvr-work.fifo", Attributes={
        "FifoQueue": "true", "VisibilityTimeout": "60",
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_arn, "maxReceiveCount": 2})})["QueueUrl"]
    boto3.client("s3", endpoint_url=moto_s3).create_bucket(Bucket=BUCKET)
    yield sqs, work, dead
    urllib.request.urlopen(urllib.request.Request(f"{moto_s3}/moto-api/reset", method="POST"), timeout=10).close()


def visible(sqs, url: str) -> int:
    names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=names)["Attributes"]
    return sum(int(attributes[name]) for name in names)


def invoke(*args, exit_code: int = 0):
    result = CliRunner().invoke(app, [str(arg) for arg in args], env={"COLUMNS": "200"})
    assert result.exit_code == exit_code, result.output
    return result


def test_queue_path_matches_a_local_run_and_a_broken_chunk_ends_in_the_dlq(tmp_path, factory, moto_s3, queues,
                                                                         faulty_in_process):
    sqs, work, dead = queues
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": G15, "count": 3, "split": "train", "params": G15_SMALL},
        {"key": FAULTY_KEY, "count": 8, "split": "train", "params": DEDUP_PARAMS},
    ])
    url = f"s3://{BUCKET}/{PREFIX}"
    submitted = invoke("submit", registry, "--queue-url", work, "--out", url, "--chunk-size", "2")
    assert "6 chunks (11 samples)" in submitted.output and f"--out {url} --resume" in submitted.output
    first_g15 = next(message for message in sqs.receive_message(QueueUrl=work, MaxNumberOfMessages=10,
                                                                 VisibilityTimeout=0)["Messages"]
                     if json.loads(message["Body"])["chunk"]["task_key"] == G15)
    redelivered = first_g15["Body"]  # the same chunk again, as SQS's at-least-once delivery may hand it out
    broken = ChunkMessage(plan_digest="0" * 64, package_version="0.1.0", package_commit=None, chunk=ChunkSpec(
        out=url, task_key=MISSING_TASK, split="train", base_seed=11, items=[WorkItem(index=0)]))
    for group, body in (("again", redelivered), ("broken", broken.model_dump_json())):
        sqs.send_message(QueueUrl=work, MessageBody=body, MessageGroupId=group, MessageDeduplicationId=group)

    done = factory("worker", "--queue-url", work, "--until-empty", "--wait", "1", "--retry-delay", "0",
                   "--batch-size", "3")
    assert "7 message(s) done" in done.stdout and MISSING_TASK in done.stderr
    assert '"kept": 2' in done.stderr, "the second delivery of chunk 0-1 keeps the samples of the first"
    assert visible(sqs, work) == 0
    listed = invoke("dlq", "--queue-url", work)
    assert "1 dead letter(s)" in listed.output and MISSING_TASK in listed.output
    assert visible(sqs, dead) == 1, "listing must not consume the dead letters"
    files = s3_objects(moto_s3)
    assert {name.split("/")[1] for name in files if name.startswith(G15 + "/")} == {"00000000", "00000001", "00000002"}
    assert not [name for name in files if name.startswith(MISSING_TASK)]
    assert json.loads(files["run.json"])["status"] == "submitted" and "manifest.jsonl" not in files

    factory("run", registry, "--out", url, "--resume", "--workers", "2", check_code=1)  # exit 1: dead letters
    local = tmp_path / "local"
    factory("run", registry, "--out", local, "--workers", "2", check_code=1)
    files = s3_objects(moto_s3)
    for key in (G15, FAULTY_KEY):
        assert tree_digest(files, key) == folder_digest(local / key)
    for name in ("manifest.jsonl", "failures.jsonl"):
        assert files[name] == (local / name).read_bytes()
    run = json.loads(files["run.json"])
    assert run["status"] == "complete" and run["tasks"][G15]["kept"] == 3 and run["tasks"][G15]["written"] == 0
    manifest = [json.loads(line) for line in files["manifest.jsonl"].decode().splitlines()]
    assert len({(line["task_key"], line["index"]) for line in manifest}) == len(manifest)

    redriven = invoke("dlq", "--queue-url", work, "--redrive")
    assert "re-driven" in redriven.output and MISSING_TASK in redriven.output
    assert visible(sqs, dead) == 0 and visible(sqs, work) == 1


def test_refusals_a_queue_without_dead_letters_and_credentials_in_messages(tmp_path, moto_s3, queues):
    sqs, work, _ = queues
    plain = sqs.create_queue(QueueName="vbvr-plain.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    refused = invoke("dlq", "--queue-url", plain, exit_code=2)
    assert "has no RedrivePolicy" in refused.output
    registry = write_registry(tmp_path / "registry.yaml", [{"key": G15, "count": 2, "params": G15_SMALL}])
    secret = invoke("submit", registry, "--queue-url", work, "--out", f"s3://{BUCKET}/secret", "--storage-option",
                    "secret=abc", exit_code=2)
    assert "would put credentials into queue messages" in secret.output
    assert visible(sqs, work) == 0
